import { DEFAULTS } from "../defaults";
import { AlvhError } from "../errors";
import { coverageParams } from "../layers";
import { termStructure } from "../term";
import { requireNonNegative, requirePositive } from "../validate";

/** SPEC §4 REPLAY's parameters, in its order; units as there. */
export interface ReplayParams {
  /** Delta of the short put and short call, as a fraction (0.2 for 20-delta). */
  shortDelta: number;
  /** Delta of the long wings, as a fraction (0.05 for 5-delta). */
  wingDelta: number;
  /** VIX rise, in points, at which the condor is taken to reach its max loss (§3.5's max-loss method). */
  vixRiseAtMaxLoss: number;
  threshold: number;
  step: number;
  perLayer: number;
  cap: number;
  kappa: number;
  longRunVix: number;
  /** $ per hedge contract bought or sold. */
  feePerContract: number;
}

export const REPLAY_DEFAULTS: ReplayParams = {
  shortDelta: 0.2,
  wingDelta: 0.05,
  vixRiseAtMaxLoss: 10,
  threshold: DEFAULTS.threshold,
  step: DEFAULTS.step,
  perLayer: DEFAULTS.perLayer,
  cap: DEFAULTS.cap,
  kappa: DEFAULTS.kappa,
  longRunVix: DEFAULTS.longRunVix,
  feePerContract: 0,
};

/** Defaults for what is left out; each given value checked, the message naming it and the fix. */
export function replayParams(given: Partial<ReplayParams> = {}): ReplayParams {
  const p = { ...REPLAY_DEFAULTS };
  for (const key of Object.keys(REPLAY_DEFAULTS) as (keyof ReplayParams)[]) {
    const value = given[key];
    if (value !== undefined) p[key] = value;
  }
  requireDelta("shortDelta", p.shortDelta, 0.5);
  requireDelta("wingDelta", p.wingDelta, p.shortDelta);
  requirePositive("vixRiseAtMaxLoss", p.vixRiseAtMaxLoss);
  coverageParams(p);
  termStructure(p);
  requireNonNegative("feePerContract", p.feePerContract);
  return p;
}

/** A delta as a fraction, above 0 and below `below` (wings further out than the shorts). */
function requireDelta(name: string, value: number, below: number): void {
  requirePositive(name, value);
  if (value >= 1) {
    throw new AlvhError(
      name,
      `${name} ${value} looks like a delta in percent: enter ${Number((value / 100).toPrecision(12))} for a ${value}-delta option`
    );
  }
  const limit = name === "shortDelta" ? "at most 0.5 (at the money)" : `below shortDelta ${below}`;
  if (name === "shortDelta" ? value > below : value >= below) {
    throw new AlvhError(name, `${name} must be ${limit} (got ${value})`, "num");
  }
}
