import { serialFromYmd, type ReplayHistory } from "../core";
import { AlvhError, isAlvhError } from "../core";
import { describe } from "../core";
import { numberFromText } from "./cell-values";
import { parseCsv } from "./csv";

/**
 * Daily closes from CSV files, for the replay (SPEC §6). Two layouts:
 * - the add-in's own `Date,SPX,VIX` (any case; the history table as CSV);
 * - one series as exchanges and charting sites export it, `Date,Open,High,Low,Close` (Cboe's
 *   VIX_History.csv; Yahoo's adds `Adj Close,Volume`, Nasdaq's `Close/Last`): the close is taken.
 *   An SPX file and a VIX file are joined on their common dates by {@link mergeSeries}.
 * Dates are ISO (2025-01-17), US (01/17/2025, as Cboe writes them) or year-first with slashes;
 * numbers may carry a "$" or thousands separators. Files newest-first are turned oldest-first;
 * any other order, a repeated date, a missing or non-positive close is refused with its line
 * number (line 1 is the header).
 */

export interface ClosingSeries {
  dates: number[];
  closes: number[];
}

export type ParsedHistoryCsv =
  { layout: "history"; history: ReplayHistory } | { layout: "series"; series: ClosingSeries };

const ARGUMENT = "history";

export function parseHistoryCsv(text: string): ParsedHistoryCsv {
  const lines = parseCsv(text)
    .map((fields, i) => ({ number: i + 1, fields }))
    .filter((line) => line.fields.some((field) => field.trim() !== ""));
  if (lines.length === 0) throw new AlvhError(ARGUMENT, "the file is empty");
  const [header, ...rows] = lines;
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const date = names.indexOf("date");
  const spx = names.indexOf("spx");
  const vix = names.indexOf("vix");
  const close = names.findIndex((name) => name === "close" || name === "close/last");
  if (date < 0 || (close < 0 && (spx < 0 || vix < 0))) {
    throw new AlvhError(
      ARGUMENT,
      `line 1: expected a header Date,SPX,VIX or Date,Open,High,Low,Close (got ${header.fields.join(",")})`
    );
  }
  if (rows.length === 0) throw new AlvhError(ARGUMENT, "the file has a header but no rows");
  const columns = close < 0 ? [spx, vix] : [close];
  const labels = close < 0 ? ["SPX", "VIX"] : ["close"];
  const parsed = rows.map((row) => ({
    number: row.number,
    date: dateOf(row.number, row.fields[date]),
    values: columns.map((column, k) => priceOf(row.number, labels[k], row.fields[column])),
  }));
  const ordered = oldestFirst(parsed);
  const dates = ordered.map((row) => row.date);
  if (close >= 0) {
    return { layout: "series", series: { dates, closes: ordered.map((row) => row.values[0]) } };
  }
  return {
    layout: "history",
    history: {
      dates,
      spx: ordered.map((row) => row.values[0]),
      vix: ordered.map((row) => row.values[1]),
    },
  };
}

/** An SPX series and a VIX series on the dates both have, oldest first. */
export function mergeSeries(spx: ClosingSeries, vix: ClosingSeries): ReplayHistory {
  const vixOn = new Map(vix.dates.map((date, i) => [date, vix.closes[i]]));
  const history: { dates: number[]; spx: number[]; vix: number[] } = {
    dates: [],
    spx: [],
    vix: [],
  };
  spx.dates.forEach((date, i) => {
    const level = vixOn.get(date);
    if (level === undefined) return;
    history.dates.push(date);
    history.spx.push(spx.closes[i]);
    history.vix.push(level);
  });
  if (history.dates.length === 0) {
    throw new AlvhError(ARGUMENT, "the SPX and VIX files have no date in common");
  }
  return history;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function dateOf(line: number, field: string | undefined): number {
  const text = (field ?? "").trim();
  const iso = ISO.exec(text) ?? YEAR_FIRST.exec(text);
  const us = US.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : undefined;
  if (parts) {
    try {
      return serialFromYmd(Number(parts[0]), Number(parts[1]), Number(parts[2]));
    } catch (error) {
      if (!isAlvhError(error)) throw error;
    }
  }
  throw new AlvhError(
    ARGUMENT,
    `line ${line}: the date ${describe(text)} is not a date: write 2025-01-17 or 01/17/2025`
  );
}

function priceOf(line: number, label: string, field: string | undefined): number {
  const text = (field ?? "").trim();
  const value = numberFromText(text);
  if (!Number.isFinite(value)) {
    throw new AlvhError(
      ARGUMENT,
      `line ${line}: the ${label} close ${describe(text)} is missing or not a number`
    );
  }
  if (value <= 0) {
    throw new AlvhError(ARGUMENT, `line ${line}: the ${label} close must be above 0 (got ${text})`);
  }
  return value;
}

interface ParsedRow {
  number: number;
  date: number;
}

/** Rows oldest first: as given when ascending, reversed when the file is newest first. */
function oldestFirst<R extends ParsedRow>(rows: R[]): R[] {
  const descending = rows.length > 1 && rows[1].date < rows[0].date;
  const ordered = descending ? [...rows].reverse() : rows;
  for (let i = 1; i < ordered.length; i++) {
    const [before, row] = [ordered[i - 1], ordered[i]];
    if (row.date === before.date) {
      throw new AlvhError(
        ARGUMENT,
        `line ${row.number}: the date repeats line ${before.number}'s: keep one row per day`
      );
    }
    if (row.date < before.date) {
      throw new AlvhError(
        ARGUMENT,
        `line ${row.number}: the dates are out of order here: sort the file by date`
      );
    }
  }
  return ordered;
}
