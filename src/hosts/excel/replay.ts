/**
 * "Replay" in Excel: checks the Excel API level, then reads `ALVH_History` and writes the owned
 * "ALVH Replay" sheet in one Excel.run (src/workbook/excel/replay.ts; a bounded number of syncs).
 */
import { requireExcelApi } from "../../workbook/excel/render";
import {
  renderReplay,
  REPLAY_OWNER_SETTING,
  type HistoryRead,
  type ReplayReport,
} from "../../workbook/excel/replay";
import { ownerFromSettings, ownerToSettings } from "../../workbook/ownership";
import type { ReplaySheetPlan } from "../../workbook/plan";
import type { OfficeApi } from "./office";
import { saveDocumentSettings } from "./settings";

export async function writeReplay(
  ports: OfficeApi,
  build: (read: HistoryRead) => ReplaySheetPlan
): Promise<ReplayReport> {
  requireExcelApi(ports.requirements);
  const owner = ownerFromSettings(ports.settings.get(REPLAY_OWNER_SETTING));
  const report = await ports.run((context) => renderReplay(context, build, owner));
  if (report.kind === "written") {
    // The proof the sheet is the add-in's travels with the workbook, like the schedule's.
    ports.settings.set(REPLAY_OWNER_SETTING, ownerToSettings(report.owner));
    await saveDocumentSettings(ports.settings);
  }
  return report;
}
