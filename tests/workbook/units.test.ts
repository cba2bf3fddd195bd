import { describe, expect, it } from "vitest";
import { columnLetters, parseCellAddress, rangeAddress } from "../../src/workbook/a1";
import { sheetOfReference } from "../../src/workbook/excel/render";
import { nextFreeSheetName } from "../../src/workbook/sheets";
import { styledRanges } from "../../src/workbook/styles";
import { daysToSettlement, exchangeSerialFromDate, SETTLEMENT } from "../../src/workbook/time";
import { EMPTY, num, text } from "../../src/workbook/cells";

describe("small pieces", () => {
  it("spell columns as Excel does", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(parseCellAddress("$AB$12")).toEqual({ row: 11, col: 27 });
    expect(rangeAddress(4, 0, 3, 10)).toBe("A5:J7");
  });

  it("pick the next free sheet name, ignoring case as Excel does", () => {
    expect(nextFreeSheetName("ALVH Schedule", ["Sheet1"])).toBe("ALVH Schedule");
    expect(nextFreeSheetName("ALVH Schedule", ["alvh schedule", "ALVH Schedule (2)"])).toBe(
      "ALVH Schedule (3)"
    );
  });

  it("read the sheet a name refers to", () => {
    expect(sheetOfReference("='ALVH Schedule'!$A$1")).toBe("ALVH Schedule");
    expect(sheetOfReference("=Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfReference("='Bob''s sheet'!$A$1")).toBe("Bob's sheet");
    expect(sheetOfReference("=#REF!")).toBeNull();
  });

  it("style rectangles, not cells", () => {
    const cells = [
      [text("h", "header"), text("h", "header"), EMPTY],
      [num(1, "0", "input"), num(2, "0", "model"), text("n", "note")],
      [num(1, "0", "input"), num(2, "0", "model"), text("n", "note")],
    ];
    const ranges = styledRanges({
      id: "b",
      sheet: "schedule",
      row: 4,
      col: 1,
      address: "B5:D7",
      cells,
    });
    expect(ranges).toEqual(
      expect.arrayContaining([
        { style: "header", address: "B5:C5" },
        { style: "input", address: "B6:B7" },
        { style: "model", address: "C6:C7" },
        { style: "note", address: "D6:D7" },
      ])
    );
    expect(ranges).toHaveLength(4);
  });

  it("read a moment on New York's clock as an Excel serial (45658 = 2025-01-01)", () => {
    // 23:00 UTC is 18:00 in New York in January (EST, UTC−5) and 19:00 in July (EDT, UTC−4).
    expect(exchangeSerialFromDate(new Date(Date.UTC(2025, 0, 1, 23, 0)))).toBe(45658.75);
    expect(exchangeSerialFromDate(new Date(Date.UTC(2025, 6, 1, 23, 0)))).toBeCloseTo(
      45839 + 19 / 24,
      9 // a serial near 45839 carries about 7e-12 of binary noise
    );
    // 03:30 UTC on 2 January is still 1 January in New York.
    expect(Math.floor(exchangeSerialFromDate(new Date(Date.UTC(2025, 0, 2, 3, 30))))).toBe(45658);
  });

  it("count days to a settlement on the exchange's clock, fractional on the last day", () => {
    expect(daysToSettlement(45658, SETTLEMENT.spx, 45658.5)).toBeCloseTo(1 / 6, 10); // noon to 4 pm
    expect(daysToSettlement(45658, SETTLEMENT.spx, 45658.75)).toBe(0); // after the close
    expect(daysToSettlement(45660, SETTLEMENT.vix, 45658.375)).toBeCloseTo(2 + 0.5 / 24, 10);
  });
});
