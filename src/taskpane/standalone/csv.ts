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
import { AlvhError } from "../../core/errors";
import type { PositionListing, PositionProblem } from "../../workbook/book";
import type { Position } from "../../workbook/model";
import { parsePositionRows, POSITION_COLUMNS } from "../../workbook/positions";
import { isoFromSerial } from "../../core";
import { csvNumber, NUMBER_COLUMNS } from "./csv-number";

export type Separator = "," | ";" | "\t";

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

/** The separator of the header line: the one of `,` `;` tab that splits it into the most fields. */
export function detectSeparator(text: string): Separator {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/, 1)[0] ?? "";
  const count = (sep: string) => header.split(sep).length;
  const candidates: Separator[] = [",", ";", "\t"];
  return candidates.reduce((best, sep) => (count(sep) > count(best) ? sep : best), ",");
}

/**
 * Splits CSV text into rows of fields (quoted fields may hold separators, quotes and line breaks).
 * A quote that never closes is reported with the row it opens on.
 */
export function parseCsv(text: string, separator: Separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let quoteRow = 0;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      quoteRow = rows.length + 1;
    } else if (ch === separator) {
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
  if (quoted) {
    throw new AlvhError(
      "file",
      `row ${quoteRow}: a quote opens a field that never closes, so the rest of the file cannot be read: close the quote (write "" for a quote inside a field) and import again`
    );
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Positions in a CSV file, and the rows that could not be read (row 1 is the header). */
export function bookFromCsv(text: string): PositionListing {
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
  const problems: PositionProblem[] = [];
  const readable: { row: unknown[]; number: number }[] = [];
  rows.forEach((fields, i) => {
    const number = i + 2;
    try {
      readable.push({
        number,
        row: fields.map((f, c) =>
          numeric.has(c) ? csvNumber(header[c].trim(), f, separator !== ",") : unguardText(f)
        ),
      });
    } catch (error) {
      if (!(error instanceof AlvhError)) throw error;
      problems.push({ row: number, message: `row ${number}: ${error.message}` });
    }
  });
  // Rows are parsed one by one so each keeps its own number when an earlier one was refused.
  const positions: Position[] = [];
  const seen = new Map<string, number>();
  for (const { row, number } of readable) {
    const one = parsePositionRows([row], header, number);
    problems.push(...one.problems);
    for (const position of one.positions) {
      const first = seen.get(position.label.toLowerCase());
      if (first !== undefined) {
        problems.push({
          row: number,
          message: `row ${number}: label "${position.label}" is already used in row ${first}; this row is skipped`,
        });
        continue;
      }
      seen.set(position.label.toLowerCase(), number);
      positions.push(position);
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { positions, problems };
}
