/**
 * The position book kept in the workbook: the `ALVH_Positions` table on sheet "ALVH Positions".
 * The table is the single source of truth; rows are matched by label (case-insensitive) and
 * columns by header, so a table the trader reordered or extended still works, and a bad row is
 * reported by its sheet row number without being rewritten.
 */
import { AlvhError } from "../../core";
import type { Position } from "../../workbook/model";
import { officeFormat, officeInput } from "../../workbook/excel/cells";
import type { PlanCell } from "../../workbook/plan";
import { POSITIONS_SHEET, POSITIONS_TABLE } from "../../workbook/plan";
import { validatePosition } from "../../workbook/position";
import {
  parsePositionRows,
  POSITION_COLUMNS,
  positionCells,
  type PositionListing,
} from "../../workbook/positions-table";
import { nextFreeSheetName } from "../../workbook/sheets";
import {
  addPositionsTable,
  readTable,
  requireUnprotected,
  type TableRead,
} from "../../workbook/excel/table";
import type { HostBook, SelectedRow } from "../host";
import type { ExcelRun } from "./office";

const sameLabel = (a: unknown, b: string): boolean =>
  typeof a === "string" || typeof a === "number"
    ? String(a).trim().toLowerCase() === b.trim().toLowerCase()
    : false;

export class OfficePositionBook implements HostBook {
  constructor(private readonly run: ExcelRun) {}

  list(): Promise<PositionListing> {
    return this.run(async (context) => {
      const read = await readBook(context);
      return read
        ? parsePositionRows(read.rows, read.header, read.firstRow)
        : { positions: [], problems: [] };
    });
  }

  save(input: Position): Promise<void> {
    const position = validatePosition(input);
    return this.run(async (context) => {
      const read = await readBook(context);
      if (!read) {
        await createTable(context, position);
        return;
      }
      requireUnprotected(read.sheet, read.protected, "save the position");
      const table = context.workbook.tables.getItem(POSITIONS_TABLE);
      const body = table.getDataBodyRange();
      const labelAt = labelColumn(read.header);
      const found = read.rows.findIndex((row) => sameLabel(row[labelAt], position.label));
      const onlyBlankRow =
        read.rows.length === 1 && read.rows[0].every((v) => v === "" || v === null);
      const { formats, inputs } = inHeaderOrder(read.header, positionCells(position));
      let target: Excel.Range;
      if (found >= 0 || onlyBlankRow) {
        target = body.getRow(Math.max(found, 0));
      } else {
        // Add a blank row first so its text cells can be formatted "@" before any text arrives.
        table.rows.add(undefined, [read.header.map(() => "")]);
        target = table.getDataBodyRange().getLastRow();
      }
      // Office.js types omit the null a 2-D update array may hold to leave a cell unchanged.
      target.numberFormat = formats as string[][];
      target.formulas = inputs as (string | number)[][];
      await context.sync();
    });
  }

  remove(label: string): Promise<void> {
    return this.run(async (context) => {
      const read = await readBook(context);
      const found = read
        ? read.rows.findIndex((row) => sameLabel(row[labelColumn(read.header)], label))
        : -1;
      if (!read || found < 0)
        throw new AlvhError(
          "label",
          `no position labelled "${label}" in the book: nothing was removed`
        );
      requireUnprotected(read.sheet, read.protected, "delete the position");
      context.workbook.tables.getItem(POSITIONS_TABLE).rows.getItemAt(found).delete();
      await context.sync();
    });
  }

  /**
   * The position on the row the trader selected in the table, or the problem that row has;
   * null when the selection is not on a data row of the table.
   */
  selected(): Promise<SelectedRow> {
    return this.run(async (context) => {
      // The selection is always on the active sheet.
      const selection = context.workbook.getSelectedRange();
      selection.load("rowIndex");
      const selectionSheet = context.workbook.worksheets.getActiveWorksheet();
      selectionSheet.load("name");
      await context.sync();
      const read = await readBook(context);
      if (!read || selectionSheet.name.toLowerCase() !== read.sheet.toLowerCase()) return null;
      const index = selection.rowIndex + 1 - read.firstRow;
      if (index < 0 || index >= read.rows.length) return null;
      const { positions, problems } = parsePositionRows(
        [read.rows[index]],
        read.header,
        read.firstRow + index
      );
      if (positions.length) return { position: positions[0] };
      return problems.length ? { problem: problems[0] } : null;
    });
  }
}

/** Reads the table in two syncs (existence, then header and body); null when there is no table. */
async function readBook(context: Excel.RequestContext): Promise<TableRead | null> {
  const probe = context.workbook.tables.getItemOrNullObject(POSITIONS_TABLE);
  probe.load("name");
  await context.sync();
  return probe.isNullObject ? null : readTable(context, probe);
}

function labelColumn(header: readonly unknown[]): number {
  const at = header.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === "label");
  if (at < 0) throw new AlvhError("table", `the positions table has no "Label" column: restore it`);
  return at;
}

/**
 * The position's cells placed under the table's own headers. Columns the trader added get null,
 * which Office.js skips in an update, so their values, formulas and formats stay as they are.
 */
function inHeaderOrder(
  header: readonly unknown[],
  cells: PlanCell[]
): { formats: (string | null)[][]; inputs: (string | number | null)[][] } {
  const ours = new Map<string, PlanCell>(
    POSITION_COLUMNS.map((c, i) => [c.toLowerCase(), cells[i]])
  );
  const placed = header.map((h) =>
    typeof h === "string" ? (ours.get(h.trim().toLowerCase()) ?? null) : null
  );
  return {
    formats: [placed.map((cell) => (cell ? officeFormat(cell) : null))],
    inputs: [placed.map((cell) => (cell ? officeInput(cell) : null))],
  };
}

async function createTable(context: Excel.RequestContext, position: Position): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = nextFreeSheetName(
    POSITIONS_SHEET,
    sheets.items.map((s) => s.name)
  );
  addPositionsTable(sheets.add(name), {
    name: POSITIONS_TABLE,
    topLeft: "A1",
    columns: POSITION_COLUMNS,
    rows: [positionCells(position)],
  });
  await context.sync();
}

/**
 * Calls `onChange` whenever the trader moves the selection (Workbook.onSelectionChanged,
 * ExcelApi 1.2), so the pane can load the selected table row into the form.
 */
export async function watchSelection(run: ExcelRun, onChange: () => void): Promise<void> {
  await run(async (context) => {
    context.workbook.onSelectionChanged.add(async () => onChange());
    await context.sync();
  });
}
