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
import { registerActions } from "./office/actions";
import { officeWorkbook } from "./office/workbook";
import { excelReplayHost, standaloneReplayHost } from "./replay/hosts";
import { ReplayPanel } from "./replay/panel";
import { enableCsv, standaloneHost } from "./standalone/host";
import { withPreviewedReplay } from "./standalone/preview-book";
import { LocalPositionBook, type KeyValueStore } from "./standalone/storage";
import { applyTheme, themeOfOffice, type OfficeThemeLike } from "./theme";

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
    const officeTheme = (Office.context as { officeTheme?: OfficeThemeLike }).officeTheme;
    applyTheme(document.documentElement, themeOfOffice(officeTheme));
    const ports = officePorts();
    const port = officeWorkbook(ports);
    const history = historyVixCloses(ports.run, (message) => pane.report(message, true));
    const pane = new TaskPane({ ...excelHost(port), vixCloses: history }, downloadWorkbook);
    new ReplayPanel(excelReplayHost(ports), () => pane.hedgeSettings());
    // Ribbon command and keyboard shortcuts (SharedRuntime 1.1); older hosts have no actions.
    if (typeof Office.actions?.associate === "function") {
      registerActions(Office.actions, Office.addin, () => pane.writeSchedule());
    }
    await pane.start();
    await history.load();
    await followSelection(pane, port);
  } else {
    const { store, note } = browserStore();
    const host = standaloneHost(store, mode.reason + note);
    const pane = new TaskPane(host, (plan) => downloadWorkbook(withPreviewedReplay(plan)));
    new ReplayPanel(standaloneReplayHost(store), () => pane.hedgeSettings());
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
