/**
 * The pane inside Excel: the book is the workbook's ALVH_Positions table, the settings its
 * document settings, and "Write schedule" renders the plan with Office.js, all through the
 * workbook port of src/taskpane/office/workbook.ts.
 */
import type { Host, TaskPane } from "./app";
import type { WorkbookPort } from "../workbook/port";
import { officeWorkbook } from "./office/workbook";

export function excelHost(port: WorkbookPort = officeWorkbook()): Host {
  return {
    description: "In Excel: positions live in the ALVH Positions table of this workbook.",
    book: port,
    settings: { load: () => port.loadSettings(), save: (s) => port.saveSettings(s) },
    canDownload: false,
    async write(planFor) {
      return (await port.writeSchedule(planFor)).message;
    },
  };
}

/** Loads the table row the trader selects into the form, now and whenever the selection moves. */
export async function followSelection(
  pane: Pick<TaskPane, "load" | "report">,
  port: WorkbookPort
): Promise<void> {
  const loadSelected = async (): Promise<void> => {
    try {
      const selected = await port.selected();
      if (!selected) return;
      if ("position" in selected) pane.load(selected.position);
      else pane.report(selected.problem.message, true);
    } catch (error) {
      pane.report(error instanceof Error ? error.message : String(error), true);
    }
  };
  await loadSelected();
  await port.watchSelection(() => void loadSelected());
}
