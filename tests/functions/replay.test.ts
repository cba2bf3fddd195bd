import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as functions from "../../src/functions/functions";
import references from "../core/references/replay.json";
import { StubCellError } from "./bundle";
import { cellError } from "../support/thrown";

// =ALVH.REPLAY as Excel calls it: ranges as rows of cells, omitted arguments as null. Its table
// must match the independent reference of SPEC §6 (scripts/references/replay.py) in every cell.

beforeAll(() => {
  vi.stubGlobal("CustomFunctions", {
    associate: () => undefined,
    Error: StubCellError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!" },
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
});

const FIELDS = [
  "cycles",
  "totalPnl",
  "hedgePnl",
  "maxDrawdown",
  "worstCycle",
  "winningCycles",
  "contractsTraded",
  "daysHedged",
] as const;
const PARAMS = [
  "shortDelta",
  "wingDelta",
  "vixRiseAtMaxLoss",
  "threshold",
  "step",
  "perLayer",
  "cap",
  "kappa",
  "longRunVix",
  "feePerContract",
] as const;

type Case = (typeof references.cases)[number];
const column = (values: readonly number[]): unknown[][] => values.map((v) => [v]);
const call = (...args: unknown[]) =>
  (functions.replay as (...a: unknown[]) => (string | number)[][])(...args);
const historyOf = (c: Case) => [c.history.dates, c.history.spx, c.history.vix].map(column);

describe("=ALVH.REPLAY", () => {
  for (const ref of references.cases) {
    it(`matches the reference in every cell: ${ref.name}`, () => {
      const params = PARAMS.map((name) => (ref.params as Record<string, number>)[name]);
      const table = call(...historyOf(ref), ...params);
      expect(table[0]).toEqual(["metric", "unhedged", "static", "ALVH"]);
      FIELDS.forEach((field, r) => {
        ["unhedged", "static", "alvh"].forEach((variant, v) => {
          const expected = (ref.summary as Record<string, Record<string, number>>)[variant][field];
          const actual = table[r + 1][v + 1] as number;
          expect(Math.abs(actual - expected), `${field} ${variant}`).toBeLessThanOrEqual(1e-6);
        });
      });
    });
  }

  const synthetic = references.cases[0];

  it("applies SPEC's defaults to omitted arguments, and ignores blank rows at the bottom", () => {
    const history = historyOf(synthetic);
    const blank = () => [[""], [null]];
    const padded = history.map((col) => [...col, ...blank()]);
    const defaults = call(...history, ...PARAMS.map(() => null));
    expect(call(...padded)).toEqual(defaults);
    expect(call(...history, 0.2, 0.05, 10, 0.9, 0.05, 0.25, 0.6, 5.9, 19.4, 0)).toEqual(defaults);
    expect(call(...history, 0.2, 0.05, 10, 0.9, 0.05, 0.25, 0.6, 5.9, 19.4, 2)).not.toEqual(
      defaults
    );
  });

  it("takes the history as rows too", () => {
    const rows = historyOf(synthetic).map((col) => [col.map((cell) => cell[0])]);
    expect(call(...rows)).toEqual(call(...historyOf(synthetic)));
  });

  it("names the row of a blank or text cell inside the history", () => {
    const [dates, spx, vix] = historyOf(synthetic);
    const gap = spx.map((cell, i) => (i === 41 ? [""] : cell));
    expect(cellError(() => call(dates, gap, vix))).toEqual(
      new StubCellError("#VALUE!", "row 42: spx is missing or not a number")
    );
    const text = dates.map((cell, i) => (i === 2 ? ["2022-01-05"] : cell));
    expect(cellError(() => call(text, spx, vix)).message).toBe(
      "row 3: the date is missing or not a date serial"
    );
  });

  it("refuses a block of several columns, and a short history, with the fix", () => {
    const [dates, spx, vix] = historyOf(synthetic);
    const block = dates.map((cell, i) => [cell[0], spx[i][0]]);
    expect(cellError(() => call(block, spx, vix)).message).toMatch(
      /^dates must be one column \(or one row\) of the history, got a 660×2 range/
    );
    const short = [dates, spx, vix].map((col) => col.slice(0, 15));
    expect(cellError(() => call(...short)).message).toMatch(/holds no complete cycle/);
    expect(cellError(() => call(dates, spx, vix, 20)).message).toMatch(/enter 0.2 for a 20-delta/);
  });
});
