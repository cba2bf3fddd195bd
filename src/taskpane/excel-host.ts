/**
 * The pane inside Excel: the book is the workbook's ALVH_Positions table, the settings its
 * document settings, and "Write schedule" renders the plan with Office.js (src/taskpane/office).
 */
import type { Host, TaskPane } from "./app";
import { OfficePositionBook, watchSelection } from "./office/book";
import { officePorts, type OfficePorts } from "./office/ports";
import { OfficeSettingsStore } from "./office/settings";
import { writeSchedule } from "./office/write";

export function excelHost(ports: OfficePorts = officePorts()): Host & { book: OfficePositionBook } {
  return {
    description: "In Excel: positions live in the ALVH Positions table of this workbook.",
    book: new OfficePositionBook(ports.run),
    settings: new OfficeSettingsStore(ports.settings),
    canDownload: false,
    async write(plan) {
      const report = await writeSchedule(plan, ports);
      return report.message;
    },
  };
}

/** Loads the table row the trader selects into the form, now and whenever the selection moves. */
export async function followSelection(
  pane: TaskPane,
  book: OfficePositionBook,
  ports: OfficePorts = officePorts()
): Promise<void> {
  const loadSelected = async (): Promise<void> => {
    try {
      const selected = await book.selected();
      if (!selected) return;
      if ("position" in selected) pane.load(selected.position);
      else pane.report(selected.problem.message, true);
    } catch (error) {
      pane.report(error instanceof Error ? error.message : String(error), true);
    }
  };
  await loadSelected();
  await watchSelection(ports.run, () => void loadSelected());
}
