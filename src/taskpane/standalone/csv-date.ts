/**
 * Dates in an imported CSV file: ISO text (what ALVH exports) or the locale's short date, read in
 * the locale's own order (2/19/2027 in en-US, 19.02.2027 in de-DE), never guessed from the digits.
 */
import { AlvhError, isoFromSerial, serialFromIso, serialFromYmd } from "../../core";

/** The order of day, month and year in the locale's short date, e.g. ["month", "day", "year"]. */
export function dateOrder(locale: string): string[] {
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(new Date(Date.UTC(2027, 1, 19)))
    .filter((p) => p.type === "day" || p.type === "month" || p.type === "year")
    .map((p) => p.type);
}

/** The field as ISO text when it is a date in the locale's order; anything else is left as is. */
export function csvDate(column: string, field: string, locale: string): string {
  const text = field.trim();
  if (text === "" || serialFromIso(text) !== undefined) return field;
  const parts = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})\.?$/.exec(text);
  if (!parts) return field;
  const order = dateOrder(locale);
  const value = (type: string) => Number(parts[order.indexOf(type) + 1]);
  const year = value("year");
  const iso = year >= 1900 ? isoFromSerialSafe(year, value("month"), value("day")) : undefined;
  if (iso === undefined) {
    throw new AlvhError(
      column,
      `${column} "${text}" is not a date in this browser's order (${order.join("/")}): write 2027-02-19`
    );
  }
  return iso;
}

function isoFromSerialSafe(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const iso = isoFromSerial(serialFromYmd(year, month, day));
  // serialFromYmd rolls 2/30 over into March: only a date that reads back the same is one.
  return iso === `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
    ? iso
    : undefined;
}
