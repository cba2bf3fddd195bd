/**
 * The `ALVH_History` table (Date, SPX, VIX) as the replay's input: the trader pastes daily closes
 * into it, oldest first. Cells arrive as Excel gives them: dates as serials (or, pasted as text,
 * ISO dates), prices as numbers (or text with "$" and thousands separators). Blank rows at the
 * bottom are ignored; anything else the engine refuses is reported with the sheet row it is on.
 */
import {
  serialFromIso,
  AlvhError,
  isAlvhError,
  validateHistory,
  type ReplayHistory,
} from "../../core";
import { isBlank, numberFromText } from "../cell-values";
import { HISTORY_COLUMNS, HISTORY_TABLE } from "../plan";

export interface HistoryTableRead {
  header: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  /** Sheet row number (1-based) of the first data row, and the table's sheet. */
  firstRow: number;
  sheet: string;
}

function numberOf(value: unknown, isDate: boolean): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return Number.NaN;
  if (isDate) return serialFromIso(value.trim()) ?? Number.NaN;
  return numberFromText(value);
}

/** The validated history, or an AlvhError naming the sheet row and the fix. */
export function historyFromTable(table: HistoryTableRead): ReplayHistory {
  const names = table.header.map((h) => String(h).trim().toLowerCase());
  const at = HISTORY_COLUMNS.map((c) => names.indexOf(c.toLowerCase()));
  const missing = HISTORY_COLUMNS.filter((_, k) => at[k] < 0);
  if (missing.length) {
    throw new AlvhError(
      "history",
      `The ${HISTORY_TABLE} table has no ${missing.join(", ")} column: its headers must be ${HISTORY_COLUMNS.join(", ")}`
    );
  }
  let count = table.rows.length;
  while (count > 0 && at.every((c) => isBlank(table.rows[count - 1][c]))) count--;
  const rows = table.rows.slice(0, count);
  const history = {
    dates: rows.map((r) => numberOf(r[at[0]], true)),
    spx: rows.map((r) => numberOf(r[at[1]], false)),
    vix: rows.map((r) => numberOf(r[at[2]], false)),
  };
  try {
    return validateHistory(history);
  } catch (error) {
    if (!isAlvhError(error)) throw error;
    // The engine counts data rows from 1; the trader sees sheet rows.
    const sheetRow = (n: string): number => Number(n) + table.firstRow - 1;
    const message = error.message
      .replace(/^row (\d+):/, (_, n: string) => `${table.sheet} row ${sheetRow(n)}:`)
      .replace(/after row (\d+)'s/, (_, n: string) => `after row ${sheetRow(n)}'s`);
    throw new AlvhError(error.argument, `${HISTORY_TABLE}: ${message}`, error.kind);
  }
}
