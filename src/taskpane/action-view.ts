/**
 * The pane's action line, shown above the summary: what to hold and trade now for the position in
 * the form, and where the next layer starts. Empty until the position, market and settings are
 * valid; the contracts and hedge expiry are the schedule plan's own.
 */
import { isAlvhError } from "../core";
import { buildSchedulePlan } from "../workbook/schedule";
import { actionText, nextTriggerText } from "../workbook/action";
import type { FormReading } from "./form";

export function actionLines(reading: FormReading, computedAt: number): string[] {
  const { position, market, settings } = reading;
  if (!position || !market || !settings || reading.errors.has("held")) return [];
  try {
    const plan = buildSchedulePlan({
      positions: [position],
      scope: { kind: "position", label: position.label },
      settings,
      market,
      computedAt,
    });
    const { wholeContracts, hedgeExpiry } = plan.summary;
    const held = reading.numbers.get("held") ?? 0;
    return [
      actionText({
        target: wholeContracts,
        held,
        expiry: hedgeExpiry,
        instrument: settings.instrument,
      }),
      nextTriggerText(market.vix, settings),
    ];
  } catch (error) {
    if (isAlvhError(error)) return [];
    throw error;
  }
}
