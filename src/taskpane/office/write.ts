import {
  renderPlan,
  requireExcelApi,
  SCREEN_UPDATING_EXCEL_API,
  type PlanSource,
  type RenderReport,
} from "../../workbook/office/render";
import { OWNER_SETTING, ownerFromSettings, ownerToSettings } from "../../workbook/ownership";
import type { OfficePorts } from "./ports";
import { saveDocumentSettings } from "./settings";

/**
 * Writes a schedule into the open workbook: checks the Excel API level first (nothing is written
 * on an Excel too old for the writer), renders in one Excel.run (at most 3 syncs, reading the book
 * included), then saves the plan's document settings so the hedge settings travel with the file.
 */
export async function writeSchedule(source: PlanSource, ports: OfficePorts): Promise<RenderReport> {
  requireExcelApi(ports.requirements);
  // ExcelApi 1.9 brings both screen-updating control and Worksheet.pageLayout.
  const suspendScreenUpdating = ports.requirements.isSetSupported(
    "ExcelApi",
    SCREEN_UPDATING_EXCEL_API
  );
  const owner = ownerFromSettings(ports.settings.get(OWNER_SETTING));
  const report = await ports.run((context) =>
    renderPlan(context, source, {
      suspendScreenUpdating,
      owner,
      pageLayout: suspendScreenUpdating,
    })
  );
  for (const setting of report.plan.documentSettings) {
    ports.settings.set(setting.key, setting.value);
  }
  // The proof the sheet is the add-in's, and what it wrote there, travel with the workbook.
  ports.settings.set(OWNER_SETTING, ownerToSettings(report.owner));
  await saveDocumentSettings(ports.settings);
  return report;
}
