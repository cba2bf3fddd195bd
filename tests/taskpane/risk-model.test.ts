import { describe, expect, it } from "vitest";
import {
  hedgeVixSensitivity,
  icGreeks,
  scenarioBook,
  scenarioGrid,
  vixFutureBeta,
} from "../../src/core";
import { graphSpan, riskCurves, riskGraphShape } from "../../src/taskpane/risk/graph";
import { riskModel } from "../../src/taskpane/risk/model";
import type { Position } from "../../src/workbook/model";
import { DEFAULT_SETTINGS, validateSettings } from "../../src/workbook/settings";

// Issue 15's condor, expiring 45 days after noon of 2025-01-01 (serial 45658.5) at 4 pm.
const worked: Position = {
  label: "SPX worked",
  expiry: 45703,
  longPut: 5850,
  shortPut: 5900,
  shortCall: 6100,
  longCall: 6150,
  credit: 15,
  contracts: 5,
  entryDate: null,
  impliedVol: 0.18,
  notes: "",
};
const AT = 45658.5;
const SETTINGS = validateSettings(DEFAULT_SETTINGS);

describe("risk model", () => {
  it("holds the schedule's hedge: expiry after the condor's, its whole contracts", () => {
    const model = riskModel([worked], SETTINGS, { spot: 6000, vix: 18 }, AT);
    expect(model.input.positions[0]).toMatchObject({ vol: 0.18, contracts: 5 });
    expect(model.input.positions[0].dte).toBeCloseTo(45 + 4 / 24, 9);
    expect(model.hedge.contracts).toBe(model.figures.wholeContracts);
    expect(model.hedge.days).toBe(model.figures.hedge.dte);
    expect(model.hedge.days).toBeGreaterThan(45);
    const override = riskModel([worked], SETTINGS, { spot: 6000, vix: 18 }, AT, 2);
    expect(override.hedge.contracts).toBe(2);
  });

  it("P&L now is (credit − mark)·m·n and net vega adds the hedge's $ per VIX point", () => {
    const model = riskModel([worked], SETTINGS, { spot: 6000, vix: 18 }, AT, 2);
    const greeks = icGreeks(worked, { spot: 6000, dte: model.input.positions[0].dte, vol: 0.18 });
    expect(model.risk.pnlNow).toBeCloseTo((15 - greeks.mark) * 500, 8);
    expect(model.risk.netVega).toBeCloseTo(
      greeks.vega + 2 * 1000 * vixFutureBeta(model.hedge.days / 365),
      8
    );
    expect(model.risk.netVega).toBeCloseTo(greeks.vega + hedgeVixSensitivity(model.book), 9);
    expect(model.risk.shortDeltas[0].put).toBeLessThan(0);
    expect(model.risk.shortDeltas[0].call).toBeGreaterThan(0);
    expect(model.risk.pop).toBeGreaterThan(0);
    expect(model.risk.pop).toBeLessThan(1);
  });

  it("says the next trigger in words, rounded up as the schedule shows it", () => {
    // VIX 14.5 is EDR 0.913: layer 1 active, layer 2 at EDR 0.95 = VIX 15.0808 → 15.09.
    const model = riskModel([worked], SETTINGS, { spot: 6000, vix: 14.5 }, AT);
    const [first, second] = model.figures.rows;
    const added = second.whole - first.whole;
    expect(model.risk.nextTrigger).toBe(
      `next layer at VIX 15.09 (+${added} future${added === 1 ? "" : "s"})`
    );
    const all = riskModel([worked], SETTINGS, { spot: 6000, vix: 30 }, AT);
    expect(all.risk.nextTrigger).toBe("all 3 layers active");
  });

  it("the grid the view shows is the engine's grid of the model's book", () => {
    const model = riskModel([worked], SETTINGS, { spot: 6000, vix: 18 }, AT, 2);
    expect(Array.from(scenarioGrid(model.book).net)).toEqual(
      Array.from(scenarioGrid(scenarioBook(model.input)).net)
    );
  });
});

describe("risk graph", () => {
  it("draws T+0, the chosen date and expiry, with and without the hedge, spot and break-evens", () => {
    const model = riskModel([worked], SETTINGS, { spot: 6000, vix: 18 }, AT, 2);
    const curves = riskCurves(model.book, 10, 5);
    expect(curves.curves.map((c) => c.key)).toEqual([
      "now-condor",
      "now-net",
      "date-condor",
      "date-net",
      "expiry-condor",
      "expiry-net",
    ]);
    // At expiry without the hedge the curve is the payoff: max profit between the short strikes.
    const atSpot = curves.spx.indexOf(6000);
    expect(curves.curves[4].pnl[atSpot]).toBeCloseTo(15 * 500, 9);
    const shape = riskGraphShape(curves, 6000, [5885, 6115]);
    expect(shape.marks.map((m) => m.key)).toEqual(["spot", "be0", "be1"]);
    expect(shape.lines).toHaveLength(6);
  });

  it("reaches twice the farthest strike either side of spot, so the condor's tent fills the middle", () => {
    const model = riskModel([worked], SETTINGS, { spot: 6000, vix: 18 }, AT, 2);
    // Farthest strike 6150 (or 5850): 150 / 6000 = 2.5 %, twice that is ±5 %: 5,700 to 6,300.
    expect(graphSpan(model.book)).toBeCloseTo(0.05, 15);
    const curves = riskCurves(model.book, 0, 0);
    expect(curves.spx[0]).toBeCloseTo(5700, 9);
    expect(curves.spx[curves.spx.length - 1]).toBeCloseTo(6300, 9);
    const narrow = riskModel(
      [{ ...worked, longPut: 5990, shortPut: 5995, shortCall: 6005, longCall: 6010, credit: 2 }],
      SETTINGS,
      { spot: 6000, vix: 18 },
      AT,
      2
    );
    expect(graphSpan(narrow.book)).toBe(0.03);
  });

  it("puts a mark's label a row lower when it would overlap its left neighbour's", () => {
    const curves = riskCurves(
      riskModel([worked], SETTINGS, { spot: 6000, vix: 18 }, AT, 2).book,
      0,
      0
    );
    const apart = riskGraphShape(curves, 6000, [5885, 6115]);
    expect(apart.marks.map((m) => m.row)).toEqual([0, 0, 0]);
    // The axis runs 5,600 to 6,400 over 246 px, so 70 points is 21.5 px: spot drops below the
    // lower break-even's label, the upper one (43 px from the lower) keeps the top row; with
    // break-evens 10 points from spot, all three stack.
    const close = riskGraphShape(curves, 6000, [5930, 6070]);
    expect(close.marks.map((m) => [m.key, m.row])).toEqual([
      ["spot", 1],
      ["be0", 0],
      ["be1", 0],
    ]);
    const crowded = riskGraphShape(curves, 6000, [5990, 6010]);
    expect(crowded.marks.map((m) => m.row)).toEqual([1, 0, 2]);
  });
});
