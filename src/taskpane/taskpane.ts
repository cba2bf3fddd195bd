/**
 * Entry of the task pane page. Decides where it runs (Excel, or a plain browser) and starts the
 * pane with the matching host. The page is usable by keyboard alone; `data-ready` on <body> tells
 * the browser tests (and assistive tools) that start-up has finished.
 */
import { TaskPane } from "./app";
import { downloadWorkbook } from "./download";
import { excelHost, followSelection } from "./excel-host";
import { detectHost, openedByOffice, type OfficeLike } from "./mode";
import { historyVixCloses } from "./office/history";
import { officePorts } from "./office/ports";
import { officeWorkbook } from "./office/workbook";
import { enableCsv, standaloneHost } from "./standalone/host";
import { LocalPositionBook, type KeyValueStore } from "./standalone/storage";

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

async function main(): Promise<void> {
  const office = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
  const mode = await detectHost(office, { openedByOffice: openedByOffice(window) });
  document.body.dataset.mode = mode.kind;
  if (mode.kind === "excel") {
    const port = officeWorkbook();
    const history = historyVixCloses(officePorts().run, (message) => pane.report(message, true));
    const pane = new TaskPane({ ...excelHost(port), vixCloses: history }, downloadWorkbook);
    await pane.start();
    await history.load();
    await followSelection(pane, port);
  } else {
    const { store, note } = browserStore();
    const host = standaloneHost(store, mode.reason + note);
    const pane = new TaskPane(host, downloadWorkbook);
    enableCsv(pane, host.book as LocalPositionBook);
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
