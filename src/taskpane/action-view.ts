/**
 * The pane's action line, shown above the summary: what to hold and trade now for the position in
 * the form, and where the next layer starts. Empty until the position, market and settings are
 * valid; the contracts, hedge expiry and layers are the schedule's own figures (computed once per
 * refresh and shared with the summary).
 */
import { actionText, nextTriggerText } from "../workbook/action";
import type { BookFigures } from "../workbook/figures";
import type { FormReading } from "./form";

export function actionLines(reading: FormReading, figures: BookFigures | undefined): string[] {
  const { settings } = reading;
  if (!figures || !settings || reading.errors.has("held")) return [];
  const held = reading.numbers.get("held") ?? 0;
  return [
    actionText({
      target: figures.wholeContracts,
      held,
      expiry: figures.hedge.expiry,
      instrument: settings.instrument,
    }),
    nextTriggerText(figures.rows),
  ];
}
