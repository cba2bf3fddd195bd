/**
 * Reading the `ALVH_Positions` table, shared by the book and the schedule writer so both read the
 * trader's table the same way. The one sync made here also carries whatever the caller queued
 * before (the writer's chart loads), so reading the table costs no round trip of its own.
 */
import { AlvhError } from "../../core";

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
