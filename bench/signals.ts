import { loadFunctionsBundle } from "../tests/functions/bundle";

/**
 * Signal functions (SPEC §3.9) over 10,000 daily closes, timed through the registered custom
 * functions of dist/functions.js like the engine figures: reading the range, the computation and
 * the spilled column of "" and numbers, all included.
 */
export interface SignalTiming {
  name: string;
  /** Mean milliseconds of one call over the whole column, wall clock. */
  ms: number;
  /** The same in CPU time of this process: on a machine shared with other jobs, the wall clock
   * also counts the time the process waited for a core. */
  cpuMs: number;
}

export const SIGNAL_VALUES = 10_000;

/** A deterministic VIX-like column: mean-reverting around 19.4 with a slow swing and spikes. */
function vixColumn(count: number): number[][] {
  let seed = 17;
  const uniform = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  let level = 16.5;
  const rows: number[][] = [];
  for (let i = 0; i < count; i++) {
    const shock = (uniform() - 0.5) * 0.12;
    const spike = uniform() < 0.02 ? 0.3 : 0;
    level = Math.max(9, level * Math.exp(0.02 * Math.log(19.4 / level) + shock + spike));
    rows.push([Math.round(level * 100) / 100]);
  }
  return rows;
}

/** Milliseconds per call, wall and CPU: a warm-up, then batches until `seconds` have passed. */
function msPerCall(name: string, run: () => unknown[][], seconds = 0.5): SignalTiming {
  let sink = 0;
  for (let i = 0; i < 30; i++) sink += run().length;
  let calls = 0;
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < seconds) {
    for (let i = 0; i < 10; i++) sink += run().length;
    calls += 10;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const used = process.cpuUsage(cpu);
  if (sink === 0) throw new Error("a benchmarked signal returned nothing");
  return { name, ms: (elapsed * 1000) / calls, cpuMs: (used.user + used.system) / 1000 / calls };
}

export function signalTimings(): SignalTiming[] {
  const fns = loadFunctionsBundle();
  const closes = vixColumn(SIGNAL_VALUES);
  const advances = closes.map((_, i) => [1000 + ((i * 37) % 1500)]);
  const declines = closes.map((_, i) => [1000 + ((i * 53) % 1500)]);
  const label = (id: string) => `ALVH.${id} over ${SIGNAL_VALUES.toLocaleString("en-US")} values`;
  return [
    msPerCall(label("SMA(values, 20)"), () => fns.SMA(closes, 20)),
    msPerCall(label("EMA(values, 20)"), () => fns.EMA(closes, 20)),
    msPerCall(label("RSI(values)"), () => fns.RSI(closes, null)),
    msPerCall(label("MACD(values)"), () => fns.MACD(closes, null, null, null)),
    msPerCall(label("ADLINE(advances, declines)"), () => fns.ADLINE(advances, declines)),
  ];
}
