/** The sheet's title and the time its model values were computed at. */
import { FORMATS, num, text } from "../cells";
import { fieldsContent, type Section } from "./section";

export const titleSection: Section = {
  id: "title",
  build: ({ title }) => ({
    blocks: [{ id: "title", row: 0, col: 0, cells: [[text(title, "title")]] }],
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
