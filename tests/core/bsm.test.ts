import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bsm, bsmPrice, SpotOptionInput } from "../../src/core";
import { misses, tables } from "./references/load";
import { thrown } from "../support/thrown";

const years = (t: number) => t * 365; // the textbooks quote T in years; the engine takes dte in days

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("bsm: published values", () => {
  it("Hull, Options, Futures, and Other Derivatives, BSM example: S 42, K 40, r 10 %, σ 20 %, T 0.5", () => {
    const base = { spot: 42, strike: 40, rate: 0.1, vol: 0.2, dte: years(0.5) };
    expect(bsm({ ...base, type: "call" }).price).toBeCloseTo(4.7594, 4);
    expect(bsm({ ...base, type: "put" }).price).toBeCloseTo(0.8086, 4);
  });

  it("Hull, ch. 'The Greek Letters' running example: S 49, K 50, r 5 %, σ 20 %, T 20 weeks (delta 0.522, gamma 0.066, vega 12.1, theta −4.31/yr, rho 8.91)", () => {
    const g = bsm({
      type: "call",
      spot: 49,
      strike: 50,
      rate: 0.05,
      vol: 0.2,
      dte: years(20 / 52),
    });
    expect(g.price).toBeCloseTo(2.4, 2); // "$240,000" for 100,000 options
    expect(g.delta).toBeCloseTo(0.522, 3);
    expect(g.gamma).toBeCloseTo(0.066, 3);
    expect(g.vega * 100).toBeCloseTo(12.1, 1); // Hull quotes vega per unit of vol; ours is per point
    expect(g.theta * 365).toBeCloseTo(-4.31, 2); // Hull quotes theta per year; ours per calendar day
    expect(g.rho * 100).toBeCloseTo(8.91, 2); // Hull quotes rho per unit of rate; ours per 1 %
  });

  // E. G. Haug, The Complete Guide to Option Pricing Formulas (1998), pp. 2–16, as tabulated in
  // QuantLib's test-suite/europeanoption.cpp (testValues, testGreekValues); b = r − q.
  it("Haug: generalised BSM values (call 2.1334, index put 2.4648)", () => {
    const call = {
      type: "call" as const,
      spot: 60,
      strike: 65,
      dte: years(0.25),
      vol: 0.3,
      rate: 0.08,
    };
    expect(bsmPrice(call)).toBeCloseTo(2.1334, 4);
    const put = {
      type: "put" as const,
      spot: 100,
      strike: 95,
      dte: years(0.5),
      vol: 0.2,
      rate: 0.1,
      divYield: 0.05,
    };
    expect(bsmPrice(put)).toBeCloseTo(2.4648, 4);
  });

  it("Haug: delta 0.5946 / −0.3566 (S 105, K 100, T 0.5, r 10 %, b 0, σ 36 %)", () => {
    const base = { spot: 105, strike: 100, dte: years(0.5), vol: 0.36, rate: 0.1, divYield: 0.1 };
    expect(bsm({ ...base, type: "call" }).delta).toBeCloseTo(0.5946, 4);
    expect(bsm({ ...base, type: "put" }).delta).toBeCloseTo(-0.3566, 4);
  });

  it("Haug: gamma 0.0278 and vega 18.9358 (S 55, K 60, T 0.75, r = b = 10 %, σ 30 %)", () => {
    for (const type of ["call", "put"] as const) {
      const g = bsm({ type, spot: 55, strike: 60, dte: years(0.75), vol: 0.3, rate: 0.1 });
      expect(g.gamma).toBeCloseTo(0.0278, 4);
      expect(g.vega * 100).toBeCloseTo(18.9358, 4);
    }
  });

  it("Haug (2nd ed., 2007): vega 18.5027 (S 55, K 60, T 0.75, r 10.5 %, b 6.95 %, σ 30 %)", () => {
    const g = bsm({
      type: "call",
      spot: 55,
      strike: 60,
      dte: years(0.75),
      vol: 0.3,
      rate: 0.105,
      divYield: 0.105 - 0.0695,
    });
    expect(g.vega * 100).toBeCloseTo(18.5027, 4);
  });

  it("Haug: put theta −31.1924 a year, −0.0855 a day (S 430, K 405, T 1/12, r 7 %, b 2 %, σ 20 %)", () => {
    const g = bsm({
      type: "put",
      spot: 430,
      strike: 405,
      dte: years(1 / 12),
      vol: 0.2,
      rate: 0.07,
      divYield: 0.05,
    });
    expect(g.theta).toBeCloseTo(-0.0855, 4);
    expect(g.theta * 365).toBeCloseTo(-31.1924, 4);
  });

  it("Haug: call rho 38.7325 (S 72, K 75, T 1, r = b = 9 %, σ 19 %)", () => {
    const g = bsm({ type: "call", spot: 72, strike: 75, dte: 365, vol: 0.19, rate: 0.09 });
    expect(g.rho * 100).toBeCloseTo(38.7325, 4);
  });
});

