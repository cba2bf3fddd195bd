import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  breakEvenSides,
  breakEvens,
  breakEvensOf,
  condorBreakEvens,
  bsm,
  icGreeks,
  IronCondor,
  ironCondor,
  IronCondorInput,
  maxLoss,
  maxProfit,
  payoffAtExpiry,
  probabilityOfProfit,
} from "../../src/core";
import { IronCondorRow, misses, tables } from "./references/load";
import { thrown } from "../support/thrown";

const spx: IronCondorInput = {
  longPut: 5500,
  shortPut: 5550,
  shortCall: 6050,
  longCall: 6100,
  credit: 12.35,
};

/** Valid condors: any wings and gap (0 = iron butterfly), a credit strictly inside the wider wing. */
const condor = fc
  .record({
    longPut: fc.integer({ min: 1, max: 8000 }),
    putWing: fc.integer({ min: 1, max: 500 }),
    gap: fc.integer({ min: 0, max: 1000 }),
    callWing: fc.integer({ min: 1, max: 500 }),
    creditShare: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    contracts: fc.integer({ min: 1, max: 50 }),
    multiplier: fc.constantFrom(100, 10, 1),
  })
  .map(({ longPut, putWing, gap, callWing, creditShare, contracts, multiplier }) => {
    const shortPut = longPut + putWing;
    const shortCall = shortPut + gap;
    return {
      longPut,
      shortPut,
      shortCall,
      longCall: shortCall + callWing,
      credit: Math.floor(creditShare * Math.max(putWing, callWing) * 100) / 100 || 0.01,
      contracts,
      multiplier,
    };
  });

describe("break-evens", () => {
  it("Option Alpha's iron condor: short strikes 95/105, credit 1.15 → 93.85 / 106.15", () => {
    const { lower, upper } = breakEvensOf(95, 105, 1.15);
    expect(lower).toBeCloseTo(93.85, 12);
    expect(upper).toBeCloseTo(106.15, 12);
    const ic = ironCondor({
      longPut: 90,
      shortPut: 95,
      shortCall: 105,
      longCall: 110,
      credit: 1.15,
    });
    expect(breakEvens(ic)).toEqual({ lower, upper });
  });

  it("are where the payoff at expiry crosses zero when the credit is inside both wings", () => {
    fc.assert(
      fc.property(condor, (input) => {
        const wings = [input.shortPut - input.longPut, input.longCall - input.shortCall];
        fc.pre(input.credit < Math.min(...wings));
        const ic = ironCondor(input);
        const { lower, upper } = breakEvens(ic);
        const tolerance = 8 * Number.EPSILON * input.longCall * input.multiplier * input.contracts;
        expect(Math.abs(payoffAtExpiry(ic, lower))).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(payoffAtExpiry(ic, upper))).toBeLessThanOrEqual(tolerance);
      })
    );
  });

  it("BREAKEVEN's own arguments are checked by name", () => {
    expect(thrown(() => breakEvensOf(5900, 5500, 10)).message).toMatch(
      /^shortCall 5500 must be above shortPut 5900/
    );
    expect(thrown(() => breakEvensOf(5500, 5900, 0)).argument).toBe("credit");
    expect(thrown(() => breakEvensOf(-1, 5900, 1)).argument).toBe("shortPut");
  });
});

describe("max profit, max loss, payoff (SPEC §3.2)", () => {
  it("max profit C·m·n, max loss (wider wing − C)·m·n", () => {
    const ic = ironCondor({ ...spx, contracts: 2 });
    expect(maxProfit(ic)).toBeCloseTo(12.35 * 100 * 2, 9);
    expect(maxLoss(ic)).toBeCloseTo((50 - 12.35) * 100 * 2, 9);
    // An unbalanced condor: the 100-point call wing decides, not the 50-point put wing.
    const skewed = ironCondor({ ...spx, longCall: 6150 });
    expect(maxLoss(skewed)).toBeCloseTo((100 - 12.35) * 100, 9);
    expect(payoffAtExpiry(skewed, 7000)).toBeCloseTo(-maxLoss(skewed), 9);
    expect(payoffAtExpiry(skewed, 4000)).toBeCloseTo(-(50 - 12.35) * 100, 9);
  });

  it("payoff stays within [−max loss, +max profit], reaching both ends", () => {
    fc.assert(
      fc.property(condor, fc.double({ min: 0, max: 20000, noNaN: true }), (input, spot) => {
        const ic = ironCondor(input);
        // The legs' (S − K)⁺ terms carry rounding of the size of S and K, not of the payoff.
        const slack =
          8 * Number.EPSILON * Math.max(spot, input.longCall) * input.multiplier * input.contracts;
        const payoff = payoffAtExpiry(ic, spot);
        expect(payoff).toBeLessThanOrEqual(maxProfit(ic) + slack);
        expect(payoff).toBeGreaterThanOrEqual(-maxLoss(ic) - slack);
        expect(payoffAtExpiry(ic, (ic.shortPut + ic.shortCall) / 2)).toBeCloseTo(maxProfit(ic), 6);
        const wider = ic.shortPut - ic.longPut >= ic.longCall - ic.shortCall ? 0 : ic.longCall + 1;
        expect(payoffAtExpiry(ic, wider)).toBeCloseTo(-maxLoss(ic), 6);
      })
    );
  });

  it("rejects a negative settlement price by name", () => {
    expect(thrown(() => payoffAtExpiry(ironCondor(spx), -1)).argument).toBe("spotAtExpiry");
  });
});

