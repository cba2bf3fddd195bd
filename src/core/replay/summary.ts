import type { ReplayPlan } from "./cycles";
import type { VariantRun } from "./hedging";

/** SPEC §6's outputs of one variant. */
export interface VariantSummary {
  cycles: number;
  /** $: condor + hedge − fees. */
  totalPnl: number;
  /** $: hedge − fees. */
  hedgePnl: number;
  /** $: the largest fall of cumulative P&L from its running peak (the peak starting at 0). */
  maxDrawdown: number;
  /** $: the least P&L of one cycle, its opening fees included. */
  worstCycle: number;
  /** Fraction of cycles with P&L above 0. */
  winningCycles: number;
  /** Σ|ΔN| over the replay. */
  contractsTraded: number;
  /** Fraction of the rows from the first entry to before the last settlement holding contracts. */
  daysHedged: number;
}

export function summarize(plan: ReplayPlan, run: VariantRun): VariantSummary {
  const { cycles } = plan;
  let total = 0;
  let peak = 0;
  let maxDrawdown = 0;
  for (const pnl of run.dailyPnl) {
    total += pnl;
    if (total > peak) peak = total;
    if (peak - total > maxDrawdown) maxDrawdown = peak - total;
  }
  let worstCycle = Infinity;
  let wins = 0;
  for (const pnl of run.cyclePnl) {
    if (pnl < worstCycle) worstCycle = pnl;
    if (pnl > 0) wins++;
  }
  const first = cycles[0].entry;
  const last = cycles[cycles.length - 1].settle;
  let hedged = 0;
  for (let i = first; i < last; i++) if (run.contracts[i] > 0) hedged++;
  return {
    cycles: cycles.length,
    totalPnl: total,
    hedgePnl: run.hedgePnl,
    maxDrawdown,
    worstCycle,
    winningCycles: wins / cycles.length,
    contractsTraded: run.contractsTraded,
    daysHedged: hedged / (last - first),
  };
}

/** SPEC §4 REPLAY's rows, in its order: the label and the summary field each shows. */
export const SUMMARY_ROWS: readonly (readonly [string, keyof VariantSummary])[] = [
  ["cycles", "cycles"],
  ["total P&L ($)", "totalPnl"],
  ["hedge P&L ($)", "hedgePnl"],
  ["max drawdown ($)", "maxDrawdown"],
  ["worst cycle ($)", "worstCycle"],
  ["winning cycles", "winningCycles"],
  ["hedge contracts traded", "contractsTraded"],
  ["days hedged", "daysHedged"],
];
