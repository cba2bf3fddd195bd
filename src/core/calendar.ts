import { AlvhError, isAlvhError } from "./errors";
import { requireFinite } from "./validate";

/**
 * SPEC §3.6: exchange holidays, business days and VIX expiries, on Excel 1900-system serials.
 * Serial 61 is 1900-03-01; below it Excel counts a 29 February 1900 that never was, so the
 * calendar starts there.
 */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
// Days from the Unix epoch to Excel's day 0 as counted from 1900-03-01 on (1899-12-30).
const EPOCH_OFFSET = 25_569;
const FIRST_SERIAL = 61;
const LAST_SERIAL = 2_958_465; // 9999-12-31, Excel's last date

/**
 * Closures no rule predicts (storms, national days of mourning), from NYSE/Cboe notices. This
 * table is complete up to its last entry, 2025-01-09, and no further: a closure announced later
 * is added by the trader (the `closures` setting, passed here as extra closures), not guessed.
 */
export const UNSCHEDULED_CLOSURES_THROUGH = "2025-01-09";
const UNSCHEDULED_CLOSURES: ReadonlySet<string> = new Set([
  "1994-04-27", // President Nixon
  "2001-09-11",
  "2001-09-12",
  "2001-09-13",
  "2001-09-14", // September 11
  "2004-06-11", // President Reagan
  "2007-01-02", // President Ford
  "2012-10-29",
  "2012-10-30", // Hurricane Sandy
  "2018-12-05", // President G. H. W. Bush
  "2025-01-09", // President Carter
]);

export function serialFromYmd(year: number, month: number, day: number): number {
  for (const [name, value] of [
    ["year", year],
    ["month", month],
    ["day", day],
  ] as const) {
    if (!Number.isInteger(value))
      throw new AlvhError(name, `${name} must be a whole number (got ${value})`);
  }
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (year < 1900 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new AlvhError("date", `${year}-${month}-${day} is not a date between 1900 and 9999`);
  }
  return requireExcelDate("date", Math.round(ms / MS_PER_DAY) + EPOCH_OFFSET);
}

export function ymdFromSerial(serial: number): Ymd {
  const date = new Date((Math.floor(requireExcelDate("date", serial)) - EPOCH_OFFSET) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(serial: number): number {
  return weekdayOf(Math.floor(requireExcelDate("date", serial)));
}

// Unchecked day arithmetic for the calendar's own rules: a rule may pass outside Excel's date
// range (New Year's Day 1900; the Friday in January 10000 that December 9999's VIX expiry is
// counted from) while computing a date inside it. Public functions check what comes in and out.
function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY) + EPOCH_OFFSET;
}

function utcDateOf(day: number): Date {
  return new Date((day - EPOCH_OFFSET) * MS_PER_DAY);
}

function weekdayOf(day: number): number {
  return utcDateOf(day).getUTCDay();
}

/** Closures beyond the rules and the table: the trader's, as whole-day serials. */
export type Closures = ReadonlySet<number>;

const NO_CLOSURES: Closures = new Set();

/** A closure no rule predicts: the table's, or one the trader added. */
function unscheduledOn(day: number, closures: Closures): boolean {
  return closures.has(day) || UNSCHEDULED_CLOSURES.has(utcDateOf(day).toISOString().slice(0, 10));
}

function scheduledHolidayOn(day: number): boolean {
  return holidaysOf(utcDateOf(day).getUTCFullYear()).has(day);
}

function holidayOn(day: number, closures: Closures): boolean {
  return scheduledHolidayOn(day) || unscheduledOn(day, closures);
}

function weekendOn(day: number): boolean {
  const weekdayNumber = weekdayOf(day);
  return weekdayNumber === 0 || weekdayNumber === 6;
}

function businessDay(day: number, closures: Closures): boolean {
  return !weekendOn(day) && !holidayOn(day, closures);
}

/** An exchange holiday: a rule-based one, a closure of the table, or one of `closures`. */
export function isExchangeHoliday(serial: number, closures: Closures = NO_CLOSURES): boolean {
  return holidayOn(Math.floor(requireExcelDate("date", serial)), closures);
}

export function isBusinessDay(serial: number, closures: Closures = NO_CLOSURES): boolean {
  return businessDay(Math.floor(requireExcelDate("date", serial)), closures);
}

/**
 * Expiry of the VIX contract month: the Wednesday 30 days before the third Friday of the next
 * month, counting from the business day before that Friday when it is a holiday; a holiday
 * Wednesday moves to the business day before it (SPEC §3.6: the holiday was known when the
 * contract was listed). An unscheduled closure on the Wednesday (one of the table, or one the
 * trader adds) moves it to the NEXT business day instead, as Cboe did when the exchanges closed
 * on 2018-12-05 for President G. H. W. Bush: contracts expiring that day settled on 2018-12-06.
 */
export function vixExpiryForMonth(
  year: number,
  month: number,
  closures: Closures = NO_CLOSURES
): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new AlvhError("month", `month must be a whole number from 1 to 12 (got ${month})`);
  }
  return requireExcelDate("date", expiryForMonth(year, month, closures));
}

