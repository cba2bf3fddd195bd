import { loadFunctionsBundle } from "../tests/functions/bundle";
import { syntheticHistory } from "../tests/support/synthetic-history";
import { median } from "./measure";

/**
 * SPEC §6's replay through the production bundle (dist/functions.js, as =ALVH.REPLAY runs): one
 * replay of 30 years of business days (synthetic, deterministic: tests/support/synthetic-history)
 * and the threshold × step sweep as 81 full replays, an upper bound of the engine's replaySweep,
 * which plans the condors once and replays only ALVH per cell. Beside them, in the same run, a
 * plain loop of what any replay must at least do: the four legs of a condor priced on every row,
 * here with =ALVH.BS of the same bundle, so the budget is a ratio that machine load cancels out of.
 * Times are medians of several runs after a warm-up.
 */
export interface ReplayTimings {
  rows: number;
  years: number;
  replayMs: number;
  sweepMs: number;
  plainLoopMs: number;
}

const ROWS = 7_600;
const RUNS = 5;
export const SWEEP_THRESHOLDS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1];
export const SWEEP_STEPS = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15];

function timed(run: () => number): number {
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i <= RUNS; i++) {
    const start = process.hrtime.bigint();
    sink += run();
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (!Number.isFinite(sink)) throw new Error("a benchmarked replay returned a non-finite number");
  return median(times);
}

export function replayTimings(): ReplayTimings {
  const fns = loadFunctionsBundle();
  const history = syntheticHistory(ROWS, 20260101, 500);
  const [dates, spx, vix] = [history.dates, history.spx, history.vix].map((c) => c.map((v) => [v]));
  const replay = (threshold: number | null, step: number | null) => {
    const table = fns.REPLAY(dates, spx, vix, null, null, null, threshold, step) as unknown[][];
    return table[2][3] as number;
  };
  const plainLoop = () => {
    let sum = 0;
    for (let i = 0; i < ROWS; i++) {
      const [s, v] = [history.spx[i], history.vix[i] / 100];
      const leg = (type: string, k: number) => fns.BS(type, s, s * k, 20, v, null, null, null);
      sum +=
        (leg("put", 0.95) as number) -
        (leg("put", 0.9) as number) +
        (leg("call", 1.05) as number) -
        (leg("call", 1.1) as number);
    }
    return sum;
  };
  const sweep = () => {
    let sum = 0;
    for (const threshold of SWEEP_THRESHOLDS)
      for (const step of SWEEP_STEPS) sum += replay(threshold, step);
    return sum;
  };
  const years = (history.dates[ROWS - 1] - history.dates[0]) / 365.25;
  return {
    rows: ROWS,
    years,
    replayMs: timed(() => replay(null, null)),
    sweepMs: timed(sweep),
    plainLoopMs: timed(plainLoop),
  };
}
