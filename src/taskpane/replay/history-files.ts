/**
 * "Import history": one CSV of Date,SPX,VIX, or two single-series exports (Cboe's VIX_History.csv
 * and an SPX file as charting sites write it, Date,Open,High,Low,Close) joined on their dates.
 */
import {
  AlvhError,
  isAlvhError,
  isoFromSerial,
  validateHistory,
  type ReplayHistory,
} from "../../core";
import { mergeSeries, parseHistoryCsv, type ClosingSeries } from "../../workbook/history-csv";

export interface HistoryFile {
  name: string;
  text: string;
}

export interface ImportedHistory {
  history: ReplayHistory;
  /** The file name(s), for the trader. */
  source: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The files' history, or an AlvhError whose message starts with the file at fault. */
export function historyFromFiles(files: readonly HistoryFile[]): ImportedHistory {
  const parsed = files.map((file) => {
    try {
      return { file, csv: parseHistoryCsv(file.text) };
    } catch (error) {
      if (isAlvhError(error)) throw new AlvhError("history", `${file.name}: ${error.message}`);
      throw error;
    }
  });
  const source = files.map((f) => f.name).join(" + ");
  if (parsed.length === 1 && parsed[0].csv.layout === "history") {
    return { history: checked(parsed[0].csv.history, files[0].name), source };
  }
  const series = parsed.flatMap((p) =>
    p.csv.layout === "series" ? [{ name: p.file.name, series: p.csv.series }] : []
  );
  if (parsed.length !== 2 || series.length !== 2) {
    throw new AlvhError(
      "history",
      "Import one CSV with the columns Date,SPX,VIX, or two files at once (an SPX and a VIX export, Date,Open,High,Low,Close): select both in the file dialog"
    );
  }
  // The VIX file says so in its name (Cboe's VIX_History.csv); otherwise it is the lower series.
  const named = series.findIndex((s) => /vix/i.test(s.name));
  const vixAt =
    named >= 0 && !/vix/i.test(series[1 - named].name)
      ? named
      : median(series[0].series.closes) < median(series[1].series.closes)
        ? 0
        : 1;
  const vix: ClosingSeries = series[vixAt].series;
  const spx: ClosingSeries = series[1 - vixAt].series;
  return { history: checked(mergeSeries(spx, vix), source), source };
}

function checked(history: ReplayHistory, source: string): ReplayHistory {
  try {
    return validateHistory(history);
  } catch (error) {
    if (isAlvhError(error)) throw new AlvhError("history", `${source}: ${error.message}`);
    throw error;
  }
}

/** "7,560 rows, 1995-01-03 to 2024-12-31". */
export function describeHistory(history: ReplayHistory): string {
  const n = history.dates.length;
  return `${n.toLocaleString("en-US")} row${n === 1 ? "" : "s"}, ${isoFromSerial(history.dates[0])} to ${isoFromSerial(history.dates[n - 1])}`;
}
