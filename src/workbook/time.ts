/**
 * The moment model figures are computed at, in exchange time: SPX and VIX options settle on New
 * York's clock, so a trader in London at 20:00 has two hours left on a 0-DTE condor, not four.
 */

const EXCHANGE_TIME_ZONE = "America/New_York";

/** Fractions of a day, exchange time, at which the options stop trading and settle. */
export const SETTLEMENT = {
  /** SPX PM-settled options (SPXW): the 4:00 pm close. */
  spx: 16 / 24,
  /** VIX options and futures: the special opening quotation at 9:30 am. */
  vix: 9.5 / 24,
} as const;

/** Excel serial date-time (1900 system, fractional days) of a moment, on New York's clock. */
export function exchangeSerialFromDate(date: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: EXCHANGE_TIME_ZONE,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(date)
      .map((part) => [part.type, Number(part.value)])
  );
  const ms = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    date.getUTCMilliseconds()
  );
  return ms / 86_400_000 + 25569;
}

/**
 * Calendar days (fractional) from a moment to an expiry date's settlement, both on New York's
 * clock; 0 once it has passed. Wall-clock days, as T = dte/365 counts them: across a change of
 * daylight saving time the hour gained or lost is not counted.
 */
export function daysToSettlement(expiry: number, settlement: number, at: number): number {
  return Math.max(0, expiry + settlement - at);
}
