import { describe, expect, it } from "vitest";
import { isAlvhError } from "../../src/core";
import { validatePosition } from "../../src/workbook/position";
import { parsePositionRows, POSITION_COLUMNS } from "../../src/workbook/positions-table";
import { makePosition } from "./helpers";

// One good row as Excel's Range.values returns it: dates as serials, vol as a fraction.
const good = ["SPX Mar", 45737, 5500, 5550, 5850, 5900, 12.35, 2, 45700, 0.16, "first"];

describe("parsePositionRows", () => {
  it("reads rows as Excel returns them", () => {
    const { positions, problems } = parsePositionRows([good]);
    expect(problems).toEqual([]);
    expect(positions).toEqual([
      {
        label: "SPX Mar",
        expiry: 45737,
        longPut: 5500,
        shortPut: 5550,
        shortCall: 5850,
        longCall: 5900,
        credit: 12.35,
        contracts: 2,
        entryDate: 45700,
        impliedVol: 0.16,
        notes: "first",
      },
    ]);
  });

  it("reports a hand-edited bad row by its sheet row number and keeps reading", () => {
    const rows = [
      good,
      ["Inverted", 45737, 5500, 5550, 5450, 5900, 12, 1, "", 0.16, ""],
      ["", "", "", "", "", "", "", "", "", "", ""],
      ["Percent vol", 45737, 5500, 5550, 5850, 5900, 12, 1, "", 16, ""],
      ["Text strike", 45737, "abc", 5550, 5850, 5900, 12, 1, "", 0.16, ""],
      ["Half contract", 45737, 5500, 5550, 5850, 5900, 12, 1.5, "", 0.16, ""],
      ["No credit left", 45737, 5500, 5550, 5850, 5900, 50, 1, "", 0.16, ""],
      ["spx mar", 45740, 5500, 5550, 5850, 5900, 10, 1, "", 0.16, ""],
      ["Last", 45744, 5500, 5550, 5850, 5900, 10, 1, "", 0.16, ""],
    ];
    const { positions, problems } = parsePositionRows(rows, POSITION_COLUMNS, 2);
    expect(positions.map((p) => p.label)).toEqual(["SPX Mar", "Last"]);
    expect(problems.map((p) => p.row)).toEqual([3, 5, 6, 7, 8, 9]);
    expect(problems[0].message).toMatch(/^row 3: .*shortCall/);
    expect(problems[1].message).toMatch(/^row 5: .*16 looks like a percentage: enter 0\.16/);
    expect(problems[2].message).toMatch(/^row 6: Long put must be a number \(got "abc"\)/);
    expect(problems[3].message).toMatch(/^row 7: contracts must be a whole number/);
    expect(problems[4].message).toMatch(/^row 8: .*credit/);
    expect(problems[5].message).toMatch(/^row 9: label "spx mar" is already used in row 2/);
  });

  it("matches columns by header, so a reordered table with extra columns still reads", () => {
    const header = ["Notes", "Desk", ...POSITION_COLUMNS.slice(0, 10).reverse()];
    const row = ["n", "desk A", ...good.slice(0, 10).reverse()];
    const { positions, problems } = parsePositionRows([row], header, 5);
    expect(problems).toEqual([]);
    expect(positions[0]).toMatchObject({
      label: "SPX Mar",
      longPut: 5500,
      longCall: 5900,
      notes: "n",
      entryDate: 45700,
    });
  });

  it("accepts numbers and dates typed as text", () => {
    const row = [
      "Typed",
      "2025-03-21",
      "5,500",
      "5550",
      " 5850 ",
      5900,
      "12.35",
      "2",
      "",
      "16%",
      42,
    ];
    const { positions, problems } = parsePositionRows([row]);
    expect(problems).toEqual([]);
    expect(positions[0]).toMatchObject({
      expiry: 45737,
      longPut: 5500,
      shortCall: 5850,
      credit: 12.35,
      impliedVol: 0.16,
      entryDate: null,
      notes: "42",
    });
  });

  it("keeps labels that look like formulas as they are", () => {
    const { positions } = parsePositionRows([["=1+1", ...good.slice(1)]]);
    expect(positions[0].label).toBe("=1+1");
  });

  it("names the missing column", () => {
    expect(() =>
      parsePositionRows(
        [good],
        POSITION_COLUMNS.filter((c) => c !== "Credit")
      )
    ).toThrow(/no "Credit" column/);
  });
});

describe("validatePosition", () => {
  it("rejects an empty or a 10,000-character label with a message that says what to do", () => {
    for (const [label, pattern] of [
      ["  ", /label must not be empty/],
      ["x".repeat(10000), /label is 10000 characters long: keep it to 100 or fewer/],
    ] as const) {
      try {
        validatePosition(makePosition(label));
        throw new Error("accepted");
      } catch (error) {
        expect(isAlvhError(error)).toBe(true);
        expect((error as Error).message).toMatch(pattern);
      }
    }
  });

  it("trims the label and rejects a date outside Excel's range", () => {
    expect(validatePosition(makePosition("  A  ")).label).toBe("A");
    expect(() => validatePosition(makePosition("A", { expiry: -3 }))).toThrow(
      /expiry -3 is not an Excel date from 1900-03-01 \(61\)/
    );
    // A DTE typed into the Expiry column: serial 45 is 1900-02-14, before the calendar's range.
    expect(() => validatePosition(makePosition("A", { expiry: 45 }))).toThrow(
      /expiry 45 is not an Excel date/
    );
  });
});
