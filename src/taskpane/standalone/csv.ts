/**
 * The book as CSV (RFC 4180), for moving it between browsers or into a spreadsheet. Columns are
 * the positions table's; dates are ISO text.
 *
 * Export: every field holding a separator a spreadsheet might split on (`,` `;` tab), a quote or a
 * line break is quoted, and text that starts with = + - @ (or a tab or carriage return) gets a
 * leading apostrophe (OWASP CSV injection), so a spreadsheet in any locale shows it as text. Text
 * that already starts with an apostrophe gets one more, and import removes exactly one, so every
 * label comes back exactly.
 *
 * Import: the separator (`,` `;` or tab) is read from the header line; numbers are read strictly
 * (./csv-number.ts). A file that cannot be read at all (empty, a missing column, a quote that never
 * closes) is an AlvhError naming the row; a bad row is reported by its row number and skipped.
 */
import { AlvhError } from "../../core";
import type { PositionListing, PositionProblem } from "../../workbook/positions-table";
import type { Position } from "../../workbook/model";
import { parsePositionRows, POSITION_COLUMNS } from "../../workbook/positions-table";
import { isoFromSerial } from "../../core";
import { csvNumber, NUMBER_COLUMNS } from "./csv-number";
import { csvDate } from "./csv-date";
import { detectSeparator, parseCsv } from "../../workbook/csv";

/** The CSV columns read as dates: ISO text, or the locale's short date. */
const DATE_COLUMNS = ["Expiry", "Entry date"];

const RISKY_START = /^[=+\-@\t\r']/;

function guardText(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

function unguardText(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

function quote(field: string): string {
  return /[",;\t\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
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

/** Positions in a CSV file, and the rows that could not be read (row 1 is the header). */
export function bookFromCsv(
  text: string,
  locale: string = Intl.DateTimeFormat().resolvedOptions().locale
): PositionListing {
  const separator = detectSeparator(text);
  const [header = [], ...rows] = parseCsv(text, separator);
  if (header.every((h) => h.trim() === "")) {
    throw new AlvhError("file", "the file is empty: export a book from ALVH to see the layout");
  }
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = POSITION_COLUMNS.filter((c) => !names.includes(c.toLowerCase()));
  if (missing.length) {
    throw new AlvhError(
      "file",
      `the file has no ${missing.map((c) => `"${c}"`).join(", ")} column${missing.length > 1 ? "s" : ""}: its header must name ${POSITION_COLUMNS.join(", ")}`
    );
  }
  const numeric = new Set(
    names.flatMap((n, i) => (NUMBER_COLUMNS.some((c) => c.toLowerCase() === n) ? [i] : []))
  );
  const dates = new Set(
    names.flatMap((n, i) => (DATE_COLUMNS.some((c) => c.toLowerCase() === n) ? [i] : []))
  );
  const problems: PositionProblem[] = [];
  // A row whose numbers do not read is reported here and left blank for the table's parser,
  // which skips blank rows: every other row keeps its own number.
  const readable = rows.map((fields, i): unknown[] => {
    const number = i + 2;
    try {
      return fields.map((f, c) =>
        numeric.has(c)
          ? csvNumber(header[c].trim(), f, separator !== ",")
          : dates.has(c)
            ? csvDate(header[c].trim(), f, locale)
            : unguardText(f)
      );
    } catch (error) {
      if (!(error instanceof AlvhError)) throw error;
      problems.push({ row: number, message: `row ${number}: ${error.message}` });
      return [];
    }
  });
  const { positions, problems: invalid } = parsePositionRows(readable, header, 2);
  problems.push(...invalid);
  problems.sort((a, b) => a.row - b.row);
  return { positions, problems };
}
