/**
 * The pane as a web page with no Office host: the book, settings and market inputs live in
 * localStorage (./storage.ts, ./market.ts), numbers are typed as the browser's locale writes them
 * (../locale.ts), "Write schedule" hands the plan to `show` (the pane draws it in the page), and
 * "Download workbook" saves it as an .xlsx file (./download.ts), with what `downloaded` adds (the
 * pane's previewed replay sheet).
 */
import type { WorkbookPlan } from "../../workbook/plan";
import type { Host, HostMarket, NumberSeparators } from "../host";
import { downloadWorkbook } from "./download";
import { browserLanguage, separatorsOfLocale } from "../locale";
import { LocalMarketStore } from "./market";
import { LocalPositionBook, LocalSettingsStore, type KeyValueStore } from "./storage";

/** The standalone host: its book also imports and exports (the CSV buttons use them). */
export interface StandaloneHost extends Host {
  book: LocalPositionBook;
  market: HostMarket;
  numberFormat(): Promise<NumberSeparators>;
}

export function standaloneHost(
  store: KeyValueStore,
  reason: string,
  show: (plan: WorkbookPlan) => void,
  downloaded: (plan: WorkbookPlan) => WorkbookPlan = (plan) => plan
): StandaloneHost {
  const book = new LocalPositionBook(store);
  const settings = new LocalSettingsStore(store);
  return {
    description: `Standalone (${reason}): positions are kept in this browser.`,
    book,
    settings,
    async write(planFor) {
      const listing = await book.list();
      const plan = planFor(listing);
      show(plan);
      settings.keep(plan.documentSettings);
      return {
        message: `Schedule written to the preview below (${plan.sheets.length} sheets).`,
        plan,
        problems: listing.problems,
      };
    },
    download: (plan) => downloadWorkbook(downloaded(plan)),
    market: new LocalMarketStore(store),
    numberFormat: async () => separatorsOfLocale(browserLanguage()),
  };
}