describe("bsm: mpmath references (pricing.json, bsm table)", () => {
  const rows = tables.bsm as unknown as (SpotOptionInput & Record<string, number>)[];

  it("has the grid it was made with", () => {
    expect(rows.length).toBe(1884);
  });

  it("prices agree to 1e-12 relative at every magnitude down to 1e-300 (bsm and bsmPrice)", () => {
    expect(misses(rows, ["price"], (row) => bsm(row), 1e-12)).toEqual([]);
    expect(misses(rows, ["price"], (row) => ({ price: bsmPrice(row) }), 1e-12)).toEqual([]);
  });

  it("Greeks agree to 1e-10 relative (vega per point, theta per calendar day, rho per 1 %)", () => {
    const greeks = ["delta", "gamma", "vega", "theta", "rho"] as const;
    expect(misses(rows, greeks, (row) => bsm(row), 1e-10)).toEqual([]);
  });
});

describe("bsm: Greeks are the derivatives of the price in the SPEC's units", () => {
  // Central differences of the engine's own price, independent of the Greek formulas; their
  // truncation error is O(h²), so agreement to 1e-6 relative is what they can show.
  const base: SpotOptionInput = {
    type: "put",
    spot: 5800,
    strike: 5650,
    dte: 30,
    vol: 0.17,
    rate: 0.045,
    divYield: 0.013,
  };
  const price = (change: Partial<SpotOptionInput>) => bsmPrice({ ...base, ...change });
  const g = bsm(base);

  it("delta and gamma per point of spot", () => {
    const h = 0.5;
    expectRelative(
      (price({ spot: 5800 + h }) - price({ spot: 5800 - h })) / (2 * h),
      g.delta,
      1e-6
    );
    const deltaAt = (spot: number) => bsm({ ...base, spot }).delta;
    expectRelative((deltaAt(5800 + h) - deltaAt(5800 - h)) / (2 * h), g.gamma, 1e-6);
  });

  it("vega per vol point, theta per calendar day (minus the change per day of dte), rho per 1 %", () => {
    const h = 1e-4;
    expectRelative(
      (price({ vol: 0.17 + h }) - price({ vol: 0.17 - h })) / (2 * h) / 100,
      g.vega,
      1e-6
    );
    expectRelative(-(price({ dte: 30 + 0.01 }) - price({ dte: 30 - 0.01 })) / 0.02, g.theta, 1e-6);
    expectRelative(
      (price({ rate: 0.045 + h }) - price({ rate: 0.045 - h })) / (2 * h) / 100,
      g.rho,
      1e-6
    );
  });
});

const finiteSpot = fc.record({
  type: fc.constantFrom("call" as const, "put" as const),
  spot: fc.double({ min: 1, max: 20000, noNaN: true }),
  moneyness: fc.double({ min: -6, max: 6, noNaN: true }),
  dte: fc.oneof(fc.constant(0.01), fc.double({ min: 0.001, max: 3650, noNaN: true })),
  vol: fc.double({ min: 0.01, max: 5, noNaN: true }),
  rate: fc.double({ min: -0.05, max: 0.25, noNaN: true }),
  divYield: fc.double({ min: 0, max: 0.1, noNaN: true }),
});
const toInput = ({
  moneyness,
  ...rest
}: { moneyness: number; spot: number } & Record<string, unknown>) =>
  ({ ...rest, strike: rest.spot * Math.exp(moneyness) }) as SpotOptionInput & {
    rate: number;
    divYield: number;
  };

describe("bsm: properties", () => {
  it("put–call parity C − P = S·e^{−qT} − K·e^{−rT} with a dividend yield", () => {
    fc.assert(
      fc.property(finiteSpot, (arb) => {
        const input = toInput(arb);
        const t = input.dte / 365;
        const call = bsmPrice({ ...input, type: "call" });
        const put = bsmPrice({ ...input, type: "put" });
        const forward =
          input.spot * Math.exp(-input.divYield * t) - input.strike * Math.exp(-input.rate * t);
        expect(Math.abs(call - put - forward)).toBeLessThanOrEqual(
          1e-12 * (input.spot + input.strike)
        );
      })
    );
  });

  it("deep wings: never NaN, price within the no-arbitrage bounds and ≥ 0, Greeks finite", () => {
    fc.assert(
      fc.property(finiteSpot, (arb) => {
        const input = toInput(arb);
        const t = input.dte / 365;
        const g = bsm(input);
        for (const value of Object.values(g)) expect(Number.isFinite(value)).toBe(true);
        const s = input.spot * Math.exp(-input.divYield * t);
        const k = input.strike * Math.exp(-input.rate * t);
        const [upper, intrinsic] = input.type === "call" ? [s, s - k] : [k, k - s];
        const slack = 1e-13 * (s + k);
        expect(g.price).toBeGreaterThanOrEqual(0);
        expect(g.price).toBeGreaterThanOrEqual(intrinsic - slack);
        expect(g.price).toBeLessThanOrEqual(upper + slack);
        expect(g.gamma).toBeGreaterThanOrEqual(0);
        expect(g.vega).toBeGreaterThanOrEqual(0);
      })
    );
  });

  it("bsmPrice is bsm's price", () => {
    fc.assert(
      fc.property(finiteSpot, (arb) => {
        expect(bsmPrice(toInput(arb))).toBe(bsm(toInput(arb)).price);
      })
    );
  });
});