describe("validation: every error names the argument", () => {
  const cases: [string, (ic: Required<IronCondorInput>) => IronCondorInput, RegExp][] = [
    ["shortPut", (ic) => ({ ...ic, shortPut: ic.longPut }), /^shortPut .* must be above longPut/],
    [
      "shortCall",
      (ic) => ({ ...ic, shortCall: ic.shortPut - 0.5 }),
      /^shortCall .* must be above shortPut/,
    ],
    [
      "longCall",
      (ic) => ({ ...ic, longCall: ic.shortCall }),
      /^longCall .* must be above shortCall/,
    ],
    ["credit", (ic) => ({ ...ic, credit: 0 }), /^credit must be above 0/],
    ["credit", (ic) => ({ ...ic, credit: -ic.credit }), /^credit must be above 0/],
    [
      "credit",
      (ic) => ({ ...ic, credit: Math.max(ic.shortPut - ic.longPut, ic.longCall - ic.shortCall) }),
      /^credit .* is at or above the wider wing .*: no risk is left/,
    ],
    ["contracts", (ic) => ({ ...ic, contracts: 0 }), /^contracts must be above 0/],
    ["contracts", (ic) => ({ ...ic, contracts: -3 }), /^contracts must be above 0/],
    ["longPut", (ic) => ({ ...ic, longPut: Number.NaN }), /^longPut must be a finite number/],
  ];

  it.each(cases)(
    "%s, in construction and in every function that takes a condor",
    (argument, breakIt, message) => {
      fc.assert(
        fc.property(condor, (input) => {
          const bad = breakIt(input);
          const market = { spot: input.shortPut, dte: 30, vol: 0.2 };
          for (const use of [
            () => ironCondor(bad),
            () => maxLoss(bad as IronCondor),
            () => maxProfit(bad as IronCondor),
            () => breakEvens(bad as IronCondor),
            () => payoffAtExpiry(bad as IronCondor, input.shortPut),
            // The mark and Greeks depend on the strikes and size only, not on the credit.
            ...(argument === "credit" ? [] : [() => icGreeks(bad, market)]),
          ]) {
            const error = thrown(use);
            expect(error.argument).toBe(argument);
            expect(error.message).toMatch(message);
          }
        }),
        { numRuns: 40 }
      );
    }
  );

  it("SPEC's example message: shortCall 5500 must be above shortPut 5900", () => {
    const error = thrown(() =>
      ironCondor({ longPut: 5850, shortPut: 5900, shortCall: 5500, longCall: 5550, credit: 5 })
    );
    expect(error.message).toMatch(/^shortCall 5500 must be above shortPut 5900/);
  });

  it("an iron butterfly (shortPut = shortCall) is a valid condor", () => {
    expect(
      maxLoss(
        ironCondor({ longPut: 5750, shortPut: 5800, shortCall: 5800, longCall: 5850, credit: 30 })
      )
    ).toBe(2000);
  });
});

