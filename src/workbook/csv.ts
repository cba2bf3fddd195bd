/**
 * CSV text split into rows of fields (RFC 4180: quoted fields may hold separators, doubled quotes
 * and line breaks), for both files the add-in reads: the book (src/taskpane/standalone/csv.ts) and
 * a daily history (history-csv.ts).
 */
import { AlvhError } from "../core";

export type Separator = "," | ";" | "\t";

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
  const source = text.replace(/^\uFEFF/, "");
  // Fields are cut out with slice (never built a character at a time), so 100,000 rows split fast.
  const stop = new RegExp(`[${separator === "\t" ? "\\t" : separator}\\r\\n]`, "g");
  let i = 0;
  while (i <= source.length) {
    let field: string;
    if (source[i] === '"') {
      const quoteRow = rows.length + 1;
      let end = i + 1;
      const parts: string[] = [];
      for (;;) {
        const close = source.indexOf('"', end);
        if (close < 0) {
          throw new AlvhError(
            "file",
            `row ${quoteRow}: a quote opens a field that never closes, so the rest of the file cannot be read: close the quote (write "" for a quote inside a field) and import again`
          );
        }
        parts.push(source.slice(end, close));
        if (source[close + 1] === '"') {
          parts.push('"');
          end = close + 2;
        } else {
          end = close + 1;
          break;
        }
      }
      // Text after the closing quote (not RFC 4180, but common) stays part of the field.
      stop.lastIndex = end;
      const next = stop.exec(source);
      const until = next ? next.index : source.length;
      field = parts.join("") + source.slice(end, until);
      i = until;
    } else {
      stop.lastIndex = i;
      const next = stop.exec(source);
      const until = next ? next.index : source.length;
      field = source.slice(i, until);
      i = until;
    }
    row.push(field);
    const ch = source[i];
    if (ch === separator) {
      i++;
      continue;
    }
    // A line break or the end of the text ends the row (a final line break adds no empty row).
    rows.push(row);
    row = [];
    if (ch === "\r" && source[i + 1] === "\n") i += 2;
    else i++;
    if (i >= source.length) break;
  }
  return rows.length === 1 && rows[0].length === 1 && rows[0][0] === "" ? [] : rows;
}
