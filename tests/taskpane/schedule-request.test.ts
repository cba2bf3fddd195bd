/** The pure way from the form's reading to the schedule's input (src/taskpane/schedule-request.ts). */
import { describe, expect, it } from "vitest";
import type { FormReading } from "../../src/taskpane/form";
import {
  completeReading,
  positionsInScope,
  scheduleRequest,
} from "../../src/taskpane/schedule-request";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { makePosition } from "../workbook/helpers";

const market = { spot: 5712.5, vix: 18 };
const reading = (extra: Partial<FormReading> = {}): FormReading => ({
  errors: new Map(),
  general: [],
  numbers: new Map(),
  ...extra,
});

describe("scheduleRequest", () => {
  it("is complete only with market and settings and no general problem", () => {
    expect(completeReading(reading({ market }))).toBeUndefined();
    expect(completeReading(reading({ settings: DEFAULT_SETTINGS }))).toBeUndefined();
    expect(
      completeReading(reading({ market, settings: DEFAULT_SETTINGS, general: ["bad"] }))
    ).toBeUndefined();
    expect(completeReading(reading({ market, settings: DEFAULT_SETTINGS }))).toMatchObject({
      market,
      settings: DEFAULT_SETTINGS,
    });
  });

  it("puts the form's position in place of the saved one of its label, any case", () => {
    const saved = [makePosition("A"), makePosition("b", { contracts: 2 })];
    const form = makePosition("B", { contracts: 5 });
    const complete = completeReading(
      reading({ market, settings: DEFAULT_SETTINGS, position: form })
    )!;
    const whole = scheduleRequest(complete, saved, true, 46000.5);
    expect(whole.positions.map((p) => [p.label, p.contracts])).toEqual([
      ["A", 1],
      ["B", 5],
    ]);
    expect(whole.scope).toEqual({ kind: "book" });
    expect(whole.computedAt).toBe(46000.5);
    expect(scheduleRequest(complete, saved, false, 46000.5).scope).toEqual({
      kind: "position",
      label: "B",
    });
    expect(positionsInScope(saved, form, false)).toEqual([form]);
    expect(positionsInScope(saved, undefined, false)).toEqual([]);
  });

  it("is the whole saved book when the form holds no position", () => {
    const saved = [makePosition("A")];
    const complete = completeReading(reading({ market, settings: DEFAULT_SETTINGS }))!;
    expect(scheduleRequest(complete, saved, false, 46000).scope).toEqual({ kind: "book" });
  });

  it("passes the hedge contracts held on to the schedule, when Held is a valid count", () => {
    const complete = (numbers: [string, number][], errors: [string, string][] = []) =>
      completeReading(
        reading({
          market,
          settings: DEFAULT_SETTINGS,
          numbers: new Map(numbers),
          errors: new Map(errors),
        })
      )!;
    expect(scheduleRequest(complete([["held", 3]]), [], true, 46000).held).toBe(3);
    expect(scheduleRequest(complete([["held", 0]]), [], true, 46000).held).toBe(0);
    expect(scheduleRequest(complete([]), [], true, 46000)).not.toHaveProperty("held");
    const refused = complete([["held", 2]], [["held", "Held must be a whole number"]]);
    expect(scheduleRequest(refused, [], true, 46000)).not.toHaveProperty("held");
  });
});
