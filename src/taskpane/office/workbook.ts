/**
 * The task pane's workbook in Excel: the WorkbookPort of src/workbook/port.ts over the
 * `ALVH_Positions` table, document settings and the schedule writer.
 */
import { requireExcelApi } from "../../workbook/office/render";
import type { WorkbookPort } from "../../workbook/port";
import { OfficePositionBook, watchSelection } from "./book";
import { officePorts, type OfficePorts } from "./ports";
import { OfficeSettingsStore } from "./settings";
import { writeSchedule } from "./write";

export function officeWorkbook(ports: OfficePorts = officePorts()): WorkbookPort {
  // Every operation checks first, so an Excel too old for the add-in gets the version it needs
  // instead of an API error halfway.
  const checked =
    <A extends unknown[], R>(op: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      requireExcelApi(ports.requirements);
      return op(...args);
    };
  const book = new OfficePositionBook(ports.run);
  const settings = new OfficeSettingsStore(ports.settings);
  return {
    list: checked(() => book.list()),
    save: checked((position) => book.save(position)),
    remove: checked((label) => book.remove(label)),
    selected: checked(() => book.selected()),
    watchSelection: checked((onChange) => watchSelection(ports.run, onChange)),
    loadSettings: () => settings.load(),
    saveSettings: (hedge) => settings.save(hedge),
    async writeSchedule(planFor) {
      const report = await writeSchedule(planFor, ports);
      return {
        message: report.message,
        sheet: report.sheet,
        renamed: report.renamed,
        problems: report.problems,
        summary: report.plan.summary,
      };
    },
  };
}
