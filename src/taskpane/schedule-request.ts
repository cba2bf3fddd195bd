/**
 * From the form's reading to what the schedule is built from, as pure functions of plain values:
 * nothing here reads the page, so the write can build its plan inside `Excel.run` from values
 * taken before it started.
 */
import type { HedgeSettings, MarketInputs, Position } from "../workbook/model";
import type { SchedulePlanInput } from "../workbook/plan";
import type { FormReading } from "./form";

/** A reading with everything a schedule needs but the position: market and settings, no problem. */
export interface CompleteReading extends FormReading {
  market: MarketInputs;
  settings: HedgeSettings;
}

/** The reading as complete, or undefined while the market or the settings are not valid. */
export function completeReading(reading: FormReading): CompleteReading | undefined {
  const { market, settings } = reading;
  if (!market || !settings || reading.general.length > 0) return undefined;
  return { ...reading, market, settings };
}

/**
 * The positions a schedule of the whole book covers: the saved ones, with the form's position
 * (saved or not) in place of the saved one of its label (labels match in any case).
 */
export function bookWith(saved: readonly Position[], position: Position | undefined): Position[] {
  const others = saved.filter((p) => p.label.toLowerCase() !== position?.label.toLowerCase());
  return position ? [...others, position] : others;
}

/** The positions the schedule (and the risk view) covers: the whole book, or the form's one. */
export function positionsInScope(
  saved: readonly Position[],
  position: Position | undefined,
  wholeBook: boolean
): Position[] {
  if (wholeBook) return bookWith(saved, position);
  return position ? [position] : [];
}

/** What `buildSchedulePlan` needs, for the form's reading and the book as the write finds it. */
export function scheduleRequest(
  reading: CompleteReading,
  saved: readonly Position[],
  wholeBook: boolean,
  computedAt: number,
  vixCloses?: readonly number[]
): SchedulePlanInput {
  const position = reading.position;
  // The form keeps Held among its numbers only when it is a valid count (see readForm).
  const held = reading.errors.has("held") ? undefined : reading.numbers.get("held");
  return {
    positions: bookWith(saved, position),
    scope: wholeBook || !position ? { kind: "book" } : { kind: "position", label: position.label },
    settings: reading.settings,
    market: reading.market,
    computedAt,
    vixCloses,
    ...(held === undefined ? {} : { held }),
  };
}
