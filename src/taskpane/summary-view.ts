/**
 * The summary section in the page, like FormView for the form: the action line, the contracts by
 * layer and the live summary, all from one reading and the schedule's figures computed once for
 * them per refresh.
 */
import type { BookFigures } from "../workbook/figures";
import { actionLines } from "./action-view";
import { byId, el } from "./dom";
import type { FormReading } from "./form";
import { layerRows } from "./layer-view";
import { liveSummary, type SummaryExtras } from "./summary";

export function showSummary(
  reading: FormReading,
  figures: BookFigures | undefined,
  extras: SummaryExtras,
  /** Writes the figures' numbers with the trader's separators (showNumbers in the locale). */
  localize: (text: string) => string
): void {
  byId("summary-list").replaceChildren(
    ...liveSummary(reading, figures, extras).flatMap((line) => [
      el("dt", {}, line.label),
      el("dd", { "data-summary": line.key }, localize(line.value)),
    ])
  );
  byId("action").replaceChildren(
    ...actionLines(reading, figures).map((line) => el("li", {}, localize(line)))
  );
  const layers = layerRows(figures);
  const table = byId<HTMLTableElement>("layer-contracts");
  table.tBodies[0].replaceChildren(...layers);
  table.hidden = layers.length === 0;
}
