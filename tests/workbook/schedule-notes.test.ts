/**
 * The schedule's notes: the futures estimate's κ and θV are the settings the sheet uses, not the
 * defaults written into the text.
 */
import { describe, expect, it } from "vitest";
import type { HedgeSettings } from "../../src/workbook/model";
import { block } from "./helpers";
import { EXAMPLE, EXAMPLE_SETTINGS, examplePlan } from "./scenario-example";

function futureNote(settings: HedgeSettings): string {
  const plan = examplePlan([EXAMPLE], settings);
  const note = plan.notes.find((n) => n.startsWith("The hedge month's future"));
  if (!note) throw new Error("no note on the hedge month's future");
  const shown = block(plan, "notes").cells.flat();
  expect(shown).toContainEqual(expect.objectContaining({ kind: "text", text: note }));
  return note;
}

describe("the schedule's notes", () => {
  it("give the default κ and θV as the fit of Cboe's VIX closes", () => {
    expect(futureNote(EXAMPLE_SETTINGS)).toContain(
      "with κ 5.9 a year and θV 19.4 (a fit of Cboe's VIX closes 1990–2026)"
    );
  });

  it("give the trader's own κ and θV when set", () => {
    const note = futureNote({ ...EXAMPLE_SETTINGS, kappa: 3.25, longRunVix: 21 });
    expect(note).toContain("with κ 3.25 a year and θV 21 (your settings;");
    expect(note).not.toMatch(/κ 5\.9 a year|θV 19\.4 \(a fit/);
  });
});
