/** The inputs section: every value the trader may edit in the sheet, each a defined name. */
import { DEFAULTS } from "../../core";
import { FORMATS, formula, num, text } from "../cells";
import { fieldsContent, type Field, type Section, type SectionContext } from "./section";

function inputFields({ input, settings, figures: f }: SectionContext): Field[] {
  const call = f.hedge.call;
  return [
    {
      label: "Spot (SPX)",
      cell: num(input.market.spot, FORMATS.points, "input"),
      note: "index points",
      name: "ALVH_Spot",
    },
    {
      label: "VIX",
      cell: num(input.market.vix, FORMATS.vix, "input"),
      note: "VIX points",
      name: "ALVH_VIX",
    },
    call
      ? {
          label: "VIX future",
          cell: num(f.hedge.future, FORMATS.vix, "model"),
          note: "the future the VIX call was priced at (VIX when not given; model input)",
          name: "ALVH_VixFuture",
        }
      : {
          label: "VIX future",
          cell: num(f.hedge.future, FORMATS.vix, "input"),
          note: "price of the VIX future the hedge follows (VIX when not given)",
          name: "ALVH_VixFuture",
        },
    {
      label: "Threshold",
      cell: num(settings.threshold, FORMATS.edr, "input"),
      note: "EDR (%) at which layer 1 starts",
      name: "ALVH_Threshold",
    },
    {
      label: "Step",
      cell: num(settings.step, FORMATS.edr, "input"),
      note: "EDR (%) between layers",
      name: "ALVH_Step",
    },
    {
      label: "Coverage per layer",
      cell: num(settings.perLayer, FORMATS.fraction, "input"),
      note: "share of the exposure each layer hedges",
      name: "ALVH_PerLayer",
    },
    {
      label: "Cap",
      cell: num(settings.cap, FORMATS.fraction, "input"),
      note: "most of the exposure ever hedged",
      name: "ALVH_Cap",
    },
    {
      label: "Annual days",
      cell: num(settings.annualDays, FORMATS.whole, "input"),
      note: "EDR = bias × VIX ÷ √(annual days)",
      name: "ALVH_AnnualDays",
    },
    {
      label: "Bias",
      cell: num(settings.bias, "0.00", "input"),
      note: "the methodology's empirical bias factor",
      name: "ALVH_Bias",
    },
    {
      label: "Exposure method",
      cell: text(settings.exposureMethod, "input"),
      note: "maxLoss or vega",
      name: "ALVH_Method",
    },
    {
      label: "VIX rise at max loss",
      cell: num(settings.vixRise, FORMATS.vix, "input"),
      note: "VIX points at which the book is expected to reach max loss",
      name: "ALVH_VixRise",
    },
    {
      // Chosen in the task pane: the hedge delta, multiplier and cost below follow from it.
      label: "Hedge instrument",
      cell: text(settings.instrument, "model"),
      note: "future or call (set in the task pane)",
      name: "ALVH_Instrument",
    },
    {
      label: "Beta",
      cell: num(settings.beta, "0.00", "input"),
      note: "hedge move per 1-point move of spot VIX",
      name: "ALVH_Beta",
    },
    call
      ? {
          label: "Hedge delta",
          cell: num(call.delta, FORMATS.greek, "model"),
          note: "Black-76 delta of the VIX call (model value)",
          name: "ALVH_HedgeDelta",
        }
      : {
          label: "Hedge delta",
          cell: num(f.hedge.delta, FORMATS.greek, "input"),
          note: "1 for a future",
          name: "ALVH_HedgeDelta",
        },
    {
      label: "Hedge multiplier",
      cell: num(f.hedge.multiplier, FORMATS.whole, "input"),
      note: "$ per VIX point per contract",
      name: "ALVH_Multiplier",
    },
    call
      ? {
          label: "Hedge cost per unit",
          cell: num(call.price, FORMATS.vix, "model"),
          note: "VIX call premium, Black-76 (model value)",
          name: "ALVH_UnitCost",
        }
      : {
          label: "Hedge cost per unit",
          cell: formula("=ALVH_VixFuture-ALVH_VIX", f.hedge.unitCost, FORMATS.vix),
          note: "roll-down (future − VIX) lost if VIX stays where it is",
          name: "ALVH_UnitCost",
        },
    {
      label: "Rounding",
      cell: text(settings.rounding, "input"),
      note: "up, nearest or down",
      name: "ALVH_Rounding",
    },
    {
      // A contract constant, not an input: the model figures (Greeks, cost to close) use it too.
      label: "SPX multiplier",
      cell: num(DEFAULTS.spxMultiplier, FORMATS.whole, "model"),
      note: "$ per SPX point per contract (SPX options)",
      name: "ALVH_SpxMultiplier",
    },
  ];
}

export const inputsSection: Section = {
  id: "inputs",
  build: (ctx) =>
    fieldsContent("inputs", "Inputs (edit here: every formula recomputes)", inputFields(ctx)),
};
