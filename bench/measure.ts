/**
 * Calls `run(i)` in doubling batches until `seconds` of this process's CPU time have passed and
 * returns calls per CPU second. CPU time, not wall time: on a machine shared with other jobs the
 * wall clock also counts the time spent waiting for a core, which says nothing about the code.
 * A warm-up on the same call site lets the JIT settle first; the results feed a sink that is
 * checked, so no call can be optimised away.
 */
export function callsPerSecond(
  run: (i: number) => number,
  seconds = 0.5,
  warmUp = true,
  firstBatch = 1_000
): number {
  let sink = 0;
  // A full warm-up is 20 first batches (20,000 calls of a cheap function; fewer of a whole grid).
  if (warmUp) for (let i = 0; i < 20 * firstBatch; i++) sink += run(i);
  let calls = 0;
  let batch = firstBatch;
  let elapsed = 0;
  const start = process.cpuUsage();
  while (elapsed < seconds) {
    for (let i = 0; i < batch; i++) sink += run(calls + i);
    calls += batch;
    batch *= 2;
    const used = process.cpuUsage(start);
    elapsed = (used.user + used.system) / 1e6;
  }
  if (!Number.isFinite(sink)) throw new Error("a benchmarked call returned a non-finite number");
  return calls / elapsed;
}

/**
 * Calls per second of each run, measured in interleaved rounds (a, b, c, a, b, c, …) and the best
 * round of each kept. On a shared machine other jobs only ever slow a round down, so the best of
 * several is the least disturbed one, and interleaving lets a burst of load hit every side alike
 * instead of whichever happened to run then: what a ratio of two of them needs. Both sides of a
 * budgeted ratio are measured in one call. `firstBatch` is the first batch and a twentieth of the
 * warm-up (callsPerSecond): 1,000 for a microsecond call, 1 or 2 for one that takes milliseconds.
 */
export function bestRates(
  runs: Record<string, (i: number) => number>,
  rounds = 7,
  seconds = 0.2,
  firstBatch = 1_000
): Record<string, number> {
  const best: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const rate = callsPerSecond(run, seconds, round === 0, firstBatch);
      best[name] = Math.max(best[name] ?? 0, rate);
    }
  }
  return best;
}

/**
 * CPU milliseconds of one awaited call of each run, for work too long to repeat in batches (an
 * import of 100,000 rows), in interleaved rounds with the fastest kept, as bestRates does. No
 * separate warm-up: the first round, slowed by the JIT, is the one the best of rounds discards.
 */
export async function bestCpuMs(
  runs: Record<string, () => Promise<unknown>>,
  rounds = 3
): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = process.cpuUsage();
      await run();
      const used = process.cpuUsage(start);
      best[name] = Math.min(best[name] ?? Infinity, (used.user + used.system) / 1000);
    }
  }
  return best;
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