describe("bsm: extreme ratios of spot to strike", () => {
  it("a ratio beyond double range (1e-300 / 1e300) prices as the bound, never NaN or a thrown ∞", () => {
    const base = { spot: 1e-300, strike: 1e300, dte: 365, vol: 0.2, rate: 0.05 };
    const call = bsm({ ...base, type: "call" });
    const put = bsm({ ...base, type: "put" });
    expect(Object.values(call).every((value) => value === 0)).toBe(true);
    expectRelative(put.price, 1e300 * Math.exp(-0.05), 1e-15);
    expect(put.delta).toBe(-1);
  });
});

describe("bsm: at and near expiry", () => {
  it("dte 0 is intrinsic value, with delta 1/0 (½ at the money) and no other Greeks", () => {
    const at = (type: "call" | "put", spot: number) =>
      bsm({ type, spot, strike: 5800, dte: 0, vol: 0.2, rate: 0.05, divYield: 0.01 });
    expect(at("call", 5850)).toEqual({ price: 50, delta: 1, gamma: 0, vega: 0, theta: 0, rho: 0 });
    expect(at("put", 5850)).toEqual({ price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0 });
    expect(at("put", 5700.25).price).toBe(99.75);
    expect(at("call", 5800).delta).toBe(0.5);
    expect(at("put", 5800).delta).toBe(-0.5);
    expect(bsmPrice({ type: "call", spot: 5850, strike: 5800, dte: 0, vol: 0.2 })).toBe(50);
  });

  it("dte 0.01 (about 15 minutes) is close to intrinsic away from the money and finite at it", () => {
    const near = (type: "call" | "put", strike: number) =>
      bsm({ type, spot: 5800, strike, dte: 0.01, vol: 0.16 });
    expect(near("call", 5700).price).toBeCloseTo(100, 9);
    expect(near("put", 5900).price).toBeCloseTo(100, 9);
    expect(near("call", 5900).price).toBeGreaterThanOrEqual(0);
    expect(near("call", 5900).price).toBeLessThan(1e-80);
    const atm = near("call", 5800);
    // With r = q = 0 at the money: S·(2N(s/2) − 1) = S·s/√(2π)·(1 − s²/24 + …), s = σ√T.
    const s = 0.16 * Math.sqrt(0.01 / 365);
    expectRelative(atm.price, ((5800 * s) / Math.sqrt(2 * Math.PI)) * (1 - (s * s) / 24), 1e-12);
    for (const value of Object.values(atm)) expect(Number.isFinite(value)).toBe(true);
  });
});

describe("bsm: input errors name the argument and the fix", () => {
  const ok: SpotOptionInput = { type: "call", spot: 5800, strike: 5900, dte: 30, vol: 0.16 };

  it.each([
    ["vol", { vol: 16 }, /^vol 16 looks like a percentage: enter 0\.16 for 16 %/],
    ["vol", { vol: 0 }, /^vol must be above 0/],
    ["spot", { spot: -1 }, /^spot must be above 0/],
    ["spot", { spot: Number.NaN }, /^spot must be a finite number/],
    ["strike", { strike: 0 }, /^strike must be above 0/],
    ["dte", { dte: -1 }, /^dte must be 0 or more/],
    ["rate", { rate: 4.5 }, /^rate 4\.5 looks like a percentage: enter 0\.045 for 4\.5 %/],
    ["divYield", { divYield: Number.POSITIVE_INFINITY }, /^divYield must be a finite number/],
    ["type", { type: "straddle" }, /^type must be "call" or "put"/],
  ] as const)("%s: %o", (argument, change, message) => {
    for (const f of [bsm, bsmPrice]) {
      const error = thrown(() => f({ ...ok, ...change } as SpotOptionInput));
      expect(error.argument).toBe(argument);
      expect(error.message).toMatch(message);
    }
  });

  it("accepts c/p in any case as the option type", () => {
    expect(bsmPrice({ ...ok, type: " C" as never })).toBe(bsmPrice(ok));
    expect(bsmPrice({ ...ok, type: "P" as never })).toBe(bsmPrice({ ...ok, type: "put" }));
  });
});
