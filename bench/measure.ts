/**
 * Calls `run(i)` in doubling batches until `seconds` have passed and returns calls per second.
 * A warm-up on the same call site lets the JIT settle first; the results feed a sink that is
 * checked, so no call can be optimised away.
 */
export function callsPerSecond(
  run: (i: number) => number,
  seconds = 0.5,
  firstBatch = 10_000
): number {
  let sink = 0;
  for (let i = 0; i < 2 * firstBatch; i++) sink += run(i);
  let calls = 0;
  let batch = firstBatch;
  let elapsed = 0;
  const start = process.hrtime.bigint();
  while (elapsed < seconds) {
    for (let i = 0; i < batch; i++) sink += run(calls + i);
    calls += batch;
    batch *= 2;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  if (!Number.isFinite(sink)) throw new Error("a benchmarked call returned a non-finite number");
  return calls / elapsed;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Relative error, absolute where the reference is exactly 0 (a gamma at expiry). */
export function relativeError(actual: number, expected: number): number {
  const error = Math.abs(actual - expected);
  return expected === 0 ? error : error / Math.abs(expected);
}
