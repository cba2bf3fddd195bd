/**
 * The pane inside Excel: the book is the workbook's ALVH_Positions table (./book.ts), the settings
 * and the market inputs its document settings (./settings.ts, ./market.ts), numbers are typed with
 * Excel's separators (./culture.ts), "Write schedule" renders the plan with Office.js
 * (./write.ts, src/workbook/excel/render.ts), and the selection follows the table's rows.
 */
import { requireExcelApi, type PlanSource, type RenderReport } from "../../workbook/excel/render";
import type { Host, HostMarket, NumberSeparators } from "../host";
import { OfficePositionBook, watchSelection } from "./book";
import { officeApi, type OfficeApi } from "./office";
import { OfficeSettingsStore } from "./settings";
import { excelSeparators } from "./culture";
import { OfficeMarketStore } from "./market";
import { writeSchedule } from "./write";

/** The Excel host: a write takes a finished plan too, and reports what the renderer did. */
export interface ExcelHost extends Host<RenderReport> {
  write(source: PlanSource): Promise<RenderReport>;
  selection: NonNullable<Host["selection"]>;
  market: HostMarket;
  numberFormat(): Promise<NumberSeparators>;
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
    market: new OfficeMarketStore(office.settings),
    numberFormat: () => excelSeparators(office),
    selection: {
      selected: checked(() => book.selected()),
      watch: checked((onChange) => watchSelection(office.run, onChange)),
    },
  };
}
