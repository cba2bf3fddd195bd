import { macd, requireMacdPeriods, SIGNAL_PERIODS } from "../signals";
import { heldLayers, hedgeSizing, type LayerGate, runVariant } from "./hedging";
import type { ReplayHistory } from "./history";
import { type ReplayParams, replayParams } from "./params";
import { plannedReplay } from "./replay";
import { summarize, type VariantSummary } from "./summary";

/**
 * The layer gate "add a layer only when MACD(VIX) is above its signal" (issue 17): true on the rows
 * where the MACD line of the VIX closes is strictly above its signal line, false where it is on or
 * under it and where the signal is not defined yet (the first slow + signal − 2 rows, or every row
 * of a history too short for one).
 */
export function macdLayerGate(
  vix: readonly number[],
  fast: number = SIGNAL_PERIODS.macdFast,
  slow: number = SIGNAL_PERIODS.macdSlow,
  signal: number = SIGNAL_PERIODS.macdSignal
): boolean[] {
  requireMacdPeriods(fast, slow, signal);
  if (vix.length < slow + signal - 1) return vix.map(() => false);
  const m = macd(vix, fast, slow, signal);
  return m.line.map((line, i) => {
    const sig = m.signal[i];
    return line !== undefined && sig !== undefined && line > sig;
  });
}

/** ALVH's summary under the plain rule and under the MACD-gated one, side by side. */
export interface GateComparison {
  /** ALVH adding a layer whenever the EDR crosses its trigger (SPEC §6). */
  plain: VariantSummary;
  /** ALVH adding a layer only on rows where MACD(VIX) is above its signal; layers fall freely. */
  macdGated: VariantSummary;
}

/**
 * The replay's ALVH program run twice over one history (plain rule and MACD(12, 26, 9)-gated),
 * for the Replay sheet and pane to show side by side. The condor path is planned once.
 */
export function replayGateComparison(
  history: ReplayHistory,
  given: Partial<ReplayParams> = {}
): GateComparison {
  const params = replayParams(given);
  const plan = plannedReplay(history, params);
  const gate: LayerGate = macdLayerGate(history.vix);
  const sizing = hedgeSizing(plan, params);
  const alvh = (layers: Int32Array) =>
    summarize(plan, runVariant(plan, params, "alvh", layers, sizing));
  return {
    plain: alvh(heldLayers(plan.edr, params)),
    macdGated: alvh(heldLayers(plan.edr, params, gate)),
  };
}
