/**
 * The summary section in the page, like FormView for the form: the action line and the live
 * summary, both from one reading and the schedule's figures computed once for them per refresh.
 */
import type { BookFigures } from "../workbook/figures";
import { actionLines } from "./action-view";
import { byId, el } from "./dom";
import type { FormReading } from "./form";
import { liveSummary, type SummaryExtras } from "./summary";

export function showSummary(
  reading: FormReading,
  figures: BookFigures | undefined,
  extras: SummaryExtras
): void {
  byId("summary-list").replaceChildren(
    ...liveSummary(reading, figures, extras).flatMap((line) => [
      el("dt", {}, line.label),
      el("dd", { "data-summary": line.key }, line.value),
    ])
  );
  byId("action").replaceChildren(
    ...actionLines(reading, figures).map((line) => el("li", {}, line))
  );
}
