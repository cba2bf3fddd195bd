/**
 * Entry of the task pane page. Decides where it runs (Excel, or a plain browser) and starts the
 * pane with the matching host. The page is usable by keyboard alone; `data-ready` on <body> tells
 * the browser tests (and assistive tools) that start-up has finished.
 */
import { excelHost } from "../hosts/excel/host";
import { standaloneHost } from "../hosts/standalone/host";
import type { KeyValueStore } from "../hosts/standalone/storage";
import { TaskPane } from "./app";
import { detectHost, openedByOffice, type OfficeLike } from "./mode";
import { followSelection } from "./selection";
import { enableCsv } from "./standalone/csv-view";
import { historyVixCloses } from "./excel-history";
import { standaloneVixCloses } from "./standalone/vix-closes";
import { excelReplayHost, standaloneReplayHost } from "./replay/hosts";
import { ReplayPanel } from "./replay/panel";
import { previewSchedule, withPreviewedReplay } from "./standalone/preview-book";
import { applyTheme, themeOfOffice, type OfficeThemeLike } from "./theme";
import { registerActions } from "../hosts/excel/actions";
import { officeApi } from "../hosts/excel/office";

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
    const office = officeApi();
    const host = excelHost(office);
    const history = historyVixCloses(office.run, (message) => pane.report(message, true));
    const pane = new TaskPane(host, history);
    const replayPanel = new ReplayPanel(
      excelReplayHost(office),
      () => pane.hedgeSettings(),
      () => pane.numberSeparators()
    );
    // Ribbon command and keyboard shortcuts (SharedRuntime 1.1); older hosts have no actions.
    if (typeof Office.actions?.associate === "function") {
      registerActions(Office.actions, Office.addin, () => pane.writeSchedule());
    }
    await pane.start();
    replayPanel.localize();
    await history.load();
    await followSelection(pane, host.selection);
  } else {
    const { store, note } = browserStore();
    // "Download workbook" saves the replay sheet previewed last with the schedule.
    const host = standaloneHost(store, mode.reason + note, previewSchedule, withPreviewedReplay);
    const closes = standaloneVixCloses(store, () => pane.numberSeparators().decimal);
    const pane = new TaskPane(host, closes);
    const replayPanel = new ReplayPanel(
      standaloneReplayHost(store),
      () => pane.hedgeSettings(),
      () => pane.numberSeparators()
    );
    enableCsv(pane, host.book);
    await pane.start();
    replayPanel.localize();
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
