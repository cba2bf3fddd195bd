/** The notes section: plain-language explanations of the sheet, also returned with the plan. */
import { text } from "../cells";
import type { ResolvedSettings } from "../settings";
import type { Section } from "./section";

export function scheduleNotes(count: number, settings: ResolvedSettings): string[] {
  const notes = [
    "Yellow cells are inputs: change them here and every formula recomputes, in Excel, Excel on the web or LibreOffice, without the add-in.",
    "Grey cells are model values computed by the add-in at the time at the top (Black–Scholes Greeks at each position's implied vol, the VIX expiry calendar" +
      (settings.instrument === "call"
        ? ", the VIX call priced with Black-76 on the VIX future"
        : "") +
      "); write the schedule again to refresh them.",
    "Exposure: max-loss method = max loss ÷ VIX rise at max loss; vega method = minus the position vega (a 1-point VIX rise taken as a 1-point rise in the condors' implied vol).",
    "Contracts = coverage × |exposure| ÷ (beta × hedge delta × multiplier); a value within 1e-9 of a whole number counts as that number before rounding.",
    "The number of layer rows is fixed when the sheet is written: after changing Coverage per layer or Cap, write the schedule again.",
    "Estimated cost: for a VIX call, premium × multiplier × whole contracts at today's price; for a VIX future, the roll-down (future − VIX) × multiplier × contracts lost if VIX stays where it is.",
  ];
  if (count > 1) {
    notes.splice(
      2,
      0,
      "Book: figures add up the positions. The payoff is the sum of each condor's payoff at its own expiry; the break-evens are where that sum crosses zero (exact: it is linear between strikes). Max loss is the sum of the max losses, never less than the worst P&L of the combined payoff."
    );
  }
  return notes;
}

export const notesSection: Section = {
  id: "notes",
  build: ({ notes }) => ({
    blocks: [
      {
        id: "notes",
        row: 0,
        col: 0,
        cells: [[text("Notes", "section")], ...notes.map((n) => [text(n, "note")])],
      },
    ],
  }),
};
