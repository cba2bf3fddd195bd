import { AlvhError } from "../errors";
import { isoFromSerial } from "../calendar";
import type { CondorStrikes } from "./condor";
import { planReplay, type ReplayPlan } from "./cycles";
import {
  heldLayers,
  hedgeSizing,
  type LayerGate,
  REPLAY_VARIANTS,
  requireLayerGate,
  type ReplayVariant,
  runVariant,
  type VariantRun,
} from "./hedging";
import { type ReplayHistory, validateHistory } from "./history";
import { type ReplayParams, replayParams } from "./params";
import { SUMMARY_ROWS, summarize, type VariantSummary } from "./summary";

/** A figure per variant. */
export type PerVariant<T> = Record<ReplayVariant, T>;

/** One history row as the "ALVH Replay" sheet shows it. */
export interface ReplayDay {
  date: number;
  spx: number;
  vix: number;
  /** VIX/√252, in percent. */
  edr: number;
  /** The layers ALVH holds at the close (the EDR's active layers, uncapped, unless a gate held them). */
  layers: number;
  /** Hedge contracts held at the close (unhedged: always 0). */
  contracts: PerVariant<number>;
  /** Cumulative P&L in $ through this close. */
  equity: PerVariant<number>;
}

export interface ReplayCycle {
  /** Date serials: the entry row's date, the condor's expiration, the settlement row's date. */
  entry: number;
  expiry: number;
  settlement: number;
  hedgeExpiry: number;
  strikes: CondorStrikes;
  /** The model mark at entry, in index points per share. */
  credit: number;
  /** $ of the cycle: its rows after entry through settlement, with its opening fees. */
  pnl: PerVariant<number>;
}

export interface ReplayResult {
  params: ReplayParams;
  summary: PerVariant<VariantSummary>;
  days: ReplayDay[];
  cycles: ReplayCycle[];
}

export interface ReplayOptions {
  /** See LayerGate: ALVH adds a layer only on rows where it is true. */
  layerGate?: LayerGate;
}

/** SPEC §6 over a history: the summary per variant, one row per day and one per cycle. */
export function replay(
  history: ReplayHistory,
  given: Partial<ReplayParams> = {},
  options: ReplayOptions = {}
): ReplayResult {
  const { params, plan, runs } = replayRuns(history, given, options);
  const [unhedged, hedgedStatic, alvh] = runs;
  const summary = perVariant((v) => summarize(plan, runs[REPLAY_VARIANTS.indexOf(v)]));
  const { dates, spx, vix } = history;
  const equity = [0, 0, 0];
  const days: ReplayDay[] = dates.map((date, i) => {
    runs.forEach((run, v) => (equity[v] += run.dailyPnl[i]));
    return {
      date,
      spx: spx[i],
      vix: vix[i],
      edr: plan.edr[i],
      layers: alvh.layers[i],
      contracts: { unhedged: 0, static: hedgedStatic.contracts[i], alvh: alvh.contracts[i] },
      equity: { unhedged: equity[0], static: equity[1], alvh: equity[2] },
    };
  });
  const cycles = plan.cycles.map((c, j): ReplayCycle => ({
    entry: dates[c.entry],
    expiry: c.expiry,
    settlement: dates[c.settle],
    hedgeExpiry: c.hedgeExpiry,
    strikes: c.strikes,
    credit: c.credit,
    pnl: {
      unhedged: unhedged.cyclePnl[j],
      static: hedgedStatic.cyclePnl[j],
      alvh: alvh.cyclePnl[j],
    },
  }));
  return { params, summary, days, cycles };
}

/** {@link replay}'s summary alone, without its daily and cycle rows: what =ALVH.REPLAY shows. */
export function replaySummary(
  history: ReplayHistory,
  given: Partial<ReplayParams> = {},
  options: ReplayOptions = {}
): PerVariant<VariantSummary> {
  const { plan, runs } = replayRuns(history, given, options);
  return perVariant((v) => summarize(plan, runs[REPLAY_VARIANTS.indexOf(v)]));
}

/**
 * The three variants over one plan: the EDR's layers and the hedge sizing computed once for all
 * (ALVH's layers apart only when a gate holds some back).
 */
function replayRuns(
  history: ReplayHistory,
  given: Partial<ReplayParams>,
  options: ReplayOptions
): { params: ReplayParams; plan: ReplayPlan; runs: VariantRun[] } {
  const params = replayParams(given);
  const plan = plannedReplay(history, params);
  const gate = options.layerGate;
  requireLayerGate(plan, gate);
  const layers = heldLayers(plan.edr, params);
  const gated = gate === undefined ? layers : heldLayers(plan.edr, params, gate);
  const sizing = hedgeSizing(plan, params);
  const runs = REPLAY_VARIANTS.map((v) =>
    runVariant(plan, params, v, v === "alvh" ? gated : layers, sizing)
  );
  return { params, plan, runs };
}

/** SPEC §4's 9×4 REPLAY table: header row `metric, unhedged, static, ALVH`, then SPEC's rows. */
export function replaySummaryTable(summary: PerVariant<VariantSummary>): (string | number)[][] {
  return [
    ["metric", "unhedged", "static", "ALVH"],
    ...SUMMARY_ROWS.map(([label, field]) => [
      label,
      ...REPLAY_VARIANTS.map((v) => summary[v][field]),
    ]),
  ];
}

/** The validated history's condor path, refused when it holds no complete cycle. */
export function plannedReplay(history: ReplayHistory, params: ReplayParams): ReplayPlan {
  const { dates } = validateHistory(history);
  if (dates.length === 0)
    throw new AlvhError("dates", "the history is empty: paste Date, SPX and VIX rows");
  const plan = planReplay(history, params);
  if (plan.cycles.length === 0) {
    throw new AlvhError(
      "dates",
      `the history from ${isoFromSerial(dates[0])} to ${isoFromSerial(dates[dates.length - 1])} holds no complete cycle: it needs rows from one monthly expiration (third Friday) through the next`
    );
  }
  return plan;
}

function perVariant<T>(of: (v: ReplayVariant) => T): PerVariant<T> {
  return { unhedged: of("unhedged"), static: of("static"), alvh: of("alvh") };
}
