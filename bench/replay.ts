import { replaySweep, SWEEP_STEPS, SWEEP_THRESHOLDS, type ReplayHistory } from "../src/core";
import type { FunctionsById } from "../tests/functions/bundle";
import { syntheticHistory } from "../tests/support/synthetic-history";
import { bestRates } from "./measure";

/**
 * SPEC §6's replay of issue 16's 30 years, ≈ 8,500 daily rows (synthetic, deterministic:
 * tests/support/synthetic-history, a crash every 500 rows): one =ALVH.REPLAY through the production bundle
 * (dist/functions.js), and the threshold × step sweep as the task pane runs it (the engine's
 * replaySweep over SWEEP_THRESHOLDS × SWEEP_STEPS: the condors planned once, ALVH replayed per
 * cell). Beside them, in the same interleaved rounds, a plain loop of what any replay must at
 * least do: the four legs of a condor priced on every row, here with =ALVH.BS of the same bundle,
 * so each budget is a ratio that machine load cancels out of. CPU time, best of the rounds.
 */
export interface ReplayTimings {
  rows: number;
  years: number;
  sweepCells: number;
  replayMs: number;
  sweepMs: number;
  plainLoopMs: number;
}

/** Issue 16's 30 years of daily closes, ≈ 8,500 rows. */
const ROWS = 8_500;

/** The history every replay figure runs on, in Node and in the page (bench/standalone.ts). */
export function benchHistory(): ReplayHistory {
  return syntheticHistory(ROWS, 20260101, 500);
}

export function replayTimings(fns: FunctionsById): ReplayTimings {
  const history = benchHistory();
  const [dates, spx, vix] = [history.dates, history.spx, history.vix].map((c) => c.map((v) => [v]));
  const plainLoop = () => {
    let sum = 0;
    for (let i = 0; i < ROWS; i++) {
      const [s, v] = [history.spx[i], history.vix[i] / 100];
      const leg = (type: string, k: number) => fns.BSPRICE(type, s, s * k, 20, v, null, null, null);
      sum +=
        (leg("put", 0.95) as number) -
        (leg("put", 0.9) as number) +
        (leg("call", 1.05) as number) -
        (leg("call", 1.1) as number);
    }
    return sum;
  };
  // Each call takes milliseconds to a second: batches of 1 after a 20-call warm-up, 5 rounds.
  const rates = bestRates(
    {
      replay: () => {
        const table = fns.REPLAY(dates, spx, vix, null, null, null, null, null) as unknown[][];
        return table[2][3] as number;
      },
      sweep: () => replaySweep(history).cells[4][3].totalPnl,
      plainLoop,
    },
    5,
    0.2,
    1
  );
  return {
    rows: ROWS,
    years: (history.dates[ROWS - 1] - history.dates[0]) / 365.25,
    sweepCells: SWEEP_THRESHOLDS.length * SWEEP_STEPS.length,
    replayMs: 1000 / rates.replay,
    sweepMs: 1000 / rates.sweep,
    plainLoopMs: 1000 / rates.plainLoop,
  };
}
