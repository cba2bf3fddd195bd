/**
 * Entry of the task pane page. Decides where it runs (Excel, or a plain browser) and starts the
 * pane with the matching host. The page is usable by keyboard alone; `data-ready` on <body> tells
 * the browser tests (and assistive tools) that start-up has finished.
 */
import { excelHost } from "../hosts/excel/host";
import { standaloneHost } from "../hosts/standalone/host";
import type { KeyValueStore } from "../hosts/standalone/storage";
import { TaskPane } from "./app";
import { byId } from "./dom";
import { detectHost, openedByOffice, type OfficeLike } from "./mode";
import { renderPreview } from "./preview/render";
import { followSelection } from "./selection";
import { enableCsv } from "./standalone/csv-view";
import type { WorkbookPlan } from "../workbook/plan";

/** localStorage, or (when the browser refuses it) a store that lasts as long as the page. */
function browserStore(): { store: KeyValueStore; note: string } {
  try {
    const probe = "alvh.probe";
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return { store: window.localStorage, note: "" };
  } catch {
    const memory = new Map<string, string>();
    return {
      store: { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) },
      note: "; this browser blocks storage, so the book lasts only until the page closes",
    };
  }
}

/** The standalone app's "Write schedule": the plan drawn in the page, under the form. */
function showPreview(plan: WorkbookPlan): void {
  const preview = byId("preview");
  renderPreview(preview, plan);
  preview.hidden = false;
}

async function main(): Promise<void> {
  const office = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
  const mode = await detectHost(office, { openedByOffice: openedByOffice(window) });
  document.body.dataset.mode = mode.kind;
  if (mode.kind === "excel") {
    const host = excelHost();
    const pane = new TaskPane(host);
    await pane.start();
    await followSelection(pane, host.selection);
  } else {
    const { store, note } = browserStore();
    const host = standaloneHost(store, mode.reason + note, showPreview);
    const pane = new TaskPane(host);
    enableCsv(pane, host.book);
    await pane.start();
  }
  // A User Timing mark: DevTools and `npm run bench` read the pane's time to interactive from it.
  performance.mark("alvh-ready");
  document.body.dataset.ready = "true";
}

main().catch((error: unknown) => {
  const status = document.getElementById("status");
  if (status)
    status.textContent = `The pane could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.dataset.ready = "failed";
});
