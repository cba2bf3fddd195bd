import { DEFAULTS } from "../defaults";
import { yearFraction } from "../black76";
import { nextVixExpiry } from "../calendar";
import { edr } from "../edr";
import { exposureFromMaxLoss } from "../hedge";
import { futureBetaOf, futureOf } from "../term";
import { requireVol } from "../validate";
import {
  condorMark,
  condorPayoff,
  condorStrikes,
  type CondorStrikes,
  condorValue,
  widerWing,
} from "./condor";
import { monthlyExpirations } from "./expirations";
import type { ReplayHistory } from "./history";
import type { ReplayParams } from "./params";

/**
 * SPEC §6's condor path, which every hedge variant shares: the cycles, each condor's strikes,
 * credit and marks, and the modelled future of its hedge month with that future's beta, row by row.
 * Arrays of a cycle are indexed from its entry row (0) to its settlement row (settle − entry).
 */
export interface PlannedCycle {
  /** Row indices into the history. */
  entry: number;
  settle: number;
  /** The monthly expiration the condor expires on (Eⱼ₊₁), a date serial. */
  expiry: number;
  /** The hedge's VIX expiry, the first strictly after `expiry`. */
  hedgeExpiry: number;
  strikes: CondorStrikes;
  /** The model mark at entry, per share. */
  credit: number;
  /** Per share, (wider wing − credit) × 100 in $, and that ÷ vixRiseAtMaxLoss in $ per VIX point. */
  maxLoss: number;
  exposure: number;
  /** Debit to close per share; the last is the payoff at the settlement close. */
  marks: Float64Array;
  /** $ of the short condor on each row after entry, −Δmark × 100 (0 at entry): every variant's. */
  condorPnl: Float64Array;
  future: Float64Array;
  beta: Float64Array;
}

export interface ReplayPlan {
  history: ReplayHistory;
  /** EDR of each row, VIX/√252, in percent. */
  edr: Float64Array;
  cycles: PlannedCycle[];
}

export function planReplay(history: ReplayHistory, params: ReplayParams): ReplayPlan {
  const { dates, vix } = history;
  const n = dates.length;
  const edrs = new Float64Array(n);
  for (let i = 0; i < n; i++) edrs[i] = edr(vix[i]);
  const expirations = monthlyExpirations(dates[0], dates[n - 1]);
  const cycles: PlannedCycle[] = [];
  let row = 0;
  for (let j = 0; j + 1 < expirations.length; j++) {
    const [opens, expiry] = [expirations[j], expirations[j + 1]];
    if (opens < dates[0] || expiry > dates[n - 1]) continue;
    row = lastRowAtOrBefore(dates, opens, row);
    const settle = lastRowAtOrBefore(dates, expiry, row);
    if (settle === row) continue;
    const cycle = planCycle(history, params, row, settle, expiry);
    if (cycle) cycles.push(cycle);
  }
  return { history, edr: edrs, cycles };
}

function planCycle(
  { dates, spx, vix }: ReplayHistory,
  params: ReplayParams,
  entry: number,
  settle: number,
  expiry: number
): PlannedCycle | undefined {
  const vol = vix[entry] / 100;
  const strikes = condorStrikes(
    spx[entry],
    vol,
    (expiry - dates[entry]) / 365,
    params.shortDelta,
    params.wingDelta
  );
  // Validates the strikes, the entry's spot and vol once; every later row's spot and VIX were
  // checked with the history, so the loop prices from plain numbers.
  const credit = condorMark(strikes, spx[entry], vol, expiry - dates[entry]);
  if (!(credit > 0)) return undefined;
  const length = settle - entry + 1;
  const marks = new Float64Array(length);
  const condorPnl = new Float64Array(length);
  const future = new Float64Array(length);
  const beta = new Float64Array(length);
  const hedgeExpiry = nextVixExpiry(expiry);
  const { kappa, longRunVix } = params;
  for (let k = 0; k < length; k++) {
    const i = entry + k;
    // The settlement row takes the payoff at its close, even when it is dated before the expiry.
    marks[k] =
      i === settle
        ? condorPayoff(strikes, spx[i])
        : condorValue(
            strikes,
            spx[i],
            requireVol("vol", vix[i] / 100),
            yearFraction(expiry - dates[i])
          );
    if (k > 0) condorPnl[k] = -(marks[k] - marks[k - 1]) * DEFAULTS.spxMultiplier;
    const tau = (hedgeExpiry - dates[i]) / 365;
    beta[k] = futureBetaOf(kappa, tau);
    future[k] = futureOf(vix[i], beta[k], longRunVix);
  }
  // One vol for all legs prices each spread below its width, so the credit stays below the wing.
  const maxLoss = (widerWing(strikes) - credit) * DEFAULTS.spxMultiplier;
  const exposure = exposureFromMaxLoss(maxLoss, params.vixRiseAtMaxLoss);
  return {
    entry,
    settle,
    expiry,
    hedgeExpiry,
    strikes,
    credit,
    maxLoss,
    exposure,
    marks,
    condorPnl,
    future,
    beta,
  };
}

/** The last row dated on or before `day`, searching forward from `from` (rows are ascending). */
function lastRowAtOrBefore(dates: readonly number[], day: number, from: number): number {
  let i = from;
  while (i + 1 < dates.length && dates[i + 1] <= day) i++;
  return i;
}