describe("icGreeks", () => {
  it("agrees with mpmath (pricing.json, ironCondor table): mark to 1e-12, Greeks to 1e-10 relative", () => {
    const rows = tables.ironCondor;
    expect(rows.length).toBe(34);
    const compute = (row: IronCondorRow) => {
      const [longPut, shortPut, shortCall, longCall] = row.legs;
      const ic = ironCondor({
        longPut,
        shortPut,
        shortCall,
        longCall,
        credit: 1,
        contracts: row.contracts,
        multiplier: row.multiplier,
      });
      return { ...icGreeks(ic, row) };
    };
    expect(misses(rows, ["mark"], compute, 1e-12)).toEqual([]);
    expect(misses(rows, ["delta", "gamma", "vega", "theta"], compute, 1e-10)).toEqual([]);
  });

  it("a short condor near the money has negative vega and positive theta (SPEC §2)", () => {
    const g = icGreeks(ironCondor({ ...spx, contracts: 3 }), {
      spot: 5800,
      dte: 45,
      vol: 0.16,
      rate: 0.045,
      divYield: 0.013,
    });
    expect(g.vega).toBeLessThan(0);
    expect(g.theta).toBeGreaterThan(0);
    expect(g.mark).toBeGreaterThan(0);
  });

  it("is the sum of the four BSM legs, short legs negated, times multiplier and contracts", () => {
    const ic = ironCondor({ ...spx, contracts: 2, multiplier: 100 });
    const vols = [0.24, 0.2, 0.13, 0.12];
    const market = { spot: 5790, dte: 21, vol: vols, rate: 0.04, divYield: 0.012 };
    const legs = [ic.longPut, ic.shortPut, ic.shortCall, ic.longCall].map((strike, i) =>
      bsm({
        type: i < 2 ? "put" : "call",
        spot: 5790,
        strike,
        dte: 21,
        vol: vols[i],
        rate: 0.04,
        divYield: 0.012,
      })
    );
    const held = [1, -1, -1, 1];
    const g = icGreeks(ic, market);
    expect(g.mark).toBeCloseTo(-legs.reduce((sum, leg, i) => sum + held[i] * leg.price, 0), 10);
    for (const k of ["delta", "gamma", "vega", "theta"] as const) {
      expect(g[k]).toBeCloseTo(200 * legs.reduce((sum, leg, i) => sum + held[i] * leg[k], 0), 8);
    }
  });

  it("one vol, a one-element range and four equal vols are the same", () => {
    const ic = ironCondor(spx);
    const market = { spot: 5800, dte: 30, rate: 0.04 };
    const one = icGreeks(ic, { ...market, vol: 0.17 });
    expect(icGreeks(ic, { ...market, vol: [0.17] })).toEqual(one);
    expect(icGreeks(ic, { ...market, vol: [0.17, 0.17, 0.17, 0.17] })).toEqual(one);
  });

  it("at expiry the mark is the credit minus the per-share payoff, and the Greeks vanish but delta", () => {
    fc.assert(
      fc.property(condor, fc.double({ min: 1, max: 20000, noNaN: true }), (input, spot) => {
        const ic = ironCondor(input);
        const g = icGreeks(ic, { spot, dte: 0, vol: 0.2 });
        const perShare = payoffAtExpiry(ic, spot) / (input.multiplier * input.contracts);
        expect(g.mark).toBeCloseTo(input.credit - perShare, 6);
        expect([g.gamma, g.vega, g.theta].every((v) => v === 0)).toBe(true);
      })
    );
  });

  it("names a bad vol: a percentage, a per-leg percentage, or the wrong count", () => {
    const ic = ironCondor(spx);
    const market = { spot: 5800, dte: 30 };
    expect(thrown(() => icGreeks(ic, { ...market, vol: 16 })).message).toMatch(
      /^vol 16 looks like a percentage: enter 0\.16 for 16 %/
    );
    const perLeg = thrown(() => icGreeks(ic, { ...market, vol: [0.2, 16, 0.15, 0.14] }));
    expect(perLeg.argument).toBe("vol");
    expect(perLeg.message).toMatch(
      /^shortPut leg: vol 16 looks like a percentage: enter 0\.16 for 16 %/
    );
    expect(thrown(() => icGreeks(ic, { ...market, vol: [0.2, 0.2, 0.2] })).message).toMatch(
      /^vol must be one number or four.*\(got 3\)/
    );
    expect(thrown(() => icGreeks(ic, { ...market, spot: 0, vol: 0.2 })).argument).toBe("spot");
    expect(thrown(() => icGreeks(ic, { ...market, dte: -1, vol: 0.2 })).argument).toBe("dte");
  });
});

