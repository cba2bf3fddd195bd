import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activeLayers, coverage, layerCount, layerDepth, layerTrigger } from "../../src/core";

// The grid point θ + k·s as the decimal a trader types (e.g. "1.05"), parsed once: SPEC §3.4
// wants L to step exactly there although (e − θ)/s is not a whole number in binary.
const gridPoint = (threshold: number, step: number, k: number) =>
  Number((threshold + k * step).toFixed(6));

describe("activeLayers", () => {
  it("counts SPEC §3.4's boundaries on decimals: L(0.95) = 2, L(1.00) = 3", () => {
    expect((0.95 - 0.9) / 0.05).toBeLessThan(1); // the binary trap the rule guards against
    expect(activeLayers(0.95)).toBe(2);
    expect(activeLayers(1.0)).toBe(3);
    expect(activeLayers(0.9)).toBe(1);
    expect(activeLayers(0.8999)).toBe(0);
    expect(activeLayers(0)).toBe(0);
  });

  it("steps exactly at θ + k·s for k = 0..40 on several grids", () => {
    for (const [threshold, step] of [
      [0.9, 0.05],
      [0.8, 0.1],
      [1.1, 0.03],
      [0.75, 0.07],
      [0.9, 0.01],
    ]) {
      for (let k = 0; k <= 40; k++) {
        const e = gridPoint(threshold, step, k);
        expect(activeLayers(e, { threshold, step })).toBe(k + 1);
        expect(activeLayers(e - 1e-6, { threshold, step })).toBe(k);
      }
    }
  });

  it("steps exactly at θ + k·s for any grid a trader types (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }), // θ in hundredths: 0.00 .. 3.00
        fc.integer({ min: 1, max: 500 }), // s in thousandths: 0.001 .. 0.500
        fc.integer({ min: 0, max: 40 }),
        (hundredths, thousandths, k) => {
          const threshold = hundredths / 100;
          const step = thousandths / 1000;
          const e = gridPoint(threshold, step, k);
          return (
            activeLayers(e, { threshold, step }) === k + 1 &&
            (e < 1e-6 || activeLayers(e - 1e-6, { threshold, step }) === k)
          );
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("counts steps within 1e-9 of a whole number as whole, measured absolutely (SPEC §3.5)", () => {
    // 0.9 + 0.05·2.9999999993: 7e-10 short of 3 steps, so 3 steps and 4 layers.
    expect(activeLayers(1.049999999965)).toBe(4);
    // 0.9 + 0.05·2.999999998: 2e-9 short, so 2 whole steps and 3 layers.
    expect(activeLayers(1.0499999999)).toBe(3);
  });

  it("honours maxLayers and rejects a fractional one", () => {
    expect(activeLayers(2, { maxLayers: 4 })).toBe(4);
    expect(() => activeLayers(2, { maxLayers: 2.5 })).toThrow(/maxLayers must be a whole number/);
  });

  it("names the argument for bad grids", () => {
    expect(() => activeLayers(1, { step: 0 })).toThrow(/step must be above 0/);
    expect(() => activeLayers(-0.1)).toThrow(/edr must be 0 or more/);
    expect(() => activeLayers(Number.NaN)).toThrow(/edr must be a finite number/);
  });
});

describe("coverage", () => {
  it("is min(L·c, cap): 0.25, 0.5 then capped at 0.6 with the defaults", () => {
    expect([0.89, 0.9, 0.95, 1.0, 1.5].map((e) => coverage(e))).toEqual([0, 0.25, 0.5, 0.6, 0.6]);
    expect(coverage(1.0, { perLayer: 0.1, cap: 1 })).toBe(0.3); // not 0.30000000000000004
  });

  it("is non-decreasing in EDR and never above the cap (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (a, b, perLayer, cap) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = coverage(lo, { perLayer, cap });
          const high = coverage(hi, { perLayer, cap });
          return low <= high && high <= cap && low >= 0;
        }
      ),
      { numRuns: 1000 }
    );
  });

  it("catches a percentage typed for a fraction", () => {
    expect(() => coverage(1, { perLayer: 25 })).toThrow(
      "perLayer 25 looks like a percentage: enter 0.25 for 25 % (at most 1)"
    );
    expect(() => coverage(1, { cap: 60 })).toThrow(/cap 60 looks like a percentage: enter 0.6/);
  });
});

describe("layerDepth", () => {
  it("is base·(e − θ)/s in linear mode, exact at grid points, never below 0", () => {
    expect(layerDepth(0.95, 10)).toBe(10);
    expect(layerDepth(1.0, 10)).toBe(20);
    expect(layerDepth(1.025, 4)).toBeCloseTo(10, 12);
    expect(layerDepth(0.5, 10)).toBe(0);
  });

  it("is base·L(e) in stepped mode and capped by maxDepth", () => {
    expect(layerDepth(1.2, 10, { mode: "stepped" })).toBe(70);
    expect(layerDepth(1.2, 10, { mode: "stepped", maxDepth: 25 })).toBe(25);
    expect(() => layerDepth(1, 1, { mode: "log" as never })).toThrow(
      'mode must be "linear" or "stepped" (got "log")'
    );
  });
});

describe("layerCount and layerTrigger", () => {
  it("counts ⌈cap/c⌉ layers on decimals", () => {
    expect(layerCount(0.25, 0.6)).toBe(3);
    expect(layerCount(0.25, 0.5)).toBe(2);
    expect(layerCount(0.1, 0.3)).toBe(3); // 0.3/0.1 = 2.9999999999999996 in binary
    expect(layerCount(0.2, 0.6)).toBe(3);
  });

  it("puts layer k at θ + (k − 1)·s as a clean decimal", () => {
    expect([1, 2, 3, 4, 5].map((k) => layerTrigger(k))).toEqual([0.9, 0.95, 1, 1.05, 1.1]);
    expect(layerTrigger(4, { threshold: 0.8, step: 0.1 })).toBe(1.1);
    expect(() => layerTrigger(0)).toThrow(/layer must be 1 or more/);
  });
});
