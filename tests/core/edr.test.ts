import { describe, expect, it } from "vitest";
import { edr, expectedMove, vixForEdr } from "../../src/core";
import references from "./references/hedge.json";

// Relative agreement with the 50-digit mpmath values of scripts/references/hedge.py.
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-14);

describe("edr", () => {
  it("gives SPEC §3.3's worked values: VIX 14.29 → 0.90, 15.87 → 1.00, 18 → 1.134", () => {
    expect(edr(14.29)).toBeCloseTo(0.9, 3);
    expect(edr(15.87)).toBeCloseTo(1.0, 3);
    expect(edr(18)).toBeCloseTo(1.134, 3);
  });

  it("agrees with the mpmath references for 252 and 365 days and a bias factor", () => {
    for (const [vix, days, bias, expected] of references.edr as [
      string,
      number,
      string,
      number,
    ][]) {
      close(edr(Number(vix), days, Number(bias)), expected);
    }
  });

  it("is inverted by vixForEdr", () => {
    for (const vix of [9.14, 14.29, 18, 35.5, 82.69])
      close(vixForEdr(edr(vix, 365, 1.1), 365, 1.1), vix);
  });

  it("names the argument and the fix for a VIX typed as a decimal or a bad day count", () => {
    expect(() => edr(0.185)).toThrow(
      "vix 0.185 looks like a decimal: enter VIX in points, 18.5 for 18.5"
    );
    expect(() => edr(-3)).toThrow(/vix must be above 0/);
    expect(() => edr(18, 0)).toThrow(/annualDays must be above 0/);
    expect(() => edr(18, 1000)).toThrow(/annualDays must be at most 366/);
    expect(() => edr(18, 252, Number.NaN)).toThrow(/bias must be a finite number/);
  });
});

describe("expectedMove", () => {
  it("agrees with the mpmath references S·VIX/100·√(d/annualDays)", () => {
    for (const [spot, vix, days, annual, expected] of references.expectedMove as [
      string,
      string,
      string,
      number,
      number,
    ][]) {
      close(expectedMove(Number(spot), Number(vix), Number(days), annual), expected);
    }
  });

  it("is zero over zero days and rejects negative days", () => {
    expect(expectedMove(5000, 20, 0)).toBe(0);
    expect(() => expectedMove(5000, 20, -1)).toThrow(/days must be 0 or more/);
  });
});
