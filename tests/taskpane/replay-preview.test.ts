/**
 * The Replay sheet in the standalone preview, without a browser: the grid draws the first rows of
 * a long replay and counts the rest; the charts plot every day against the year.
 */
import { describe, expect, it } from "vitest";
import { replay } from "../../src/core";
import { chartShape } from "../../src/taskpane/preview/chart";
import { PlanValues, sheetGrid, cellKey } from "../../src/taskpane/preview/sheet";
import { buildReplaySheet, withReplaySheet } from "../../src/workbook/replay";
import { bookPlan } from "../workbook/xlsx/support";
import { makePosition } from "../workbook/helpers";
import { syntheticHistory } from "../support/synthetic-history";

const result = replay(syntheticHistory(2600, 11, 1300));
const plan = withReplaySheet(
  bookPlan([makePosition("IC 1")]),
  buildReplaySheet({ result, source: "test" })
);

describe("the Replay sheet in the preview", () => {
  it("draws the first rows only and counts all of them", () => {
    const grid = sheetGrid(plan, "replay", 200);
    expect(grid.rows).toBe(5 + 2600);
    expect(grid.name).toBe("ALVH Replay");
    expect([...grid.cells.keys()].every((k) => Number(k.split(",")[0]) < 200)).toBe(true);
    expect(grid.cells.get(cellKey(5, 13))?.text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Without a limit, every day is there (the schedule's sheets are unchanged).
    expect(sheetGrid(plan, "replay").cells.get(cellKey(5 + 2599, 13))).toBeDefined();
  });

  it("plots the equity curves, the MACD-gated ALVH's too, against years without a thousands separator", () => {
    const values = new PlanValues(plan, "replay");
    const equity = plan.charts.find((c) => c.id === "ALVH_EquityChart");
    if (!equity) throw new Error("no equity chart");
    const shape = chartShape(equity, values);
    expect(shape.series.map((s) => [s.name, s.points.length])).toEqual([
      ["unhedged", 2600],
      ["static", 2600],
      ["ALVH", 2600],
      ["ALVH MACD-gated", 2600],
    ]);
    expect(shape.xTicks.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
  });
});
