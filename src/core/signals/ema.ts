import {
  emptySeries,
  requireLength,
  requirePeriod,
  requireValues,
  RunningSum,
  type Series,
} from "./series";

/**
 * EMA(n) fed one value at a time, SPEC §3.9: undefined until the n-th value, whose EMA is the SMA
 * of the first n values; then α·x + (1 − α)·EMA_prev with α = 2/(n + 1). The one place that rule
 * lives: ema() runs one, macd() runs three (fast, slow, and the signal over the line).
 */
export class EmaStepper {
  private readonly alpha: number;
  private readonly seed = new RunningSum();
  private count = 0;
  private current: number | undefined;

  constructor(private readonly n: number) {
    this.alpha = 2 / (n + 1);
  }

  next(x: number): number | undefined {
    if (this.current !== undefined) {
      this.current = this.alpha * x + (1 - this.alpha) * this.current;
    } else {
      this.seed.add(x);
      this.count++;
      if (this.count === this.n) this.current = this.seed.value / this.n;
    }
    return this.current;
  }
}

/** EMA(n), SPEC §3.9, over a column of values oldest first; defined from the n-th value. */
export function ema(values: ArrayLike<number>, n: number): Series {
  requireValues("values", values);
  requirePeriod("n", n);
  requireLength("n", `EMA(${n})`, n, values.length);
  const out = emptySeries(values.length);
  const stepper = new EmaStepper(n);
  for (let i = 0; i < values.length; i++) out[i] = stepper.next(values[i]);
  return out;
}
