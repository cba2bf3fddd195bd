import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  exposureFromMaxLoss,
  exposureFromVega,
  hedgeContracts,
  schedule,
  wholeContracts,
} from "../../src/core";
import references from "./references/hedge.json";

interface ReferenceSchedule {
  exposure: string;
  params: Partial<
    Record<"per_layer" | "cap" | "theta" | "step" | "beta" | "delta" | "mult", string>
  >;
  rows: number[][];
}

const relative = (actual: number, expected: number) =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);

describe("hedgeContracts", () => {
  it("is coverage·|exposure|/(β·Δh·mh), exact", () => {
    expect(hedgeContracts(4800, 0.5)).toBe(2.4);
    expect(hedgeContracts(-4800, 0.5, { beta: 0.5, hedgeDelta: 0.4, multiplier: 100 })).toBeCloseTo(
      120,
      12
    );
  });

  it("counts an exact value within 1e-9 of a whole number as that number (SPEC §3.5)", () => {
    expect(wholeContracts(hedgeContracts(4800, 0.5, { beta: 0.6 }))).toBe(4); // SPEC's own example
    const exact = hedgeContracts(10000, 0.07, { beta: 0.7 });
    expect(exact).toBe(1.0000000000000002); // 0.07·10000/(0.7·1000) in binary
    expect(wholeContracts(exact)).toBe(1); // not 2
  });

  it("rejects an instrument that cannot hedge", () => {
    expect(() => hedgeContracts(1000, 0.5, { beta: 0 })).toThrow(/beta must be above 0/);
    expect(() => hedgeContracts(1000, 0.5, { hedgeDelta: 1.5 })).toThrow(
      /hedgeDelta must be at most 1/
    );
    expect(() => hedgeContracts(1000, 50)).toThrow(
      "coverage 50 is above 1: enter a fraction, 0.5 for 50 %"
    );
  });
});

describe("exposure", () => {
  it("takes a short IC's negative vega as a positive exposure", () => {
    expect(exposureFromVega(-812.5)).toBe(812.5);
  });

  it("spreads max loss over the VIX rise", () => {
    expect(exposureFromMaxLoss(38500, 10)).toBe(3850);
    expect(() => exposureFromMaxLoss(38500, 0)).toThrow(/vixRise must be above 0/);
  });
});

describe("wholeContracts", () => {
  it("rounds up, down or to nearest, whole numbers within 1e-9 counting as whole", () => {
    expect(wholeContracts(2.0000000001)).toBe(2);
    expect(wholeContracts(2.01)).toBe(3);
    expect(wholeContracts(2.99999999995, "down")).toBe(3);
    expect(wholeContracts(2.7, "down")).toBe(2);
    expect(wholeContracts(2.5, "nearest")).toBe(3);
    expect(wholeContracts(2.49, "nearest")).toBe(2);
  });

  it("measures SPEC §3.5's 1e-9 absolutely, as the schedule sheet's formula does", () => {
    expect(wholeContracts(12.0000000005)).toBe(12);
    expect(wholeContracts(12.000000005)).toBe(13);
    expect(wholeContracts(1234.0000000009)).toBe(1234);
    expect(wholeContracts(1234.000000002)).toBe(1235); // within 1e-9 only relatively
    expect(wholeContracts(11.999999998, "down")).toBe(11);
    expect(() => wholeContracts(1, "sideways" as never)).toThrow(
      /rounding must be "up", "nearest" or "down"/
    );
  });
});

describe("schedule", () => {
  it("agrees with the mpmath schedules of scripts/references/hedge.py", () => {
    for (const ref of references.schedule as ReferenceSchedule[]) {
      const p = ref.params;
      const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
      const rows = schedule(Number(ref.exposure), {
        perLayer: num(p.per_layer),
        cap: num(p.cap),
        threshold: num(p.theta),
        step: num(p.step),
        beta: num(p.beta),
        hedgeDelta: num(p.delta),
        multiplier: num(p.mult),
      });
      expect(rows.length).toBe(ref.rows.length);
      rows.forEach((row, i) => {
        const [layer, edrTrigger, vixTrigger, cumulative, added, exact, whole] = ref.rows[i];
        expect(row.layer).toBe(layer);
        expect(row.edrTrigger).toBe(edrTrigger);
        expect(relative(row.vixTrigger, vixTrigger)).toBeLessThan(1e-14);
        expect(row.cumulativeCoverage).toBe(cumulative);
        expect(row.addedCoverage).toBe(added);
        expect(relative(row.exactContracts, exact)).toBeLessThan(1e-14);
        expect(row.wholeContracts).toBe(whole);
      });
    }
  });

  it("holds non-decreasing contracts and coverage summing to the cap (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        (exposure, perLayer, cap, beta) => {
          const rows = schedule(exposure, { perLayer, cap, beta });
          const total = rows.reduce((sum, row) => sum + row.addedCoverage, 0);
          return (
            Math.abs(total - cap) < 1e-9 &&
            rows.every(
              (row, i) =>
                i === 0 ||
                (row.exactContracts >= rows[i - 1].exactContracts &&
                  row.wholeContracts >= rows[i - 1].wholeContracts &&
                  row.edrTrigger > rows[i - 1].edrTrigger)
            )
          );
        }
      ),
      { numRuns: 1000 }
    );
  });

  it("refuses a schedule too long to read", () => {
    expect(() => schedule(1000, { perLayer: 0.001, cap: 1 })).toThrow(
      /gives 1000 layers: at most 200/
    );
  });
});
