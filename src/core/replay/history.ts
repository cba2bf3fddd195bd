import { isoFromSerial, requireExcelDate } from "../calendar";
import { requireVix } from "../edr";
import { AlvhError } from "../errors";

/** SPEC §6 input: one row per trading day, oldest first: an Excel date serial, SPX and VIX closes. */
export interface ReplayHistory {
  readonly dates: readonly number[];
  readonly spx: readonly number[];
  readonly vix: readonly number[];
}

/**
 * The history as the replay needs it, or an AlvhError naming the first bad row (1-based, as the
 * trader counts data rows) and the argument it is in: equal lengths, whole-day Excel dates strictly
 * ascending, SPX above 0, VIX in points (a value below 1 is a decimal typed by mistake).
 */
export function validateHistory(history: ReplayHistory): ReplayHistory {
  const { dates, spx, vix } = history;
  if (spx.length !== dates.length || vix.length !== dates.length) {
    throw new AlvhError(
      "dates",
      `dates, spx and vix must have one value per row each (got ${dates.length}, ${spx.length} and ${vix.length})`
    );
  }
  for (let i = 0; i < dates.length; i++) {
    const row = i + 1;
    const date = dates[i];
    if (typeof date !== "number" || !Number.isFinite(date)) {
      throw new AlvhError("dates", `row ${row}: the date is missing or not a date serial`);
    }
    try {
      requireExcelDate("dates", date);
    } catch (error) {
      throw atRow(row, error);
    }
    if (!Number.isInteger(date)) {
      throw new AlvhError(
        "dates",
        `row ${row}: date ${date} has a time of day: use whole dates (one row per day)`
      );
    }
    if (i > 0 && !(date > dates[i - 1])) {
      throw new AlvhError(
        "dates",
        `row ${row}: ${isoFromSerial(date)} does not come after row ${row - 1}'s ${isoFromSerial(dates[i - 1])}: dates must be strictly ascending (oldest first, one row per day)`
      );
    }
    requirePrice("spx", row, spx[i]);
    requirePrice("vix", row, vix[i]);
    try {
      requireVix(vix[i]);
    } catch (error) {
      throw atRow(row, error);
    }
  }
  return history;
}

function requirePrice(name: "spx" | "vix", row: number, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new AlvhError(name, `row ${row}: ${name} is missing or not a number`);
  }
  if (value <= 0) {
    throw new AlvhError(name, `row ${row}: ${name} must be above 0 (got ${value})`, "num");
  }
}

/** A check's AlvhError with the row named first (a plain try/catch: no closure per row). */
function atRow(row: number, error: unknown): unknown {
  return error instanceof AlvhError
    ? new AlvhError(error.argument, `row ${row}: ${error.message}`, error.kind)
    : error;
}
