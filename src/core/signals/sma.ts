import {
  emptySeries,
  requireLength,
  requirePeriod,
  requireValues,
  RunningSum,
  type Series,
} from "./series";

/** SMA(n), SPEC §3.9: the mean of the last n values, defined from the n-th value. */
export function sma(values: ArrayLike<number>, n: number): Series {
  requireValues("values", values);
  requirePeriod("n", n);
  requireLength("n", `SMA(${n})`, n, values.length);
  const out = emptySeries(values.length);
  const window = new RunningSum();
  for (let i = 0; i < values.length; i++) {
    window.add(values[i]);
    if (i >= n) window.add(-values[i - n]);
    if (i >= n - 1) out[i] = window.value / n;
  }
  return out;
}
