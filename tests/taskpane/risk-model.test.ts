import { describe, expect, it } from "vitest";
import {
  hedgeVixSensitivity,
  icGreeks,
  scenarioBook,
  scenarioGrid,
  vixFutureBeta,
} from "../../src/core";
import { riskCurves, riskGraphShape } from "../../src/taskpane/risk/graph";
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
});
