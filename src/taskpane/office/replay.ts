/**
 * "Replay" in Excel: checks the Excel API level, then reads `ALVH_History` and writes the owned
 * "ALVH Replay" sheet in one Excel.run (src/workbook/office/replay.ts; a bounded number of syncs).
 */
import { requireExcelApi } from "../../workbook/office/render";
import { renderReplay, type HistoryRead, type ReplayReport } from "../../workbook/office/replay";
import type { ReplaySheetPlan } from "../../workbook/plan";
import type { OfficePorts } from "./ports";

export function writeReplay(
  ports: OfficePorts,
  build: (read: HistoryRead) => ReplaySheetPlan
): Promise<ReplayReport> {
  requireExcelApi(ports.requirements);
  return ports.run((context) => renderReplay(context, build));
}
