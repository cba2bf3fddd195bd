import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { black76, FuturesOptionInput } from "../../src/core";
import { misses, tables } from "./references/load";
import { thrown } from "../support/thrown";

const years = (t: number) => t * 365;

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("black76: published values", () => {
  // E. G. Haug, The Complete Guide to Option Pricing Formulas, "Options on futures: Black-76".
  it("Haug: F = K = 19, T 0.75, r 10 %, σ 28 % → call 1.7011 (and the same put, F = K)", () => {
    const base = { future: 19, strike: 19, dte: years(0.75), vol: 0.28, rate: 0.1 };
    expect(black76({ ...base, type: "call" }).price).toBeCloseTo(1.7011, 4);
    expect(black76({ ...base, type: "put" }).price).toBeCloseTo(1.7011, 4);
  });

  it("Haug (per issue 3): F = K = 70, T 0.25, r 5 %, σ 28 % → put 3.8579", () => {
    const put = black76({
      type: "put",
      future: 70,
      strike: 70,
      dte: years(0.25),
      vol: 0.28,
      rate: 0.05,
    });
    expect(put.price).toBeCloseTo(3.8579, 4);
  });

  it("Haug's futures-option delta (b = 0): F 105, K 100, T 0.5, r 10 %, σ 36 % → 0.5946 / −0.3566", () => {
    // Haug (1998) p. 11, as tabulated in QuantLib test-suite/europeanoption.cpp (testGreekValues).
    const base = { future: 105, strike: 100, dte: years(0.5), vol: 0.36, rate: 0.1 };
    expect(black76({ ...base, type: "call" }).delta).toBeCloseTo(0.5946, 4);
    expect(black76({ ...base, type: "put" }).delta).toBeCloseTo(-0.3566, 4);
  });
});

describe("black76: mpmath references (pricing.json, black76 table)", () => {
  const rows = tables.black76 as unknown as (FuturesOptionInput & Record<string, number>)[];

  it("has the grid it was made with: VIX futures 15.35 and 24.9, strikes 10–80, vol-of-vol up to 150 %", () => {
    expect(rows.length).toBe(966);
    expect(rows.filter((row) => row.vol === 1.5).length).toBeGreaterThan(300);
  });

  it("prices agree to 1e-12 relative at every magnitude down to 1e-300", () => {
    expect(misses(rows, ["price"], (row) => black76(row), 1e-12)).toEqual([]);
  });

  it("Greeks agree to 1e-10 relative (vega per point, theta per calendar day)", () => {
    expect(misses(rows, ["delta", "gamma", "vega", "theta"], (row) => black76(row), 1e-10)).toEqual(
      []
    );
  });
});

describe("black76: Greeks are the derivatives of the price in the SPEC's units", () => {
  const base: FuturesOptionInput = {
    type: "call",
    future: 17.2,
    strike: 22,
    dte: 40,
    vol: 1.1,
    rate: 0.045,
  };
  const price = (change: Partial<FuturesOptionInput>) => black76({ ...base, ...change }).price;
  const g = black76(base);

  it("delta and gamma per point of the future, vega per vol point, theta per calendar day", () => {
    const h = 1e-3;
    expectRelative(
      (price({ future: 17.2 + h }) - price({ future: 17.2 - h })) / (2 * h),
      g.delta,
      1e-6
    );
    const deltaAt = (future: number) => black76({ ...base, future }).delta;
    expectRelative((deltaAt(17.2 + h) - deltaAt(17.2 - h)) / (2 * h), g.gamma, 1e-6);
    expectRelative(
      (price({ vol: 1.1 + 1e-4 }) - price({ vol: 1.1 - 1e-4 })) / 2e-4 / 100,
      g.vega,
      1e-6
    );
    expectRelative(-(price({ dte: 40.01 }) - price({ dte: 39.99 })) / 0.02, g.theta, 1e-6);
  });
});

const vixOption = fc.record({
  type: fc.constantFrom("call" as const, "put" as const),
  future: fc.double({ min: 9, max: 90, noNaN: true }),
  strike: fc.double({ min: 5, max: 200, noNaN: true }),
  dte: fc.oneof(fc.constant(0.01), fc.double({ min: 0.001, max: 400, noNaN: true })),
  vol: fc.oneof(fc.constant(1.5), fc.double({ min: 0.05, max: 5, noNaN: true })),
  rate: fc.double({ min: -0.05, max: 0.25, noNaN: true }),
});

