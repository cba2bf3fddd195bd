/**
 * "Replay" in Excel: checks the Excel API level, then reads `ALVH_History` and writes the owned
 * "ALVH Replay" sheet in one Excel.run (src/workbook/excel/replay.ts; a bounded number of syncs).
 */
import { requireExcelApi } from "../../workbook/excel/render";
import { renderReplay, type HistoryRead, type ReplayReport } from "../../workbook/excel/replay";
import type { ReplaySheetPlan } from "../../workbook/plan";
import type { OfficeApi } from "./office";

export function writeReplay(
  ports: OfficeApi,
  build: (read: HistoryRead) => ReplaySheetPlan
): Promise<ReplayReport> {
  requireExcelApi(ports.requirements);
  return ports.run((context) => renderReplay(context, build));
}
