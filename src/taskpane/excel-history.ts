/**
 * The VIX closes of the workbook's `ALVH_History` table (Date, SPX, VIX; oldest first), for the
 * pane's signals line. The table is read by the replay's own rules (`historyFromTable`: text
 * numbers accepted, blank rows at the bottom skipped), so a table the replay accepts never fails
 * here; a workbook without the table has no closes, and the pane shows no signals.
 */
import { HISTORY_TABLE } from "../workbook/plan";
import { readTable } from "../workbook/excel/table";
import { historyFromTable } from "../workbook/replay/history-table";
import type { VixClosesSource } from "./signals/closes";
import type { ExcelRun } from "../hosts/excel/office";

/**
 * The table's VIX column, oldest first, in one round trip; undefined when the workbook has no
 * ALVH_History table (two round trips, as the book's). An empty table has no closes ([]); a table
 * the replay would refuse is the replay's AlvhError, naming the sheet row and the fix.
 */
export function readHistoryVix(run: ExcelRun): Promise<number[] | undefined> {
  return run(async (context) => {
    const probe = context.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
    probe.load("name");
    await context.sync();
    if (probe.isNullObject) return undefined;
    return [...historyFromTable(await readTable(context, probe)).vix];
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
