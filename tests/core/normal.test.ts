import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AlvhError, normCdf, normPdf } from "../../src/core";
import { tables } from "./references/load";

// Smallest normal double: below it a double has fewer than 53 significant bits.
const MIN_NORMAL = 2.2250738585072014e-308;

describe("normCdf and normPdf", () => {
  it("agree with mpmath to 1e-15 relative from x = −38.4 to 38 (pricing.json, normal table)", () => {
    // Full double precision in both tails is the SPEC §3.1 requirement; 1e-15 is about 5 ulp.
    // Subnormal results (x = −38.4) can only be held to an absolute 1e-15 × MIN_NORMAL.
    const bad = tables.normal.flatMap(({ x, cdf, pdf }) =>
      [
        ["cdf", normCdf(x), cdf],
        ["pdf", normPdf(x), pdf],
      ]
        .filter(([, got, want]) => {
          const error = Math.abs(+got - +want) / Math.max(Math.abs(+want), MIN_NORMAL);
          return !(error <= 1e-15);
        })
        .map(([name, got, want]) => `${name}(${x}) = ${got}, mpmath ${want}`)
    );
    expect(tables.normal.length).toBe(24);
    expect(bad).toEqual([]);
  });

  it("matches Abramowitz & Stegun Table 26.1 (P(1), P(2), P(3) to 15 decimals)", () => {
    expect(normCdf(1)).toBeCloseTo(0.841344746068543, 15);
    expect(normCdf(2)).toBeCloseTo(0.977249868051821, 15);
    expect(normCdf(3)).toBeCloseTo(0.99865010196837, 15);
    expect(normPdf(0)).toBe(1 / Math.sqrt(2 * Math.PI));
  });

  it("is symmetric: N(x) + N(−x) = 1 and φ(x) = φ(−x)", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expect(Math.abs(normCdf(x) + normCdf(-x) - 1)).toBeLessThanOrEqual(2.3e-16);
        expect(normPdf(x)).toBe(normPdf(-x));
      })
    );
  });

  it("keeps relative precision in the lower tail: N(x) ≈ φ(x)/|x| · (1 − 1/x² + 3/x⁴) for x ≤ −20", () => {
    // Mills-ratio asymptotics: the next term is −15/x⁶ ≤ 2.4e-7 relative at x = −20.
    fc.assert(
      fc.property(fc.double({ min: -37, max: -20, noNaN: true }), (x) => {
        const asymptotic = (normPdf(x) / -x) * (1 - 1 / x ** 2 + 3 / x ** 4);
        expect(Math.abs(normCdf(x) / asymptotic - 1)).toBeLessThan(15 / x ** 6);
      })
    );
  });

  it("is non-decreasing, within [0, 1], with a non-negative density, never NaN", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normCdf(lo)).toBeLessThanOrEqual(normCdf(hi));
        expect(normCdf(lo)).toBeGreaterThanOrEqual(0);
        expect(normCdf(hi)).toBeLessThanOrEqual(1);
        expect(normPdf(lo)).toBeGreaterThanOrEqual(0);
      })
    );
  });

  it("gives the limits at ±Infinity and far out, where e^{−x²/2} underflows", () => {
    for (const x of [-Infinity, -1e300, -1e20, -41]) {
      expect(normCdf(x)).toBe(0);
      expect(normPdf(x)).toBe(0);
    }
    for (const x of [Infinity, 1e300, 1e20, 41]) {
      expect(normCdf(x)).toBe(1);
      expect(normPdf(x)).toBe(0);
    }
  });

  it("rejects NaN, naming the argument", () => {
    for (const f of [normCdf, normPdf]) {
      expect(() => f(Number.NaN)).toThrow(AlvhError);
      expect(() => f(Number.NaN)).toThrow(/^x must be a number/);
    }
  });
});
