import { coverageParams } from "../layers";
import { heldLayers, hedgeSizing, runVariant } from "./hedging";
import type { ReplayHistory } from "./history";
import { type ReplayParams, replayParams } from "./params";
import { plannedReplay } from "./replay";
import { summarize } from "./summary";

/** The trader's "which layer spacing would have helped": ALVH replayed over a threshold × step grid. */

export interface SweepCell {
  threshold: number;
  step: number;
  /** $, ALVH's max drawdown and total P&L with this threshold and step. */
  maxDrawdown: number;
  totalPnl: number;
}

export interface ReplaySweep {
  thresholds: number[];
  steps: number[];
  /** cells[i][j]: thresholds[i] with steps[j]. */
  cells: SweepCell[][];
}

/** 9 thresholds around SPEC's 0.90 and 9 steps around its 0.05, in EDR percent. */
export const SWEEP_THRESHOLDS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1];
export const SWEEP_STEPS = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15];

/**
 * The condor path (cycles, marks, the modelled futures) and the contracts the cap allows on each
 * row do not depend on the threshold or the step, so they are computed once and only ALVH's
 * layers and hedge are replayed per cell.
 */
export function replaySweep(
  history: ReplayHistory,
  given: Partial<ReplayParams> = {},
  thresholds: readonly number[] = SWEEP_THRESHOLDS,
  steps: readonly number[] = SWEEP_STEPS
): ReplaySweep {
  const params = replayParams(given);
  const plan = plannedReplay(history, params);
  const sizing = hedgeSizing(plan, params);
  const cells = thresholds.map((threshold) =>
    steps.map((step): SweepCell => {
      const cell: ReplayParams = { ...params, threshold, step };
      coverageParams(cell);
      const layers = heldLayers(plan.edr, cell);
      const run = runVariant(plan, cell, "alvh", layers, sizing);
      const { maxDrawdown, totalPnl } = summarize(plan, run);
      return { threshold, step, maxDrawdown, totalPnl };
    })
  );
  return { thresholds: [...thresholds], steps: [...steps], cells };
}
