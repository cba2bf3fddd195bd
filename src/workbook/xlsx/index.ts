/**
 * The .xlsx renderer of the workbook plan, for "Download workbook" in standalone mode. The task
 * pane loads this module with a dynamic import, so exceljs is only fetched when someone downloads.
 */
import type { WorkbookPlan } from "../plan";
import { safePlanText } from "../text";
import { bookFromPlan } from "./book";
import { writeXlsx } from "./write";

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The whole plan as an .xlsx file: the same sheets, formulas, names and table Excel would get,
 * with text a workbook cannot hold replaced (see `safePlanText`, which also words the notice).
 */
export function renderXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  return writeXlsx(bookFromPlan(safePlanText(plan).plan));
}
