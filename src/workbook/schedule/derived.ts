/**
 * The derived figures: native formulas over the inputs, the model values, the positions block and
 * the payoff data, each a defined name the layer table and the charts read.
 */
import { FORMATS, formula } from "../cells";
import { pnlAtFormula } from "./chart-data";
import { payoffRefsOf } from "./charts";
import { heldFormula, wholeFormula } from "./layers";
import {
  lowerBreakEvenFormula,
  positionCell,
  positionColumn,
  upperBreakEvenFormula,
  type PositionHeader,
} from "./positions";
import {
  fieldsContent,
  type Field,
  type Frames,
  type Section,
  type SectionContext,
} from "./section";

/** What the direction line says when the book loses on a VIX rise. */
const HEDGE_APPLIES = "hedge: the book loses when VIX rises";

/** EDR steps above the threshold, (e − θ)/s, as the layer count formula reads it. */
const STEPS = "((ALVH_EDR-ALVH_Threshold)/ALVH_Step)";

function derivedFields(ctx: SectionContext, frames: Frames): Field[] {
  const f = ctx.figures;
  const count = ctx.positions.length;
  const payoff = payoffRefsOf(ctx, frames);
  const first = (header: PositionHeader): string => positionCell(frames, header, 0);
  const beNote =
    count === 1
      ? "short strike ∓ credit; none where the credit covers the wing (that side never loses)"
      : "where the book's payoff at expiry crosses zero";
  const none = (value: number | null): number | string => value ?? "none";
  const lower =
    count === 1
      ? formula(
          lowerBreakEvenFormula(first("Long put"), first("Short put"), first("Credit")),
          none(f.lowerBreakEven),
          FORMATS.points
        )
      : formula(
          `=IF(COUNT(${payoff.upRange})=0,"none",MIN(${payoff.upRange}))`,
          none(f.lowerBreakEven),
          FORMATS.points
        );
  const upper =
    count === 1
      ? formula(
          upperBreakEvenFormula(first("Short call"), first("Long call"), first("Credit")),
          none(f.upperBreakEven),
          FORMATS.points
        )
      : formula(
          `=IF(COUNT(${payoff.downRange})=0,"none",MAX(${payoff.downRange}))`,
          none(f.upperBreakEven),
          FORMATS.points
        );
  return [
    { label: "Lower break-even", cell: lower, note: beNote, name: "ALVH_LowerBE" },
    { label: "Upper break-even", cell: upper, note: beNote, name: "ALVH_UpperBE" },
    {
      label: "Max profit",
      cell: formula(
        `=SUM(${positionColumn(frames, "Max profit ($)", count)})`,
        f.maxProfit,
        FORMATS.dollars
      ),
      note: "$, credit kept",
      name: "ALVH_MaxProfit",
    },
    {
      label: "Max loss",
      cell: formula(
        `=SUM(${positionColumn(frames, "Max loss ($)", count)})`,
        f.maxLoss,
        FORMATS.dollars
      ),
      note:
        count === 1
          ? "$, wider wing less credit: the notional risk layers cover"
          : "$, sum of the positions' max losses: the notional risk layers cover",
      name: "ALVH_MaxLoss",
    },
    {
      label: "Worst P&L at expiry",
      cell: formula(`=MIN(${payoff.pnlRange})`, f.worst, FORMATS.dollars),
      note: "$, lowest point of the payoff chart",
      name: "ALVH_WorstPnl",
    },
    {
      label: "Best P&L at expiry",
      cell: formula(`=MAX(${payoff.pnlRange})`, f.best, FORMATS.dollars),
      note: "$, highest point of the payoff chart",
      name: "ALVH_BestPnl",
    },
    {
      label: "P&L at expiry, SPX at spot",
      cell: formula(pnlAtFormula(ctx, frames, "ALVH_Spot"), f.pnlAtSpot, FORMATS.dollars),
      note: "$, if SPX ends where it is now",
      name: "ALVH_PnlAtSpot",
    },
    {
      label: "EDR",
      cell: formula("=ALVH_Bias*ALVH_VIX/SQRT(ALVH_AnnualDays)", f.edr, FORMATS.edr),
      note: "expected daily range, % of SPX",
      name: "ALVH_EDR",
    },
    {
      label: "Expected daily move",
      cell: formula(
        "=ALVH_Spot*ALVH_VIX/100*SQRT(1/ALVH_AnnualDays)",
        f.expectedMove,
        FORMATS.points
      ),
      note: "SPX points, one day",
      name: "ALVH_ExpectedMove",
    },
    {
      label: "Active layers",
      // Steps above the threshold decided as the engine's activeLayers does: a count within 1e-9
      // of a whole number is that number ((0.95 − 0.90)/0.05 is 0.9999999999999991 in binary).
      cell: formula(
        `=IF(ABS(${STEPS}-ROUND(${STEPS},0))<=1E-9,MAX(0,ROUND(${STEPS},0)+1),IF(${STEPS}<0,0,INT(${STEPS})+1))`,
        f.layers,
        FORMATS.whole
      ),
      note: "one more every Step of EDR from the Threshold",
      name: "ALVH_Layers",
    },
    {
      label: "Active layers, against the schedule",
      cell: formula(
        '=IF(ALVH_Layers>ROWS(ALVH_LayerTable),ALVH_Layers&" (cap reached at "&ROWS(ALVH_LayerTable)&")",ALVH_Layers&"")',
        f.activeLayersText,
        FORMATS.general
      ),
      note: "beyond the table's last layer the cap holds the coverage where it is",
      name: "ALVH_LayersText",
    },
    {
      label: "Coverage",
      cell: formula("=MIN(ALVH_Layers*ALVH_PerLayer,ALVH_Cap)", f.coverage, FORMATS.fraction),
      note: "share of the exposure hedged now",
      name: "ALVH_Coverage",
    },
    {
      label: "Exposure, max-loss method",
      cell: formula("=ALVH_MaxLoss/ALVH_VixRise", f.exposureMaxLoss, FORMATS.dollars),
      note: "$ lost per VIX point: max loss ÷ VIX rise at max loss",
      name: "ALVH_ExposureMaxLoss",
    },
    {
      label: "Exposure, vega method",
      cell: formula("=-ALVH_Vega", f.exposureVega, FORMATS.dollars),
      note: "$ lost per VIX point: minus the position vega",
      name: "ALVH_ExposureVega",
    },
    {
      label: "Exposure",
      cell: formula(
        '=IF(ALVH_Method="vega",ALVH_ExposureVega,ALVH_ExposureMaxLoss)',
        f.exposure,
        FORMATS.dollars
      ),
      note: "the one the Exposure method picks",
      name: "ALVH_Exposure",
    },
    {
      // SPEC §3.5 direction: a book that gains on a VIX rise (positive vega) gets no hedge.
      label: "Hedged exposure",
      cell: formula("=MAX(ALVH_Exposure,0)", f.hedgedExposure, FORMATS.dollars),
      note: "the exposure, or 0 when a VIX rise helps the book",
      name: "ALVH_HedgedExposure",
    },
    {
      label: "Hedge direction",
      cell: formula(
        '=IF(ALVH_Exposure<0,"no hedge: the book gains about $"&TEXT(ROUND(-ALVH_Exposure,0),"#,##0")&' +
          '" per VIX point (its vega is positive), so a VIX rise helps it and buying VIX would add risk",' +
          `"${HEDGE_APPLIES}")`,
        f.noHedge ?? HEDGE_APPLIES,
        FORMATS.general
      ),
      note: "a short condor loses when VIX rises: the hedge buys VIX",
      name: "ALVH_Direction",
    },
    {
      label: "Hedge contracts now (exact)",
      cell: formula(
        "=ALVH_Coverage*ALVH_HedgedExposure/(ALVH_Beta*ALVH_HedgeDelta*ALVH_Multiplier)",
        f.contracts,
        FORMATS.exact
      ),
      note: "coverage × hedged exposure ÷ (beta × hedge delta × multiplier)",
      name: "ALVH_Contracts",
    },
    {
      label: "Contracts at the cap (exact)",
      cell: formula(
        "=ALVH_Cap*ALVH_HedgedExposure/(ALVH_Beta*ALVH_HedgeDelta*ALVH_Multiplier)",
        f.capContracts,
        FORMATS.exact
      ),
      note: "whole contracts never exceed this, rounded down",
      name: "ALVH_CapContracts",
    },
    {
      label: "Hedge contracts now (whole)",
      cell: formula(wholeFormula("ALVH_Contracts"), f.wholeContracts, FORMATS.whole),
      note: "rounded as the Rounding input says, never above the cap",
      name: "ALVH_WholeContracts",
    },
    {
      label: "Coverage held now",
      cell: formula(heldFormula("ALVH_WholeContracts"), f.heldCoverage, FORMATS.fraction),
      note: "share of the exposure the whole contracts actually hedge",
      name: "ALVH_HeldCoverage",
    },
    {
      label: "Hedge expiry",
      cell: formula("=ALVH_HedgeExpiry", f.hedge.expiry, FORMATS.date),
      note: "after the book's last expiry (time-shifting)",
    },
  ];
}

export const derivedSection: Section = {
  id: "derived",
  build: (ctx, _frame, frames) =>
    fieldsContent("derived", "Derived figures (native formulas)", derivedFields(ctx, frames)),
};
