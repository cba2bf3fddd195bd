/** The inputs section: every value the trader may edit in the sheet, each a defined name. */
import { DEFAULTS } from "../../core";
import { FORMATS, formula, num, text } from "../cells";
import { fieldsContent, type Field, type Section, type SectionContext } from "./section";

/** SPEC §3.7: the estimated future as a formula over the VIX, θV, κ and days cells. */
const ESTIMATED_FUTURE =
  "=ALVH_LongRunVix+(ALVH_VIX-ALVH_LongRunVix)*EXP(-ALVH_Kappa*ALVH_HedgeDays/365)";

/** The hedge month's future: quoted when the trader entered one, else the estimate. */
function futureField({ figures: f }: SectionContext): Field {
  const { call, estimated, future } = f.hedge;
  const field = { label: "VIX future", name: "ALVH_VixFuture" };
  if (!estimated) {
    return call
      ? {
          ...field,
          cell: num(future, FORMATS.vix, "model"),
          note: "quoted future the VIX call was priced at (model input)",
        }
      : {
          ...field,
          cell: num(future, FORMATS.vix, "input"),
          note: "quoted price of the hedge month's future",
        };
  }
  const caveat =
    "estimate: θV + (VIX − θV)·e^(−κ·days/365), statistical; quoted futures carry a risk premium, so the cost it implies is a lower bound";
  return call
    ? {
        ...field,
        cell: num(future, FORMATS.vix, "model"),
        note: `${caveat} (the VIX call was priced at it; model input)`,
      }
    : {
        ...field,
        cell: formula(ESTIMATED_FUTURE, future, FORMATS.vix),
        note: `${caveat}; type the quoted future over it`,
      };
}

function inputFields(ctx: SectionContext): Field[] {
  const { input, settings, figures: f } = ctx;
  const call = f.hedge.call;
  // κ and θV are inputs where a formula reads them: the estimated future, the default beta.
  const futureFormula = f.hedge.estimated && !call;
  const kappaStyle = settings.beta === undefined || futureFormula ? "input" : "model";
  const longRunStyle = futureFormula ? "input" : "model";
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
    futureField(ctx),
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
      label: "Kappa (κ)",
      cell: num(settings.kappa, "0.00", kappaStyle),
      note: `VIX mean reversion per year (default ${DEFAULTS.kappa}: AR(1) fit of Cboe's VIX closes 1990–2026)`,
      name: "ALVH_Kappa",
    },
    {
      label: "Long-run VIX (θV)",
      cell: num(settings.longRunVix, FORMATS.vix, longRunStyle),
      note: `the level VIX reverts to (default ${DEFAULTS.longRunVix}: Cboe's VIX mean 1990–2026)`,
      name: "ALVH_LongRunVix",
    },
    settings.beta === undefined
      ? {
          label: "Beta",
          cell: formula("=EXP(-ALVH_Kappa*ALVH_HedgeDays/365)", f.hedge.beta, "0.000"),
          note: "e^(−κ·days/365): how far the hedge month's future moves per point of spot VIX; type your own to set it",
          name: "ALVH_Beta",
        }
      : {
          label: "Beta",
          cell: num(settings.beta, "0.00", "input"),
          note: "hedge move per 1-point move of spot VIX (set in the settings)",
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
          note: "carry (future − VIX) if VIX stays where it is: contango a cost, backwardation (negative) a gain",
          name: "ALVH_UnitCost",
        },
    ...(f.hedge.carry === null ? [] : [carryField(f.hedge.carry, f.hedge.estimated)]),
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

/** The carry in words, as the engine's carryText says it, recomputed when VIX or the future moves. */
function carryField(carry: string, estimated: boolean): Field {
  const dollars = 'TEXT(ROUND(ABS(ALVH_UnitCost)*ALVH_Multiplier,0),"#,##0")';
  const suffix = estimated ? ESTIMATE_SUFFIX : "";
  return {
    label: "Carry",
    cell: formula(
      `=IF(ROUND(ABS(ALVH_UnitCost)*ALVH_Multiplier,0)=0,"no carry: the future is at the VIX ("&ALVH_VIX&")",` +
        `IF(ALVH_UnitCost>0,"contango: costs $","backwardation: gains $")&${dollars}&" per contract if VIX stays at "&ALVH_VIX)` +
        (suffix ? `&"${suffix}"` : ""),
      carry + suffix,
      FORMATS.general
    ),
    note: "per contract, what holding the hedge costs (or gains) if VIX stays where it is",
    name: "ALVH_Carry",
  };
}

const ESTIMATE_SUFFIX = " (estimated future: a lower bound)";

export const inputsSection: Section = {
  id: "inputs",
  build: (ctx) =>
    fieldsContent("inputs", "Inputs (edit here: every formula recomputes)", inputFields(ctx)),
};
