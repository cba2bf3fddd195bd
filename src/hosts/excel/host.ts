/**
 * The pane inside Excel: the book is the workbook's ALVH_Positions table (./book.ts), the settings
 * its document settings (./settings.ts), "Write schedule" renders the plan with Office.js
 * (./write.ts, src/workbook/excel/render.ts), and the selection follows the table's rows.
 */
import { requireExcelApi, type PlanSource, type RenderReport } from "../../workbook/excel/render";
import type { Host } from "../host";
import { OfficePositionBook, watchSelection } from "./book";
import { officeApi, type OfficeApi } from "./office";
import { OfficeSettingsStore } from "./settings";
import { writeSchedule } from "./write";

/** The Excel host: a write takes a finished plan too, and reports what the renderer did. */
export interface ExcelHost extends Host<RenderReport> {
  write(source: PlanSource): Promise<RenderReport>;
  selection: NonNullable<Host["selection"]>;
}

export function excelHost(office: OfficeApi = officeApi()): ExcelHost {
  // Every operation on the book checks first, so an Excel too old for the add-in gets the version
  // it needs instead of an API error halfway.
  const checked =
    <A extends unknown[], R>(op: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      requireExcelApi(office.requirements);
      return op(...args);
    };
  const book = new OfficePositionBook(office.run);
  return {
    description: "In Excel: positions live in the ALVH Positions table of this workbook.",
    book: {
      list: checked(() => book.list()),
      save: checked((position) => book.save(position)),
      remove: checked((label) => book.remove(label)),
    },
    settings: new OfficeSettingsStore(office.settings),
    write: (source) => writeSchedule(source, office),
    selection: {
      selected: checked(() => book.selected()),
      watch: checked((onChange) => watchSelection(office.run, onChange)),
    },
  };
}