describe("black76: properties", () => {
  it("put–call parity C − P = e^{−rT}·(F − K)", () => {
    fc.assert(
      fc.property(vixOption, (input) => {
        const call = black76({ ...input, type: "call" }).price;
        const put = black76({ ...input, type: "put" }).price;
        const parity = Math.exp((-input.rate * input.dte) / 365) * (input.future - input.strike);
        expect(Math.abs(call - put - parity)).toBeLessThanOrEqual(
          1e-12 * (input.future + input.strike)
        );
      })
    );
  });

  it("VIX vol-of-vol up to 500 %, dte down to 0.01: never NaN, within the no-arbitrage bounds", () => {
    fc.assert(
      fc.property(vixOption, (input) => {
        const g = black76(input);
        for (const value of Object.values(g)) expect(Number.isFinite(value)).toBe(true);
        const discount = Math.exp((-input.rate * input.dte) / 365);
        const [f, k] = [discount * input.future, discount * input.strike];
        const [upper, intrinsic] = input.type === "call" ? [f, f - k] : [k, k - f];
        const slack = 1e-13 * (f + k);
        expect(g.price).toBeGreaterThanOrEqual(0);
        expect(g.price).toBeGreaterThanOrEqual(intrinsic - slack);
        expect(g.price).toBeLessThanOrEqual(upper + slack);
        expect(Math.abs(g.delta)).toBeLessThanOrEqual(discount);
        expect(g.gamma).toBeGreaterThanOrEqual(0);
        expect(g.vega).toBeGreaterThanOrEqual(0);
      })
    );
  });
});

describe("black76: at and near expiry", () => {
  it("dte 0 is intrinsic value, with delta 1/0 (½ at the money) and no other Greeks", () => {
    const at = (type: "call" | "put", future: number) =>
      black76({ type, future, strike: 20, dte: 0, vol: 1.5, rate: 0.05 });
    expect(at("call", 23.5)).toEqual({ price: 3.5, delta: 1, gamma: 0, vega: 0, theta: 0 });
    expect(at("put", 23.5)).toEqual({ price: 0, delta: 0, gamma: 0, vega: 0, theta: 0 });
    expect(at("put", 17.25).price).toBe(2.75);
    expect(at("call", 20).delta).toBe(0.5);
    expect(at("put", 20).delta).toBe(-0.5);
  });

  it("dte 0.01 at a vol-of-vol of 150 %: the ATM value is F·erf(σ√T/√8), to two terms of its series", () => {
    const atm = black76({ type: "call", future: 16, strike: 16, dte: 0.01, vol: 1.5 });
    const s = 1.5 * Math.sqrt(0.01 / 365);
    // F·(2N(s/2) − 1) = F·s/√(2π)·(1 − s²/24 + s⁴/640 − …); the omitted term is 6e-12 relative.
    expectRelative(atm.price, ((16 * s) / Math.sqrt(2 * Math.PI)) * (1 - (s * s) / 24), 1e-10);
    // Delta N(s/2) = ½ + φ(0)·(x − x³/6 + …) with x = s/2; the omitted term is 2e-14.
    const x = s / 2;
    expectRelative(atm.delta, 0.5 + (x - x ** 3 / 6) / Math.sqrt(2 * Math.PI), 1e-12);
  });
});

describe("black76: input errors name the argument and the fix", () => {
  const ok: FuturesOptionInput = { type: "call", future: 18, strike: 20, dte: 30, vol: 0.9 };

  it.each([
    ["vol", { vol: 150 }, /^vol 150 looks like a percentage: enter 1\.5 for 150 %/],
    ["future", { future: 0 }, /^future must be above 0/],
    ["strike", { strike: -20 }, /^strike must be above 0/],
    ["dte", { dte: Number.NaN }, /^dte must be a finite number/],
    ["rate", { rate: 5 }, /^rate 5 looks like a percentage: enter 0\.05 for 5 %/],
    ["type", { type: "" }, /^type must be "call" or "put".*an empty value/],
  ] as const)("%s: %o", (argument, change, message) => {
    const error = thrown(() => black76({ ...ok, ...change } as FuturesOptionInput));
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });
});
