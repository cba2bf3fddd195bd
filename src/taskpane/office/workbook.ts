/**
 * The task pane's workbook in Excel: the WorkbookPort of src/workbook/port.ts over the
 * `ALVH_Positions` table, document settings and the schedule writer.
 */
import { buildSchedulePlan } from "../../workbook/build";
import { requireExcelApi } from "../../workbook/office/render";
import type { ScheduleRequest, ScheduleWritten, WorkbookPort } from "../../workbook/port";
import { excelSerialFromDate } from "../../workbook/time";
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
    writeSchedule: (request) => writeFromBook(request, ports),
  };
}

async function writeFromBook(
  request: ScheduleRequest,
  ports: OfficePorts
): Promise<ScheduleWritten> {
  const computedAt = excelSerialFromDate(request.at ?? new Date());
  const report = await writeSchedule(
    (book) =>
      buildSchedulePlan({
        positions: book.positions,
        scope: request.scope,
        settings: request.settings,
        market: request.market,
        computedAt,
      }),
    ports
  );
  return {
    message: report.message,
    sheet: report.sheet,
    renamed: report.renamed,
    problems: report.problems,
    summary: report.plan.summary,
  };
}
