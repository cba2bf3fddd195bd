/**
 * Column widths and print setup of the schedule sheet: every value fits its column (no "###" in
 * Excel or LibreOffice) and the sheet prints landscape, one page wide, titles repeated.
 */
import { describe, expect, it } from "vitest";
import { columnLetters, parseCellAddress } from "../../src/workbook/a1";
import { displayedNumber, fitColumnWidths, printSetup } from "../../src/workbook/page";
import type { PlanBlock } from "../../src/workbook/plan";
import { makePosition } from "./helpers";
import { bookPlan } from "./xlsx/support";

describe("displayedNumber", () => {
  it("shows numbers as the plan's formats do", () => {
    expect(displayedNumber(1234.5, "$#,##0.00")).toBe("$1,234.50");
    expect(displayedNumber(-7530, "$#,##0.00")).toBe("-$7,530.00");
    expect(displayedNumber(0.25, "0%")).toBe("25%");
    expect(displayedNumber(0.16, "0.0%")).toBe("16.0%");
    expect(displayedNumber(5712.5, "#,##0.00")).toBe("5,712.50");
    expect(displayedNumber(45707.4375, "yyyy-mm-dd hh:mm")).toBe("yyyy-mm-dd hh:mm");
    expect(displayedNumber(1.134, "General")).toBe("1.134");
  });
});

describe("fitColumnWidths", () => {
  const block = (cells: PlanBlock["cells"]): PlanBlock => ({
    id: "b",
    sheet: "schedule",
    row: 0,
    col: 0,
    address: "A1",
    cells,
  });

  it("widens a column to its widest number and to text cut by a filled neighbour", () => {
    const widths = fitColumnWidths(
      [10, 10, 10],
      [
        block([
          [
            { kind: "text", text: "A label longer than ten" },
            { kind: "number", value: 45707.4375, format: "yyyy-mm-dd hh:mm" },
            { kind: "text", text: "a note that spills into empty cells to its right" },
          ],
        ]),
      ]
    );
    expect(widths[0]).toBeGreaterThanOrEqual("A label longer than ten".length);
    expect(widths[1]).toBeGreaterThanOrEqual("2025-02-19 10:30".length + 1);
    expect(widths[2]).toBe(10);
  });

  it("gives every value of a written schedule room, the timestamp among them", () => {
    const plan = bookPlan([makePosition("A"), makePosition("B", { contracts: 2500 })]);
    const sheet = plan.sheets.find((s) => s.key === "schedule")!;
    const stamp = plan.names.find((n) => n.name === "ALVH_ComputedAt")!;
    const col = stamp.address.replace(/[$\d]/g, "");
    const index = sheet.columnWidths.findIndex((_, i) => columnLetters(i) === col);
    expect(sheet.columnWidths[index]).toBeGreaterThanOrEqual("2025-02-19 10:30".length + 1);
    expect(fitColumnWidths(sheet.columnWidths, plan.blocks)).toEqual(sheet.columnWidths);
  });
});

describe("printSetup", () => {
  it("prints the schedule landscape, one page wide, over its blocks and charts, not the chart data", () => {
    const plan = bookPlan([makePosition("A")]);
    const schedule = plan.sheets.find((s) => s.key === "schedule")!;
    // The chart data starts at the first of its blocks; nothing from there on is printed.
    const dataCol = Math.min(
      ...plan.blocks.filter((b) => b.id.endsWith("-data")).map((b) => b.col)
    );
    expect(schedule.pageSetup).toEqual(printSetup(plan.blocks, plan.charts, dataCol, 7));
    expect(schedule.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPagesWide: 1,
      printTitleRows: "1:7",
    });
    const positions = plan.blocks.find((b) => b.id === "positions")!;
    const lastRow = positions.row + positions.cells.length;
    const [, lastCol] = /^A1:([A-Z]+)\d+$/.exec(schedule.pageSetup!.printArea!)!;
    expect(schedule.pageSetup!.printArea).toBe(`A1:${lastCol}${lastRow}`);
    // Every block the schedule shows is inside the print area, and no chart data is.
    const printedCols = parseCellAddress(`${lastCol}1`)!.col;
    for (const block of plan.blocks.filter((b) => b.sheet === "schedule")) {
      const end = parseCellAddress(block.address.split(":").pop()!)!.col;
      // The Scenarios grids are the sheet's, however far right they would reach: all printed.
      if (block.id.startsWith("scenarios") && !block.addinOnly)
        expect(end, block.id).toBeLessThanOrEqual(printedCols);
      else if (block.col >= dataCol) expect(block.col, block.id).toBeGreaterThan(printedCols);
      else if (!block.addinOnly) expect(end, block.id).toBeLessThanOrEqual(printedCols);
    }
  });

  it("leaves the print area of the positions sheet open, since the book grows", () => {
    const plan = bookPlan([makePosition("A")]);
    const positions = plan.sheets.find((s) => s.key === "positions")!;
    expect(positions.pageSetup?.printArea).toBeUndefined();
    expect(positions.pageSetup?.printTitleRows).toBe("1:1");
  });
});
