/**
 * Reading and creating the `ALVH_Positions` table, shared by the book (src/hosts/excel/book.ts) and
 * the schedule writer so both read the trader's table the same way and create it in one place. The one sync made here also carries whatever the caller queued
 * before (the writer's chart loads), so reading the table costs no round trip of its own.
 */
import { AlvhError } from "../../core";
import { columnLetters, parseCellAddress } from "../a1";
import type { PlanTable } from "../plan";
import { officeFormats, officeInputs } from "./cells";

export interface TableRead {
  header: unknown[];
  rows: unknown[][];
  /** Sheet row number (1-based) of the first data row. */
  firstRow: number;
  /** The data body's sheet-qualified address, e.g. "Data!B4:D9000". */
  address: string;
  sheet: string;
  protected: boolean;
}

/** Reads a table known to exist (after the sync that resolved it), in one sync. */
export async function readTable(
  context: Excel.RequestContext,
  table: Excel.Table
): Promise<TableRead> {
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("values,rowIndex,address");
  const sheet = table.worksheet;
  sheet.load("name,protection/protected");
  await context.sync();
  return {
    header: header.values[0],
    rows: body.values,
    firstRow: body.rowIndex + 1,
    address: body.address,
    sheet: sheet.name,
    protected: sheet.protection.protected,
  };
}

/** A protected sheet refuses every write; say so before writing anything. */
export function requireUnprotected(sheet: string, isProtected: boolean, action: string): void {
  if (isProtected) {
    throw new AlvhError(
      "sheet",
      `The sheet "${sheet}" is protected: unprotect it (Review › Unprotect Sheet) and ${action} again`
    );
  }
}

/**
 * Creates the positions table on `sheet`: its header row and data rows at `topLeft`, formats
 * first (a text cell must already be "@" when its text arrives). Queued; the caller syncs.
 */
export function addPositionsTable(
  sheet: Excel.Worksheet,
  table: Pick<PlanTable, "name" | "topLeft" | "columns" | "rows">
): void {
  const origin = parseCellAddress(table.topLeft);
  if (!origin) throw new Error(`bad table origin ${table.topLeft}`);
  const header = table.columns.map((c) => ({ kind: "text" as const, text: c }));
  const cells = [header, ...table.rows];
  const last = `${columnLetters(origin.col + table.columns.length - 1)}${origin.row + cells.length}`;
  const address = `${table.topLeft}:${last}`;
  const range = sheet.getRange(address);
  range.numberFormat = officeFormats(cells);
  range.formulas = officeInputs(cells);
  sheet.tables.add(address, true).name = table.name;
}
