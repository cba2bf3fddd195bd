/**
 * The pane as a web page with no Office host: the book and settings live in localStorage, "Write
 * schedule" draws the plan in the page, and the book moves in and out as CSV.
 */
import type { Host, TaskPane } from "../app";
import { byId, download } from "../dom";
import { bookToCsv } from "./csv";
import { enableImport } from "./import-view";
import { previewSchedule } from "./preview-book";
import { BOOK_KEY, LocalPositionBook, LocalSettingsStore, type KeyValueStore } from "./storage";
import { standaloneVixCloses } from "./vix-closes";

export function standaloneHost(store: KeyValueStore, reason: string): Host {
  const book = new LocalPositionBook(store);
  const settings = new LocalSettingsStore(store);
  return {
    description: `Standalone (${reason}): positions are kept in this browser.`,
    book,
    settings,
    canDownload: true,
    vixCloses: standaloneVixCloses(store),
    async write(planFor) {
      const plan = planFor(await book.list());
      previewSchedule(plan);
      settings.keep(plan.documentSettings);
      return `Schedule written to the preview below (${plan.sheets.length} sheets).`;
    },
  };
}

/** Wires the CSV buttons, which exist only in the standalone app. */
export function enableCsv(pane: TaskPane, book: LocalPositionBook): void {
  byId("csv").hidden = false;
  byId("export-csv").addEventListener("click", () => {
    download(bookToCsv(pane.positions()), "text/csv", "alvh-book.csv");
    pane.report(`Exported ${pane.positions().length} positions.`);
  });
  // The book exactly as stored, unreadable rows included, so nothing has to be thrown away.
  byId("export-stored").addEventListener("click", () => {
    download(book.storedText() ?? "", "application/json", "alvh-book-stored.json");
    pane.report("Exported the book's stored text.");
  });
  enableImport(pane, book);
  // Another tab of this site changed the book: show it as it is now.
  window.addEventListener("storage", (event) => {
    if (event.key === BOOK_KEY || event.key === null) void pane.refreshBook();
  });
}
