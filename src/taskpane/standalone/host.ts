/* global HTMLInputElement */
/**
 * The pane as a web page with no Office host: the book and settings live in localStorage, "Write
 * schedule" draws the plan in the page, and the book moves in and out as CSV.
 */
import type { Host, TaskPane } from "../app";
import { byId, download } from "../dom";
import { bookFromCsv, bookToCsv } from "./csv";
import { previewSchedule } from "./preview-book";
import { LocalPositionBook, LocalSettingsStore, type KeyValueStore } from "./storage";

export function standaloneHost(store: KeyValueStore, reason: string): Host {
  const book = new LocalPositionBook(store);
  const settings = new LocalSettingsStore(store);
  return {
    description: `Standalone (${reason}): positions are kept in this browser.`,
    book,
    settings,
    canDownload: true,
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
  const input = byId<HTMLInputElement>("import-csv");
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const { positions, problems } = bookFromCsv(await file.text());
    for (const position of positions) await book.save(position);
    input.value = "";
    await pane.refreshBook();
    const skipped = problems.length
      ? ` Skipped ${problems.length}: ${problems.map((p) => p.message).join("; ")}`
      : "";
    pane.report(`Imported ${positions.length} positions.${skipped}`, problems.length > 0);
  });
}
