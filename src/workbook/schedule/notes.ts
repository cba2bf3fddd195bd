/** The notes section: plain-language explanations of the sheet, also returned with the plan. */
import { DEFAULTS } from "../../core";
import { text } from "../cells";
import type { ResolvedSettings } from "../settings";
import type { Section } from "./section";

/** κ and θV of the futures estimate: the settings' own, said to be the trader's when not the defaults. */
function termText({ kappa, longRunVix }: ResolvedSettings): string {
  const fit = "a fit of Cboe's VIX closes 1990–2026";
  const source =
    kappa === DEFAULTS.kappa && longRunVix === DEFAULTS.longRunVix
      ? fit
      : `your settings; the defaults ${DEFAULTS.kappa} and ${DEFAULTS.longRunVix} are ${fit}`;
  return `κ ${kappa} a year and θV ${longRunVix} (${source})`;
}

export function scheduleNotes(count: number, settings: ResolvedSettings): string[] {
  const notes = [
    "Yellow cells are inputs: change them here and every formula recomputes, in Excel, Excel on the web or LibreOffice, without the add-in.",
    "Grey cells are model values computed by the add-in at the time at the top (Black–Scholes Greeks at each position's implied vol, the VIX expiry calendar" +
      (settings.instrument === "call"
        ? ", the VIX call priced with Black-76 on the VIX future"
        : "") +
      "); write the schedule again to refresh them.",
    "Exposure: max-loss method = max loss ÷ VIX rise at max loss; vega method = minus the position vega (a 1-point VIX rise taken as a 1-point rise in the condors' implied vol).",
    "Contracts = coverage × exposure ÷ (beta × hedge delta × multiplier); a value within 1e-9 of a whole number counts as that number before rounding. Whole contracts are rounded as the Rounding input says but never above the cap (contracts at the cap, rounded down): a layer may hold fewer contracts than its share, or 0 when one contract alone would hedge more than the cap; Coverage held says what the whole contracts really hedge.",
    "Direction: a short condor loses when VIX rises, so the hedge buys VIX. A book whose vega is positive (for example after SPX ran through a wing) gains when VIX rises: the vega method then gives it no hedge, and the Hedge direction line says so.",
    "VIX triggers are shown rounded up to the cent (15.0808 shows as 15.09), so a VIX print at the shown level does trigger the layer.",
    `The hedge month's future: the quoted one when you type it in, else an estimate from VIX's mean reversion, θV + (VIX − θV)·e^(−κ·days/365) with ${termText(settings)}. The estimate is statistical: quoted futures carry a risk premium and usually sit higher in calm markets, so the cost it implies is a lower bound. Beta (how far that future moves per point of spot VIX) is e^(−κ·days/365) unless you set your own: a 2–3-month future moves about 0.4–0.6 per point, so a beta of 1 would hedge about half the exposure meant.`,
    "The number of layer rows is fixed when the sheet is written: after changing Coverage per layer or Cap, write the schedule again.",
    "Estimated cost: for a VIX call, premium × multiplier × whole contracts at today's price; for a VIX future, the carry (future − VIX) × multiplier × contracts if VIX stays where it is: a cost in contango (future above VIX), a gain in backwardation (future below VIX, shown as a negative cost).",
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
