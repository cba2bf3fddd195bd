import type { FunctionsById } from "../tests/functions/bundle";
import { bestRates } from "./measure";

/**
 * Signal functions (SPEC §3.9) over 10,000 daily closes, timed through the registered custom
 * functions of dist/functions.js like the engine figures: reading the range, the computation and
 * the spilled column of "" and numbers, all included. Beside them, in the same interleaved
 * rounds, 10,000 ALVH.BS prices (one per value) through the same bundle: the budget's peer.
 */
export interface SignalTiming {
  name: string;
  /** CPU milliseconds of one call over the whole column, best of the rounds. */
  cpuMs: number;
}

export interface SignalTimings {
  signals: SignalTiming[];
  /** CPU milliseconds of 10,000 ALVH.BS prices, measured interleaved with the signals. */
  bsMs: number;
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

export function signalTimings(fns: FunctionsById): SignalTimings {
  const closes = vixColumn(SIGNAL_VALUES);
  const advances = closes.map((_, i) => [1000 + ((i * 37) % 1500)]);
  const declines = closes.map((_, i) => [1000 + ((i * 53) % 1500)]);
  const label = (id: string) => `ALVH.${id} over ${SIGNAL_VALUES.toLocaleString("en-US")} values`;
  const runs: Record<string, () => unknown[][]> = {
    [label("SMA(values, 20)")]: () => fns.SMA(closes, 20),
    [label("EMA(values, 20)")]: () => fns.EMA(closes, 20),
    [label("RSI(values)")]: () => fns.RSI(closes, null),
    [label("MACD(values)")]: () => fns.MACD(closes, null, null, null),
    [label("ADLINE(advances, declines)")]: () => fns.ADLINE(advances, declines),
  };
  // One price per value: a 30-day option struck around the money at that row's VIX.
  const tenThousandPrices = () => {
    let sum = 0;
    for (let i = 0; i < SIGNAL_VALUES; i++) {
      const type = i % 2 ? "call" : "put";
      const strike = 5500 + (i % 100) * 10;
      sum += fns.BSPRICE(type, 6000, strike, 30, closes[i][0] / 100, null, null, null) as number;
    }
    return sum;
  };
  const BS = "10,000 × ALVH.BS";
  // Calls of milliseconds: batches of 2 after a 40-call warm-up.
  const rates = bestRates(
    {
      ...Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, () => run().length])),
      [BS]: tenThousandPrices,
    },
    7,
    0.2,
    2
  );
  return {
    signals: Object.keys(runs).map((name) => ({ name, cpuMs: 1000 / rates[name] })),
    bsMs: 1000 / rates[BS],
  };
}
