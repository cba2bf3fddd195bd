/**
 * What an action needs of the form, as pure functions of its reading: a save needs the position,
 * a whole-book schedule from the saved positions needs the market and settings ("market"), a
 * schedule with the form's position needs all. Only the fields an action needs turn red for it.
 */
import { FIELDS, initialValues, POSITION_FIELD_IDS, type FormValues } from "./fields";
import type { FormReading } from "./form";
import { completeReading } from "./schedule-request";

export type Need = "position" | "market" | "all";

const isPosition = (id: string): boolean => POSITION_FIELD_IDS.includes(id);

/** The ids of the fields an action that needs `need` checks, in form order. */
export function neededFields(need: Need): string[] {
  return FIELDS.map((f) => f.id).filter((id) =>
    need === "all" ? true : need === "position" ? isPosition(id) : !isPosition(id)
  );
}

/**
 * Why the reading cannot serve the action: the fields in error it needs, and as many inputs to fix
 * as messages shown (the fields' and, unless only the position is needed, the messages about
 * inputs the form has no field for); undefined when it can.
 */
export function blockers(
  reading: FormReading,
  need: Need
): { fields: string[]; count: number } | undefined {
  const needed = new Set(neededFields(need));
  const fields = [...reading.errors.keys()].filter((id) => needed.has(id));
  const ready = {
    position: reading.position !== undefined,
    market: completeReading(reading) !== undefined,
  };
  const complete = need === "all" ? ready.position && ready.market : ready[need];
  if (fields.length === 0 && complete) return undefined;
  const count = fields.length + (need === "position" ? 0 : reading.general.length) || 1;
  return { fields, count };
}

/** Whether the position fields are as a new form has them (a whole-book schedule ignores them). */
export function positionUntouched(values: FormValues): boolean {
  const untouched = initialValues();
  return POSITION_FIELD_IDS.every((id) => (values[id] ?? "") === (untouched[id] ?? ""));
}
