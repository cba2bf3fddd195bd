/** The sheet's title, the action line under it, and the time its model values were computed at. */
import { actionFormula, actionText, nextTriggerFormula, nextTriggerText } from "../action";
import { FORMATS, formula, num, text } from "../cells";
import { layerColumn } from "./layers";
import { fieldsContent, type Section } from "./section";

export const titleSection: Section = {
  id: "title",
  build: ({ title }) => ({
    blocks: [{ id: "title", row: 0, col: 0, cells: [[text(title, "title")]] }],
  }),
};

/**
 * The action first (issue 18): what to hold and trade now, and where the next layer starts, as
 * live formulas over the sheet's own cells, with the contracts already held as an input.
 */
export const actionSection: Section = {
  id: "action",
  build: ({ input, settings, figures: f }, _frame, frames) => ({
    blocks: [
      {
        id: "action",
        row: 0,
        col: 0,
        cells: [
          [
            formula(
              actionFormula({
                target: "ALVH_WholeContracts",
                held: "ALVH_Held",
                expiry: "ALVH_HedgeExpiry",
                instrument: "ALVH_Instrument",
              }),
              actionText({
                target: f.wholeContracts,
                held: input.held ?? 0,
                expiry: f.hedge.expiry,
                instrument: settings.instrument,
              }),
              FORMATS.general,
              "section"
            ),
          ],
          [
            formula(
              nextTriggerFormula("ALVH_Layers", layerColumn(frames, "VIX trigger", f.rows.length)),
              nextTriggerText(f.rows),
              FORMATS.general
            ),
          ],
          [
            text("Hedge contracts held", "label"),
            num(input.held ?? 0, FORMATS.whole, "input"),
            text("already held for these positions: the line above says what to trade", "note"),
          ],
        ],
      },
    ],
    names: [
      {
        name: "ALVH_Held",
        row: 2,
        col: 1,
        comment: "Hedge contracts already held for the positions of the schedule",
      },
    ],
  }),
};

export const COMPUTED_AT_SECTION = "computed-at";

export const computedAtSection: Section = {
  id: COMPUTED_AT_SECTION,
  build: ({ input }) =>
    fieldsContent(COMPUTED_AT_SECTION, "Computed at", [
      {
        label: "Model values computed at",
        cell: num(input.computedAt, FORMATS.dateTime, "model"),
        note: "New York time. Greeks (to the 4 pm close), hedge expiry and VIX call figures do not recompute: write the schedule again to refresh them",
        name: "ALVH_ComputedAt",
      },
    ]),
};
