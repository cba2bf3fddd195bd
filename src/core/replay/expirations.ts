import { isBusinessDay, nthWeekday, ymdFromSerial } from "../calendar";

/**
 * SPEC §6: the monthly SPX expiration of a month, its third Friday, or the business day before it
 * when that Friday is an exchange holiday (§3.6's holidays: Good Friday can be a third Friday).
 */
export function monthlyExpiration(year: number, month: number): number {
  let expiry = nthWeekday(year, month, 5, 3);
  while (!isBusinessDay(expiry)) expiry--;
  return expiry;
}

/** The monthly expirations of every month from the first date's to the last date's, in order. */
export function monthlyExpirations(firstDate: number, lastDate: number): number[] {
  const out: number[] = [];
  let { year, month } = ymdFromSerial(firstDate);
  const last = ymdFromSerial(lastDate);
  while (year < last.year || (year === last.year && month <= last.month)) {
    out.push(monthlyExpiration(year, month));
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return out;
}
