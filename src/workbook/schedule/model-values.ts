/**
 * The model values section: figures the add-in's models compute at `computedAt` (Greeks summed
 * over the positions block, the rate, the hedge's expiry and, for a VIX call, its strike and vol).
 */
import { FORMATS, formula, num } from "../cells";
import { positionColumn, type PositionHeader } from "./positions";
import {
  fieldsContent,
  type Field,
  type Frames,
  type Section,
  type SectionContext,
} from "./section";

function modelFields({ settings, figures: f, positions }: SectionContext, frames: Frames): Field[] {
  const column = (header: PositionHeader): string =>
    positionColumn(frames, header, positions.length);
  const fields: Field[] = [
    {
      label: "Position delta",
      cell: formula(`=SUM(${column("Delta")})`, f.delta, "0.00"),
      note: "SPX-share equivalents",
      name: "ALVH_Delta",
    },
    {
      label: "Position gamma",
      cell: formula(`=SUM(${column("Gamma")})`, f.gamma, FORMATS.greek),
      note: "per SPX point",
      name: "ALVH_Gamma",
    },
    {
      label: "Position vega",
      cell: formula(`=SUM(${column("Vega ($)")})`, f.vega, FORMATS.dollars),
      note: "$ per vol point",
      name: "ALVH_Vega",
    },
    {
      label: "Position theta",
      cell: formula(`=SUM(${column("Theta ($)")})`, f.theta, FORMATS.dollars),
      note: "$ per calendar day",
      name: "ALVH_Theta",
    },
    {
      label: "Cost to close",
      cell: formula(`=SUM(${column("Cost to close ($)")})`, f.closeCost, FORMATS.dollars),
      note: "$ debit to close at model prices",
      name: "ALVH_CloseCost",
    },
    {
      label: "Rate",
      cell: num(settings.rate, "0.00%", "model"),
      note: "risk-free rate used by the models",
      name: "ALVH_Rate",
    },
    {
      label: "Hedge expiry",
      cell: num(f.hedge.expiry, FORMATS.date, "model"),
      note: "first VIX expiry after the book's last expiry",
      name: "ALVH_HedgeExpiry",
    },
    {
      label: "Days to hedge expiry",
      cell: num(f.hedge.dte, FORMATS.days, "model"),
      note: "calendar days to the 9:30 am (New York) settlement",
      name: "ALVH_HedgeDays",
    },
  ];
  if (f.hedge.call) {
    fields.push(
      {
        label: "VIX call strike",
        cell: num(f.hedge.call.strike, FORMATS.vix, "model"),
        note:
          settings.callStrike === undefined
            ? "first whole strike at or above the VIX future"
            : "set in the settings",
        name: "ALVH_CallStrike",
      },
      {
        label: "VIX call vol",
        cell: num(f.hedge.call.vol, FORMATS.vol, "model"),
        note: "implied vol of VIX options used to price the call",
        name: "ALVH_CallVol",
      }
    );
  }
  return fields;
}

export const modelValuesSection: Section = {
  id: "model",
  build: (ctx, _frame, frames) =>
    fieldsContent("model", "Model values (computed at the time above)", modelFields(ctx, frames)),
};
