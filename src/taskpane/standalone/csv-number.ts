/**
 * Numbers in an imported CSV file, read without guessing. A decimal comma is read only where the
 * separator makes it unambiguous (`;` or tab files); in a `,` file a comma inside a number could be
 * a decimal or a thousands separator, so it is refused. Thousands separators, hex (0x10), binary
 * (0b1) and octal (0o7) are refused too, with the column and the text named: a wrong guess would
 * put a wrong strike into the book without a word.
 */
import { AlvhError } from "../../core";

/** The CSV columns read as numbers (dates are ISO text, labels and notes are text). */
export const NUMBER_COLUMNS = [
  "Long put",
  "Short put",
  "Short call",
  "Long call",
  "Credit",
  "Contracts",
  "Implied vol",
] as const;

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number a CSV field holds ("" stays "" so the book reports a missing value); `decimalComma`
 * says whether "16,5" means 16.5. A trailing % divides by 100.
 */
export function csvNumber(column: string, field: string, decimalComma: boolean): number | "" {
  const text = field.trim();
  if (text === "") return "";
  const refuse = (why: string) =>
    new AlvhError(column, `${column} "${text}" ${why}: write a plain number such as 5800 or 16.5`);
  if (/^[+-]?0[xXbBoO]/.test(text)) throw refuse("is not read (hex, binary and octal are refused)");
  const percent = text.endsWith("%");
  let body = percent ? text.slice(0, -1).trim() : text;
  if (body.includes(",")) {
    if (!decimalComma) {
      throw refuse(
        "has a comma, which could be a decimal or a thousands separator (thousands separators are refused)"
      );
    }
    if (body.includes(".") || !/^[+-]?\d*,\d+$/.test(body)) {
      throw refuse("mixes a decimal comma with points (thousands separators are refused)");
    }
    body = body.replace(",", ".");
  } else if (decimalComma && /^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(body)) {
    // In a ;-file "1.500" may be a thousands separator as well as a decimal point.
    throw refuse("could be 1.5 or 1500 (thousands separators are refused)");
  }
  if (!PLAIN.test(body)) throw refuse("is not a number");
  const value = Number(body);
  return percent ? value / 100 : value;
}
