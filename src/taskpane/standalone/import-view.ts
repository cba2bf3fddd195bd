/**
 * Importing a CSV file in the standalone app: read and check the whole file first, show what the
 * import would do (new rows, rows whose label is already in the book, invalid rows by number),
 * and write only when the trader confirms, in one write (all or nothing). Cancel changes nothing.
 */
import type { TaskPane } from "../app";
import { byId, el } from "../dom";
import { failureMessage } from "../messages";
import { bookFromCsv } from "./csv";
import { describeImportPlan, planImport, type ImportMode, type ImportPlan } from "./import-plan";
import type { LocalPositionBook } from "../../hosts/standalone/storage";

/** Lets the page paint (the progress line) before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

const LISTED = 50;

function listed<T>(items: readonly T[], show: (item: T) => string): HTMLElement[] {
  const shown = items.slice(0, LISTED).map((item) => el("li", {}, show(item)));
  if (items.length > LISTED) shown.push(el("li", {}, `… and ${items.length - LISTED} more`));
  return shown;
}

export function enableImport(pane: TaskPane, book: LocalPositionBook): void {
  const input = byId<HTMLInputElement>("import-csv");
  const preview = byId("import-preview");
  const progress = byId("import-progress");
  let pending: ImportPlan | undefined;

  const close = () => {
    pending = undefined;
    preview.hidden = true;
  };

  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    // Cleared at once, so the same file can be picked again whatever happens next.
    input.value = "";
    if (!file) return;
    close();
    try {
      pane.report(`Reading "${file.name}" (${Math.ceil(file.size / 1024)} KB)…`);
      await nextFrame();
      const plan = planImport(pane.positions(), bookFromCsv(await file.text()));
      pending = plan;
      byId("import-summary").textContent = `"${file.name}": ${describeImportPlan(plan)}`;
      byId("import-replacing").replaceChildren(
        ...listed(plan.replacing, (p) => `"${p.label}" is already in the book`)
      );
      byId("import-invalid").replaceChildren(...listed(plan.invalid, (p) => p.message));
      byId("import-mode").hidden = plan.replacing.length === 0;
      progress.textContent = "";
      preview.hidden = false;
      pane.report("Nothing is imported yet: check the preview, then Import or Cancel.");
      byId("import-confirm").focus();
    } catch (error) {
      pane.report(`Nothing was imported: ${failureMessage(error)}`, true);
    }
  });

  byId("import-cancel").addEventListener("click", () => {
    close();
    pane.report("Import cancelled: the book is unchanged.");
  });

  byId("import-confirm").addEventListener("click", async () => {
    const plan = pending;
    if (!plan) return;
    const mode = (preview.querySelector<HTMLInputElement>("input[name=import-mode]:checked")
      ?.value ?? "skip") as ImportMode;
    const total = plan.fresh.length + plan.replacing.length;
    progress.textContent = `Writing ${total.toLocaleString("en-US")} positions…`;
    await nextFrame();
    try {
      const done = await book.importPositions([...plan.fresh, ...plan.replacing], mode);
      close();
      await pane.refreshBook();
      const invalid = plan.invalid.length
        ? ` ${plan.invalid.length} invalid row${plan.invalid.length > 1 ? "s were" : " was"} not imported.`
        : "";
      pane.report(
        `Imported: ${done.added} added, ${done.replaced} replaced, ${done.skipped} skipped (label already in the book).${invalid}`
      );
    } catch (error) {
      progress.textContent = "";
      pane.report(failureMessage(error), true);
    }
  });
}
