/**
 * The book as CSV (RFC 4180), for moving it between browsers or into a spreadsheet. Columns are
 * the positions table's; dates are ISO text. Imports go through the table's own parser, so a bad
 * row is reported by its line number and skipped, like a bad row of the Excel table.
 *
 * Text that starts with = + - @ (or a tab or carriage return) is written with a leading
 * apostrophe, so a spreadsheet that opens the file shows it as text instead of running it as a
 * formula; the apostrophe is removed again on import.
 */
import type { PositionListing } from "../../workbook/book";
import type { Position } from "../../workbook/model";
import { parsePositionRows, POSITION_COLUMNS } from "../../workbook/positions-table";
import { isoFromSerial } from "../../core";

const RISKY_START = /^[=+\-@\t\r]/;

function guardText(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

function unguardText(text: string): string {
  return text.startsWith("'") && RISKY_START.test(text.slice(1)) ? text.slice(1) : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function bookToCsv(positions: readonly Position[]): string {
  const lines = [POSITION_COLUMNS.map(quote).join(",")];
  for (const p of positions) {
    const fields = [
      guardText(p.label),
      isoFromSerial(p.expiry),
      String(p.longPut),
      String(p.shortPut),
      String(p.shortCall),
      String(p.longCall),
      String(p.credit),
      String(p.contracts),
      p.entryDate === null ? "" : isoFromSerial(p.entryDate),
      String(p.impliedVol),
      guardText(p.notes),
    ];
    lines.push(fields.map(quote).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** Splits CSV text into rows of fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Positions in a CSV file, and the lines that could not be read (line 1 is the header). */
export function bookFromCsv(text: string): PositionListing {
  const [header = [], ...rows] = parseCsv(text);
  return parsePositionRows(
    rows.map((row) => row.map(unguardText)),
    header,
    2
  );
}
