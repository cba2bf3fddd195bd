/**
 * The VIX closes of the workbook's `ALVH_History` table (Date, SPX, VIX; oldest first), for the
 * pane's signals line. Only the VIX column is read here; a workbook without the table has no
 * closes, and the pane shows no signals.
 */
import { AlvhError } from "../core";
import { HISTORY_TABLE } from "../workbook/plan";
import { readTable } from "../workbook/excel/table";
import { closesFromColumn, type VixClosesSource } from "./signals/closes";
import type { ExcelRun } from "../hosts/excel/office";

const VIX_HEADER = "vix";

/**
 * The table's VIX column, oldest first, in one round trip; undefined when the workbook has no
 * ALVH_History table (two round trips, as the book's). A table without a VIX column, or with a bad
 * close, is an AlvhError naming it.
 */
export function readHistoryVix(run: ExcelRun): Promise<number[] | undefined> {
  return run(async (context) => {
    const probe = context.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
    probe.load("name");
    await context.sync();
    if (probe.isNullObject) return undefined;
    const read = await readTable(context, probe);
    const at = read.header.findIndex(
      (h) => typeof h === "string" && h.trim().toLowerCase() === VIX_HEADER
    );
    if (at < 0) {
      throw new AlvhError(
        "table",
        `${HISTORY_TABLE} has no "VIX" column: name its VIX closes' header "VIX"`
      );
    }
    return closesFromColumn(
      read.rows.map((row) => row[at]),
      read.firstRow
    );
  });
}

/**
 * The pane's closes from ALVH_History, read by `load()` (at start-up); a failure to read is
 * passed to `report` and leaves no closes.
 */
export function historyVixCloses(
  run: ExcelRun,
  report: (message: string) => void
): VixClosesSource & { load(): Promise<void> } {
  let closes: readonly number[] | undefined;
  const listeners: (() => void)[] = [];
  return {
    closes: () => closes,
    onChange: (listener) => void listeners.push(listener),
    async load() {
      try {
        closes = await readHistoryVix(run);
      } catch (error) {
        closes = undefined;
        report(error instanceof Error ? error.message : String(error));
      }
      for (const listener of listeners) listener();
    },
  };
}
