import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ema } from "../../../src/core";
import { defined, expectSeries, references, series } from "./reference";

describe("ema (SPEC §3.9)", () => {
  it("matches the exact rational reference to 1e-12, VIX-like series and edge cases", () => {
    for (const ref of references.ema) {
      expectSeries(ema(series(ref.series), ref.n), ref.out, `EMA(${ref.n}) of ${ref.series}`);
    }
  });

  it("starts at the n-th value with the SMA of the first n, then α·x + (1 − α)·previous", () => {
    // α = 2/(3 + 1) = 0.5: seed (1 + 2 + 3)/3 = 2, then 0.5·4 + 0.5·2 = 3, then 0.5·8 + 0.5·3.
    expect(ema([1, 2, 3, 4, 8], 3)).toEqual([undefined, undefined, 2, 3, 5.5]);
  });

  it("of a constant is the constant", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        (value, n, extra) => {
          const got = defined(ema(new Array(n + extra).fill(value), n));
          expect(got).toHaveLength(extra + 1);
          for (const v of got)
            expect(Math.abs(v - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
        }
      )
    );
  });

  it("refuses n below 1 or longer than the data", () => {
    expect(() => ema([1, 2], -1)).toThrow(/n must be 1 or more/);
    expect(() => ema([1, 2], 3)).toThrow(/EMA\(3\) needs at least 3 values/);
  });
});