/** Unchecked: December 9999's successor falls outside Excel's calendar. */
function expiryForMonth(year: number, month: number, closures: Closures): number {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  let friday = nthWeekday(next.year, next.month, 5, 3);
  if (weekendOn(friday) || scheduledHolidayOn(friday)) friday = scheduledBusinessDayBefore(friday);
  let expiry = friday - 30;
  if (scheduledHolidayOn(expiry)) expiry = scheduledBusinessDayBefore(expiry);
  while (!businessDay(expiry, closures)) expiry++;
  return expiry;
}

/** The n-th VIX expiry strictly after the date (n = 1: the first one after it). */
export function nextVixExpiry(
  serial: number,
  n: number = 1,
  closures: Closures = NO_CLOSURES
): number {
  const date = Math.floor(requireExcelDate("date", serial));
  if (!Number.isInteger(n) || n < 1 || n > 1200) {
    throw new AlvhError("n", `n must be a whole number from 1 to 1200 (got ${n})`, "num");
  }
  let { year, month } = ymdFromSerial(date);
  let found = 0;
  for (;;) {
    const expiry = expiryForMonth(year, month, closures);
    if (expiry > LAST_SERIAL) {
      const which = n === 1 ? "no VIX expiry" : `fewer than ${n} VIX expiries`;
      throw new AlvhError(
        "date",
        `${which} after ${isoFromSerial(date)} fall within Excel's calendar, which ends on 9999-12-31: enter an earlier date`,
        "num"
      );
    }
    if (expiry > date && ++found === n) return expiry;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

/** The business day before, by the rules alone: what a contract listed in advance counts on. */
function scheduledBusinessDayBefore(serial: number): number {
  let day = serial - 1;
  while (weekendOn(day) || scheduledHolidayOn(day)) day--;
  return day;
}

const ISO_TYPED = /^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * The trader's closures, typed as ISO dates separated by commas, semicolons or spaces
 * ("2026-03-02, 2026-03-03"). Each must be a weekday within Excel's calendar; a message names the
 * date as it was typed.
 */
export function parseClosures(text: string, name: string = "closures"): number[] {
  const days = new Set<number>();
  for (const typed of text.split(/[\s,;]+/).filter((part) => part !== "")) {
    const parts = ISO_TYPED.test(typed) ? typed.split("-").map(Number) : undefined;
    let day: number | undefined;
    if (parts) {
      try {
        day = serialFromYmd(parts[0], parts[1], parts[2]);
      } catch (error) {
        if (!isAlvhError(error)) throw error;
      }
    }
    if (day === undefined) {
      throw new AlvhError(
        name,
        `${name}: "${typed}" is not a date: enter closures as dates such as 2026-03-02, separated by commas`
      );
    }
    if (weekendOn(day)) {
      throw new AlvhError(
        name,
        `${name}: ${typed} is a ${weekdayOf(day) === 6 ? "Saturday" : "Sunday"}, when the exchange is closed anyway: enter the weekday it closed`
      );
    }
    days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

const holidayCache = new Map<number, ReadonlySet<number>>();

/** The year's rule-based holidays as observed; none is observed outside its own year. */
function holidaysOf(year: number): ReadonlySet<number> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Set<number>();
  const newYear = dayNumber(year, 1, 1);
  // New Year's Day on a Saturday is not moved back to Friday 31 December.
  if (weekdayOf(newYear) !== 6) days.add(observed(newYear));
  if (year >= 1998) days.add(nthWeekday(year, 1, 1, 3)); // Martin Luther King Jr. Day
  days.add(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  days.add(easterSunday(year) - 2); // Good Friday
  days.add(lastWeekday(year, 5, 1)); // Memorial Day
  if (year >= 2022) days.add(observed(dayNumber(year, 6, 19))); // Juneteenth
  days.add(observed(dayNumber(year, 7, 4)));
  days.add(nthWeekday(year, 9, 1, 1)); // Labor Day
  days.add(nthWeekday(year, 11, 4, 4)); // Thanksgiving
  days.add(observed(dayNumber(year, 12, 25)));
  holidayCache.set(year, days);
  return days;
}

function observed(serial: number): number {
  const day = weekdayOf(serial);
  return day === 6 ? serial - 1 : day === 0 ? serial + 1 : serial;
}

/** The n-th given weekday (0 = Sunday) of a month. */
/** Serial of the n-th `day` (0 Sunday … 6 Saturday) of a month: (…, 5, 3) is its third Friday. */
export function nthWeekday(year: number, month: number, day: number, n: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((day - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month: number, day: number): number {
  const last = (month === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, month + 1, 1)) - 1;
  return last - ((weekdayOf(last) - day + 7) % 7);
}

/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** "2025-03-21" for the day of an Excel serial (its time of day ignored). */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The serial of an ISO date "2025-03-21" (what a date input gives); undefined for other text. */
export function serialFromIso(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  try {
    return serialFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
  } catch (error) {
    if (isAlvhError(error)) return undefined;
    throw error;
  }
}

/** An Excel date serial within the calendar's range (1900-03-01 … 9999-12-31). */
export function requireExcelDate(name: string, serial: number): number {
  requireFinite(name, serial);
  if (serial < FIRST_SERIAL || serial >= LAST_SERIAL + 1) {
    throw new AlvhError(
      name,
      `${name} ${serial} is not an Excel date from 1900-03-01 (61) to 9999-12-31 (${LAST_SERIAL})`,
      "num"
    );
  }
  return serial;
}
