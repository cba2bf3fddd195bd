/**
 * The .xlsx renderer, read back from the package's XML (not through exceljs, which wrote it):
 * every cell of the plan is in the file with its type, number format and, for formulas, the file
 * form of the formula and the engine's value as the cached result.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cellAddress, parseCellAddress } from "../../../src/workbook/a1";
import {
  OWNER_NAME,
  POSITIONS_TABLE,
  TEXT_FORMAT,
  type WorkbookPlan,
} from "../../../src/workbook/plan";
import { renderXlsx } from "../../../src/workbook/xlsx";
import { fileFormula } from "../../../src/workbook/xlsx/formula";
import { SCENARIOS } from "../helpers";
import { readXlsx, sheetNamed, type ReadBook } from "./read";
import { planOf, sameValue } from "./support";

const cases = [SCENARIOS[0], SCENARIOS[1]].map((s) => ({ name: s.name, plan: planOf(s) }));
const books = new Map<string, ReadBook>();

beforeAll(async () => {
  for (const c of cases) books.set(c.name, await readXlsx(await renderXlsx(c.plan)));
});

function sheetName(plan: WorkbookPlan, key: string): string {
  const found = plan.sheets.find((s) => s.key === key);
  if (!found) throw new Error(`no sheet ${key}`);
  return found.name;
}

describe.each(cases)("renderXlsx: $name", ({ name, plan }) => {
  it("writes the plan's sheets in the plan's order, recalculated in full on load", () => {
    const book = books.get(name)!;
    expect(book.sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    expect(book.calcPr.fullCalcOnLoad).toBe("1");
  });

  it("writes every cell with its type and number format, formulas with the engine's value", () => {
    const book = books.get(name)!;
    const problems: string[] = [];
    let formulas = 0;
    // Blocks of =ALVH.* formulas are written only where the add-in is (not into a file).
    for (const block of plan.blocks.filter((b) => !b.addinOnly)) {
      const sheet = sheetNamed(book, sheetName(plan, block.sheet));
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const address = cellAddress(block.row + r, block.col + c);
          const got = sheet.cells.get(address);
          if (cell.kind === "empty") {
            if (got?.value !== undefined && got?.value !== null)
              problems.push(`${address} not empty`);
            return;
          }
          if (!got) return void problems.push(`${address} missing`);
          if (cell.kind === "text") {
            if (got.type !== "s" || got.value !== cell.text || got.format !== TEXT_FORMAT)
              problems.push(`${address} text ${JSON.stringify(got)}`);
          } else if (cell.kind === "number") {
            if (got.type !== "n" || got.value !== cell.value || got.format !== cell.format)
              problems.push(`${address} number ${JSON.stringify(got)}`);
          } else {
            formulas++;
            if (
              got.formula !== fileFormula(cell.formula) ||
              !sameValue(got, cell.expected) ||
              got.format !== cell.format
            )
              problems.push(`${address} formula ${JSON.stringify(got)} vs ${cell.formula}`);
          }
        })
      );
    }
    expect(problems).toEqual([]);
    expect(formulas).toBeGreaterThan(60);
  });

  it("writes the positions table over typed, formatted cells", () => {
    const sheet = sheetNamed(books.get(name)!, sheetName(plan, plan.table.sheet));
    const origin = parseCellAddress(plan.table.topLeft)!;
    expect(sheet.tables).toEqual([
      {
        name: POSITIONS_TABLE,
        ref: `${plan.table.topLeft}:${cellAddress(origin.row + plan.table.rows.length, origin.col + plan.table.columns.length - 1)}`,
        columns: [...plan.table.columns],
      },
    ]);
    plan.table.columns.forEach((column, c) =>
      expect(sheet.cells.get(cellAddress(origin.row, origin.col + c))?.value).toBe(column)
    );
    plan.table.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const got = sheet.cells.get(cellAddress(origin.row + 1 + r, origin.col + c));
        if (cell.kind === "text")
          expect(got).toMatchObject({ type: "s", value: cell.text, format: "@" });
        if (cell.kind === "number")
          expect(got).toMatchObject({ type: "n", value: cell.value, format: cell.format });
        if (cell.kind === "empty") expect(got?.value ?? null).toBeNull();
      })
    );
  });

  it("defines every name with its comment, the ownership marker hidden", () => {
    const book = books.get(name)!;
    const expected = [...plan.names, plan.ownerMarker].map((n) => ({
      name: n.name,
      reference: `'${sheetName(plan, n.sheet)}'!${n.address}`,
      hidden: n.name === OWNER_NAME,
      comment: n.comment,
    }));
    // Excel's built-in print names (_xlnm.Print_Area, ...) are checked in charts.test.ts.
    expect(book.names.filter((n) => !n.name.startsWith("_xlnm."))).toEqual(expected);
  });

  it("writes the active-layer highlight and the settings as a custom property", () => {
    const book = books.get(name)!;
    for (const cf of plan.conditionalFormats) {
      expect(sheetNamed(book, sheetName(plan, cf.sheet)).conditionalFormats).toContainEqual({
        sqref: cf.address,
        formulas: [fileFormula(cf.formula)],
      });
    }
    for (const setting of plan.documentSettings) {
      expect(JSON.parse(book.customProperties[setting.key])).toEqual(setting.value);
    }
  });
});
