/** The CSV buttons, which exist only in the standalone app. */
import { download } from "../../hosts/standalone/download";
import { BOOK_KEY, type LocalPositionBook } from "../../hosts/standalone/storage";
import type { TaskPane } from "../app";
import { byId } from "../dom";
import { bookToCsv } from "./csv";
import { enableImport } from "./import-view";

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
