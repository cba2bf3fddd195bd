import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activeLayers,
  activeLayersText,
  edr,
  exposureFromMaxLoss,
  exposureFromVega,
  heldCoverage,
  hedgeContracts,
  hedgedExposure,
  noHedgeReason,
  schedule,
  shownVixTrigger,
  wholeContracts,
  wholeContractsWithinCap,
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
        const [layer, edrTrigger, vixTrigger, cumulative, added, exact, whole, held] = ref.rows[i];
        expect(row.layer).toBe(layer);
        expect(row.edrTrigger).toBe(edrTrigger);
        expect(relative(row.vixTrigger, vixTrigger)).toBeLessThan(1e-14);
        expect(row.cumulativeCoverage).toBe(cumulative);
        expect(row.addedCoverage).toBe(added);
        expect(relative(row.exactContracts, exact)).toBeLessThan(1e-14);
        expect(row.wholeContracts).toBe(whole);
        expect(relative(row.heldCoverage, held)).toBeLessThan(1e-14);
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
                  row.heldCoverage <= cap + 1e-9 &&
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

describe("whole contracts within the cap (SPEC §3.5)", () => {
  // SPEC's worked example: exposure 4800, β 0.6, futures: 0.25 coverage is 2 exact, the cap 4.8.
  it("rounds up but never above ⌊capExact⌋", () => {
    const capExact = hedgeContracts(4800, 0.6, { beta: 0.6 });
    expect(wholeContractsWithinCap(hedgeContracts(4800, 0.5, { beta: 0.6 }), capExact)).toBe(4);
    expect(wholeContractsWithinCap(4.2, capExact)).toBe(4);
    expect(wholeContractsWithinCap(0.4375, 0.8)).toBe(0);
    expect(wholeContractsWithinCap(0, 5)).toBe(0);
    expect(wholeContractsWithinCap(2.9999999995, 3.0000000004)).toBe(3);
  });

  it("gives the coverage the whole contracts hold", () => {
    expect(heldCoverage(1, 1750)).toBeCloseTo(1000 / 1750, 15);
    expect(heldCoverage(4, 4800, { beta: 0.6 })).toBe(0.5);
    expect(heldCoverage(3, 0)).toBe(0);
  });

  // Issue 14, observation 1: SPX 6000 condor 5850/5900/6100/6150, credit 15, 5 lots, VIX 18:
  // max loss 17 500 over a 10-point VIX rise is an exposure of 1750 $ per VIX point.
  it("holds the worked example within the cap: 1 future in every layer, 57 % held", () => {
    const rows = schedule(1750);
    expect(rows.map((row) => row.exactContracts)).toEqual([0.4375, 0.875, 1.05]);
    expect(rows.map((row) => row.wholeContracts)).toEqual([1, 1, 1]); // was 1, 1, 2 (114 %)
    for (const row of rows) {
      expect(row.heldCoverage).toBeCloseTo(1000 / 1750, 15);
      expect(row.heldCoverage).toBeLessThanOrEqual(0.6);
      expect(row.zeroReason).toBeUndefined();
    }
  });

  it("rounds in the chosen mode, still within the cap", () => {
    expect(schedule(1750, { rounding: "down" }).map((r) => r.wholeContracts)).toEqual([0, 0, 1]);
    expect(schedule(1750, { rounding: "nearest" }).map((r) => r.wholeContracts)).toEqual([0, 1, 1]);
    expect(schedule(10000, { rounding: "down" }).map((r) => r.wholeContracts)).toEqual([2, 5, 6]);
    expect(schedule(1750, { rounding: "down" })[0].zeroReason).toBeUndefined();
  });

  it("says why a layer holds 0 when one contract would exceed the cap", () => {
    const rows = schedule(875);
    expect(rows.map((row) => row.wholeContracts)).toEqual([0, 0, 0]);
    for (const row of rows) {
      expect(row.heldCoverage).toBe(0);
      expect(row.zeroReason).toBe(
        "one contract would hedge 114 % of the exposure, above the 60 % cap"
      );
    }
    // Close to the cap the percentage shows enough decimals to differ from it.
    expect(schedule(1000 / 0.6004)[0].zeroReason).toBe(
      "one contract would hedge 60.04 % of the exposure, above the 60 % cap"
    );
    expect(schedule(0).every((row) => row.zeroReason === undefined)).toBe(true);
  });
});

describe("direction (SPEC §3.5)", () => {
  it("hedges a short book and tells a long-vega book plainly that it gets no hedge", () => {
    expect(exposureFromVega(-2500)).toBe(2500);
    expect(hedgedExposure(exposureFromVega(-2500))).toBe(2500);
    expect(noHedgeReason(exposureFromVega(-2500))).toBeUndefined();
    expect(hedgedExposure(exposureFromVega(1234.4))).toBe(0);
    expect(noHedgeReason(exposureFromVega(1234.4))).toBe(
      "no hedge: the book gains about $1,234 per VIX point (its vega is positive), so a VIX rise helps it and buying VIX would add risk"
    );
    expect(noHedgeReason(0)).toBeUndefined();
  });
});

describe("honest displays (SPEC §3.5)", () => {
  it("shows a VIX trigger rounded up, so a print at the shown level triggers the layer", () => {
    const triggers = schedule(1750).map((row) => shownVixTrigger(row.vixTrigger));
    expect(triggers).toEqual([14.29, 15.09, 15.88]); // were shown as 14.29, 15.08, 15.87
    triggers.forEach((vix, i) => expect(activeLayers(edr(vix))).toBe(i + 1));
    expect(activeLayers(edr(15.08))).toBe(1); // the old display's VIX did not trigger layer 2
  });

  it("decides the rounding on decimals: an exact 15.08 stays 15.08", () => {
    expect(shownVixTrigger(15.08)).toBe(15.08);
    expect(shownVixTrigger(16.1)).toBe(16.1); // 16.1 × 100 is 1610.0000000000002: a raw ceiling shows 16.11
    expect(shownVixTrigger(1.1)).toBe(1.1);
    expect(shownVixTrigger(15.0808)).toBe(15.09);
    expect(shownVixTrigger(15.0808, 1)).toBe(15.1);
    expect(shownVixTrigger(20, 0)).toBe(20);
    expect(() => shownVixTrigger(15, 1.5)).toThrow(/decimals must be a whole number/);
  });

  it("reports active layers against the schedule", () => {
    const layersInSchedule = schedule(1750).length;
    expect(activeLayersText(activeLayers(edr(18)), layersInSchedule)).toBe("5 (cap reached at 3)");
    expect(activeLayersText(activeLayers(edr(30)), layersInSchedule)).toBe("20 (cap reached at 3)");
    expect(activeLayersText(2, layersInSchedule)).toBe("2");
    expect(activeLayersText(3, layersInSchedule)).toBe("3");
    expect(activeLayersText(0, layersInSchedule)).toBe("0");
  });
});
