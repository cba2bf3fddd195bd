import { AlvhError } from "../errors";
import { describe } from "../validate";

/**
 * What every signal returns: one entry per input value, oldest first, undefined before the signal
 * is defined (SPEC §3.9), so the output lines up with its input.
 */
export type Series = (number | undefined)[];

/** The input of every signal: finite numbers, oldest first. Positions are named from 1, as rows. */
export function requireValues(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new AlvhError(
        name,
        `${name} row ${i + 1} must be a finite number (got ${describe(value)})`
      );
    }
  }
}

/** A look-back period: a whole number of values, 1 or more. */
export function requirePeriod(name: string, n: number): number {
  if (typeof n !== "number" || !Number.isFinite(n) || !Number.isInteger(n)) {
    throw new AlvhError(name, `${name} must be a whole number of values (got ${describe(n)})`);
  }
  if (n < 1) throw new AlvhError(name, `${name} must be 1 or more (got ${n})`, "num");
  return n;
}

/**
 * Refuses data too short for the signal to have even one value: a column of nothing but empty
 * cells would look like a result while saying nothing.
 */
export function requireLength(
  argument: string,
  signal: string,
  needed: number,
  length: number
): void {
  if (length < needed) {
    throw new AlvhError(
      argument,
      `${signal} needs at least ${needed} values and got ${length}: give more values or a smaller ${argument}`,
      "num"
    );
  }
}

/** An output of `length` entries, all undefined: filled in place, so nothing else is allocated. */
export function emptySeries(length: number): Series {
  const out: Series = new Array(length);
  for (let i = 0; i < length; i++) out[i] = undefined;
  return out;
}

/**
 * A sum kept with Neumaier's compensation. SMA slides its window by adding the new value and
 * subtracting the old one; a plain running sum would let rounding errors pile up over a long
 * series (10,000 closes), while this stays within a few units in the last place of the exact sum.
 */
export class RunningSum {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x;
    else this.compensation += x - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
