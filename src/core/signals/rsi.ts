import { SIGNAL_PERIODS } from "./periods";
import {
  emptySeries,
  requireLength,
  requirePeriod,
  requireValues,
  RunningSum,
  type Series,
} from "./series";

/**
 * RSI(n), Wilder's, SPEC §3.9. With changes d = x − x_prev, the first average gain (loss) is the
 * mean of max(d, 0) (max(−d, 0)) over the first n changes, then avg = (avg_prev·(n − 1) + new)/n.
 * Defined from the (n + 1)-th value, so n must leave at least one: n + 1 values at least.
 */
export function rsi(values: ArrayLike<number>, n: number = SIGNAL_PERIODS.rsi): Series {
  requireValues("values", values);
  requirePeriod("n", n);
  requireLength("n", `RSI(${n})`, n + 1, values.length);
  const out = emptySeries(values.length);
  const gains = new RunningSum();
  const losses = new RunningSum();
  for (let i = 1; i <= n; i++) {
    const change = values[i] - values[i - 1];
    gains.add(change > 0 ? change : 0);
    losses.add(change < 0 ? -change : 0);
  }
  let gain = gains.value / n;
  let loss = losses.value / n;
  out[n] = relativeStrengthIndex(gain, loss);
  for (let i = n + 1; i < values.length; i++) {
    const change = values[i] - values[i - 1];
    gain = (gain * (n - 1) + (change > 0 ? change : 0)) / n;
    loss = (loss * (n - 1) + (change < 0 ? -change : 0)) / n;
    out[i] = relativeStrengthIndex(gain, loss);
  }
  return out;
}

/**
 * 100 − 100/(1 + gain/loss), written as its equal 100·gain/(gain + loss): one rounding fewer, and
 * no overflow of gain/loss when the average loss is tiny. SPEC's edge cases: 100 when the average
 * loss is 0 and the gain is not, 50 when both are 0 (a flat stretch has no strength either way).
 */
function relativeStrengthIndex(gain: number, loss: number): number {
  if (loss === 0) return gain === 0 ? 50 : 100;
  return (100 * gain) / (gain + loss);
}