describe("probabilityOfProfit", () => {
  it("agrees with mpmath to 1e-12 relative, tails included (pricing.json, pop table)", () => {
    expect(tables.pop.length).toBe(144);
    const compute = (row: Record<string, number>) => ({ pop: probabilityOfProfit(row as never) });
    expect(misses(tables.pop, ["pop"], compute, 1e-12)).toEqual([]);
  });

  it("is a probability, grows as the range widens, and is 1 or 0 at expiry", () => {
    const range = fc.record({
      spot: fc.double({ min: 100, max: 10000, noNaN: true }),
      lower: fc.double({ min: 50, max: 9000, noNaN: true }),
      width: fc.double({ min: 0.5, max: 3000, noNaN: true }),
      dte: fc.double({ min: 0.01, max: 730, noNaN: true }),
      vol: fc.double({ min: 0.02, max: 3, noNaN: true }),
    });
    fc.assert(
      fc.property(range, ({ width, ...rest }) => {
        const input = { ...rest, upper: rest.lower + width };
        const p = probabilityOfProfit(input);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(
          probabilityOfProfit({ ...input, upper: input.upper + width })
        ).toBeGreaterThanOrEqual(p - 1e-15);
      })
    );
    expect(probabilityOfProfit({ spot: 5800, lower: 5700, upper: 5900, dte: 0, vol: 0.2 })).toBe(1);
    expect(probabilityOfProfit({ spot: 5900, lower: 5700, upper: 5900, dte: 0, vol: 0.2 })).toBe(0);
  });

  it("names its bad arguments", () => {
    const ok = { spot: 5800, lower: 5700, upper: 5900, dte: 30, vol: 0.2 };
    expect(thrown(() => probabilityOfProfit({ ...ok, upper: 5600 })).message).toMatch(
      /^upper 5600 must be above lower 5700/
    );
    expect(thrown(() => probabilityOfProfit({ ...ok, vol: 20 })).message).toMatch(
      /enter 0\.2 for 20 %/
    );
    expect(thrown(() => probabilityOfProfit({ ...ok, lower: 0 })).argument).toBe("lower");
    expect(thrown(() => probabilityOfProfit({ ...ok, divYield: 1.3 })).argument).toBe("divYield");
  });
});

describe("broken wings (SPEC §3.2, issue 14)", () => {
  const observed = { longPut: 5800, shortPut: 5900, shortCall: 6100, longCall: 6125, credit: 30 };

  it("has no break-even on a side whose wing the credit covers", () => {
    // The condor never loses above 6100: its 25-point call wing is narrower than the 30 credit.
    expect(payoffAtExpiry(ironCondor(observed), 7000)).toBeGreaterThan(0);
    expect(condorBreakEvens(ironCondor(observed))).toEqual({ lower: 5870, upper: null });
    expect(breakEvenSides({ ...observed, longPut: 5875, longCall: 6200 })).toEqual({
      lower: null,
      upper: 6130,
    });
    // A wing exactly as wide as the credit never loses either.
    expect(breakEvenSides({ ...observed, longCall: 6130 }).upper).toBeNull();
    expect(breakEvenSides({ shortPut: 5900, shortCall: 6100, credit: 30 })).toEqual({
      lower: 5870,
      upper: 6130,
    });
  });

  it("still refuses a credit at least as wide as the wider wing, and wings out of order", () => {
    expect(thrown(() => breakEvenSides({ ...observed, longPut: 5880 })).message).toBe(
      "credit 30 is at or above the wider wing 25: no risk is left, check the credit"
    );
    expect(thrown(() => breakEvenSides({ ...observed, longPut: 5950 })).argument).toBe("longPut");
    expect(thrown(() => breakEvenSides({ ...observed, longCall: 6000 })).argument).toBe("longCall");
  });

  it("takes a side without a break-even as unbounded in the probability of profit", () => {
    const market = { spot: 6000, dte: 45, vol: 0.18 };
    const above = probabilityOfProfit({ ...market, lower: 5870, upper: null });
    const below = probabilityOfProfit({ ...market, lower: null, upper: 5870 });
    expect(above + below).toBeCloseTo(1, 15);
    expect(above).toBeGreaterThan(probabilityOfProfit({ ...market, lower: 5870, upper: 6130 }));
    expect(probabilityOfProfit({ ...market, dte: 0, lower: 5870, upper: null })).toBe(1);
    expect(probabilityOfProfit({ ...market, dte: 0, lower: null, upper: 5870 })).toBe(0);
    expect(() => probabilityOfProfit({ ...market, lower: null, upper: null })).toThrow(
      /both missing/
    );
  });
});
