import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sma } from "../../../src/core";
import { expectSeries, references, series } from "./reference";

describe("sma (SPEC §3.9)", () => {
  it("matches the exact rational reference to 1e-12, VIX-like series and edge cases", () => {
    for (const ref of references.sma) {
      expectSeries(sma(series(ref.series), ref.n), ref.out, `SMA(${ref.n}) of ${ref.series}`);
    }
    expect(references.series.vix.length).toBeGreaterThanOrEqual(300);
  });

  it("is empty before the n-th value and by hand after it", () => {
    expect(sma([1, 2, 3, 4, 5], 3)).toEqual([undefined, undefined, 2, 3, 4]);
    expect(sma([7], 1)).toEqual([7]);
  });

  it("of n values is their mean, at the last row", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          const got = sma(values, values.length);
          expect(got.slice(0, -1).every((v) => v === undefined)).toBe(true);
          expect(Math.abs(got[values.length - 1]! - mean)).toBeLessThanOrEqual(1e-9);
        }
      )
    );
  });

  it("stays exact over a long series: the sliding sum does not drift", () => {
    const values = Array.from(
      { length: 10_000 },
      (_, i) => 20 + 10 * Math.sin(i / 7) + (i % 13) / 100
    );
    const got = sma(values, 20);
    for (const i of [19, 5000, 9999]) {
      const window = values.slice(i - 19, i + 1);
      expect(Math.abs(got[i]! - window.reduce((a, b) => a + b, 0) / 20)).toBeLessThan(1e-12);
    }
  });

  it("refuses n below 1, a fraction, or longer than the data, naming n", () => {
    expect(() => sma([1, 2, 3], 0)).toThrow(/n must be 1 or more/);
    expect(() => sma([1, 2, 3], 1.5)).toThrow(/n must be a whole number/);
    expect(() => sma([1, 2, 3], 4)).toThrow(/SMA\(4\) needs at least 4 values and got 3/);
    expect(() => sma([1, Number.NaN, 3], 2)).toThrow(/values row 2 must be a finite number/);
  });
});
