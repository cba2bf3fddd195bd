/** The pane follows the host's selection: selecting a row of the book loads it into the form. */
import type { Host } from "../hosts/host";
import type { TaskPane } from "./app";

/** Loads the table row the trader selects into the form, now and whenever the selection moves. */
export async function followSelection(
  pane: Pick<TaskPane, "load" | "report">,
  selection: NonNullable<Host["selection"]>
): Promise<void> {
  const loadSelected = async (): Promise<void> => {
    try {
      const selected = await selection.selected();
      if (!selected) return;
      if ("position" in selected) pane.load(selected.position);
      else pane.report(selected.problem.message, true);
    } catch (error) {
      pane.report(error instanceof Error ? error.message : String(error), true);
    }
  };
  await loadSelected();
  await selection.watch(() => void loadSelected());
}
