import { AlvhError } from "../errors";
import { EmaStepper } from "./ema";
import { SIGNAL_PERIODS } from "./periods";
import { emptySeries, requireLength, requirePeriod, requireValues, type Series } from "./series";

/** MACD's three columns, each as long as the input. */
export interface Macd {
  /** EMA(fast) − EMA(slow), defined from the slow-th value. */
  line: Series;
  /** EMA(signal) of the line, seeded with the SMA of its first `signal` values. */
  signal: Series;
  /** line − signal, defined with the signal. */
  histogram: Series;
}

/**
 * MACD(fast, slow, signal), SPEC §3.9, in one pass: the two EMAs and the signal line step along
 * the values together, so the only arrays made are the three outputs. The data must give the
 * signal at least one value: slow + signal − 1 values.
 */
export function macd(
  values: ArrayLike<number>,
  fast: number = SIGNAL_PERIODS.macdFast,
  slow: number = SIGNAL_PERIODS.macdSlow,
  signal: number = SIGNAL_PERIODS.macdSignal
): Macd {
  requireValues("values", values);
  requireMacdPeriods(fast, slow, signal);
  requireLength("slow", `MACD(${fast}, ${slow}, ${signal})`, slow + signal - 1, values.length);
  const out: Macd = {
    line: emptySeries(values.length),
    signal: emptySeries(values.length),
    histogram: emptySeries(values.length),
  };
  const fastEma = new EmaStepper(fast);
  const slowEma = new EmaStepper(slow);
  const signalEma = new EmaStepper(signal);
  for (let i = 0; i < values.length; i++) {
    const f = fastEma.next(values[i]);
    const s = slowEma.next(values[i]);
    // fast < slow, so the fast EMA is defined whenever the slow one is.
    if (s === undefined || f === undefined) continue;
    const line = f - s;
    out.line[i] = line;
    const sig = signalEma.next(line);
    if (sig === undefined) continue;
    out.signal[i] = sig;
    out.histogram[i] = line - sig;
  }
  return out;
}

/** MACD's periods: whole numbers of values, 1 or more, the fast one shorter than the slow one. */
export function requireMacdPeriods(fast: number, slow: number, signal: number): void {
  requirePeriod("fast", fast);
  requirePeriod("slow", slow);
  requirePeriod("signal", signal);
  if (fast >= slow) {
    throw new AlvhError(
      "fast",
      `fast (${fast}) must be shorter than slow (${slow}): MACD is the fast EMA minus the slow one`,
      "num"
    );
  }
}
