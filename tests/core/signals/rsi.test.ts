import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rsi } from "../../../src/core";
import { defined, expectSeries, references, series } from "./reference";

describe("rsi (SPEC §3.9, Wilder)", () => {
  it("matches the exact rational reference to 1e-12, VIX-like series and edge cases", () => {
    for (const ref of references.rsi) {
      expectSeries(rsi(series(ref.series), ref.n), ref.out, `RSI(${ref.n}) of ${ref.series}`);
    }
  });

  it("by hand: RSI(2) of 1, 2, 1, 3 is 50 then 100 − 100/(1 + 1.25/0.25)", () => {
    // Changes +1, −1, +2: first averages 0.5 and 0.5; then (0.5 + 2)/2 = 1.25 and 0.5/2 = 0.25.
    const got = rsi([1, 2, 1, 3], 2);
    expect(got.slice(0, 2)).toEqual([undefined, undefined]);
    expect(got[2]).toBe(50);
    expect(got[3]).toBeCloseTo(100 - 100 / 6, 13);
  });

  it("is 100 with gains and no losses, 50 when flat, from the (n + 1)-th value", () => {
    expect(rsi([1, 2, 3, 4, 4, 4], 3)).toEqual([undefined, undefined, undefined, 100, 100, 100]);
    expect(rsi([5, 5, 5, 5], 3)).toEqual([undefined, undefined, undefined, 50]);
    expect(rsi([5, 4, 3, 2], 3)[3]).toBe(0);
  });

  it("stays within [0, 100] on any series", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        (values, n) => {
          fc.pre(values.length > n);
          for (const v of defined(rsi(values, n))) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100);
          }
        }
      )
    );
  });

  it("defaults to n = 14 and needs n + 1 values", () => {
    const vix = series("vix");
    expect(rsi(vix)).toEqual(rsi(vix, 14));
    expect(() => rsi(vix.slice(0, 14))).toThrow(/RSI\(14\) needs at least 15 values and got 14/);
    expect(() => rsi(vix, 0)).toThrow(/n must be 1 or more/);
  });
});
