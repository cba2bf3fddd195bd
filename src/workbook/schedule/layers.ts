/**
 * The layer table: one row per layer with its triggers, coverage, contracts and cost, the
 * `ALVH_LayerTable` name over its rows, and the rule that highlights the active layers.
 */
import { EMPTY, FORMATS, formula, num, text } from "../cells";
import type { HedgeFigures } from "../figures";
import type { PlanCell } from "../plan";
import { columnOf, tableHead, type Frame, type Frames, type Section } from "./section";

const LAYERS_SECTION = "layers";

export const LAYER_HEADERS = [
  "Layer",
  "EDR trigger (%)",
  "VIX trigger",
  "Cumulative coverage",
  "Added coverage",
  "Exact contracts",
  "Whole contracts, this layer",
  "Whole contracts, cumulative",
  "Coverage held",
  "Hedge expiry",
  "Est. cost ($)",
  "Cost is",
  "Status",
  "Note",
] as const;

export type LayerHeader = (typeof LAYER_HEADERS)[number];

/** Relative row of layer 1 (below the heading and the header row). */
const FIRST = 2;

/**
 * Whole contracts as the engine's `wholeContractsWithinCap` decides them (SPEC §3.5): an exact
 * count within 1e-9 of a whole number counts as that number (0.5·4800/(0.6·1000) is 4, not 5),
 * otherwise the Rounding input decides; never above ⌊cap contracts + 1e-9⌋ (ALVH_CapContracts),
 * so rounding up never breaks the cap; an exact 0 is 0.
 */
export function wholeFormula(ref: string): string {
  const rounded =
    `IF(ABS(${ref}-ROUND(${ref},0))<=1E-9,ROUND(${ref},0),IF(ALVH_Rounding="down",ROUNDDOWN(${ref},0),` +
    `IF(ALVH_Rounding="nearest",ROUND(${ref},0),ROUNDUP(${ref},0))))`;
  return `=IF(${ref}=0,0,MIN(${rounded},ROUNDDOWN(ALVH_CapContracts+1E-9,0)))`;
}

/** The coverage `whole` contracts give: whole·β·Δh·mh ÷ the hedged exposure (0 with none). */
export function heldFormula(whole: string): string {
  return `=IF(ALVH_HedgedExposure=0,0,${whole}*ALVH_Beta*ALVH_HedgeDelta*ALVH_Multiplier/ALVH_HedgedExposure)`;
}

/** The layer cost in words, as figures.ts's costKind says it. */
function costKindFormula(cost: string, hedge: HedgeFigures): string {
  const estimate = hedge.estimated ? " (estimate, a lower bound)" : "";
  const positive = hedge.call ? "premium" : "contango cost";
  const negative = hedge.call ? "premium" : "backwardation gain";
  return `=IF(${cost}=0,"none",IF(${cost}>0,"${positive}${estimate}","${negative}${estimate}"))`;
}

function layerRef(frame: Frame, header: LayerHeader, i: number): string {
  return frame.cell(FIRST + i, columnOf(LAYER_HEADERS, header));
}

/** Relative reference ("D55") to `header` of the `i`-th layer row (0 is layer 1). */
export function layerCell(frames: Frames, header: LayerHeader, i: number): string {
  return layerRef(frames.of(LAYERS_SECTION), header, i);
}

/** Relative range ("C55:C58") of `header` over the `rows` layer rows. */
export function layerColumn(frames: Frames, header: LayerHeader, rows: number): string {
  return frames.of(LAYERS_SECTION).column(columnOf(LAYER_HEADERS, header), FIRST, rows);
}

export const layersSection: Section = {
  id: LAYERS_SECTION,
  build: ({ figures: f }, frame) => {
    const rows = f.rows.map((layer, i): PlanCell[] => {
      const ref = (header: LayerHeader, at = i): string => layerRef(frame, header, at);
      const cumulative = ref("Cumulative coverage");
      const cells: Record<LayerHeader, PlanCell> = {
        Layer: num(layer.layer, FORMATS.whole),
        "EDR trigger (%)": formula(
          `=ROUND(ALVH_Threshold+(${ref("Layer")}-1)*ALVH_Step,10)`,
          layer.edrTrigger,
          FORMATS.edr
        ),
        // Shown rounded up at 2 decimals (SPEC §3.5 display: a print at 15.09 must trigger the
        // layer at 15.0808); rounded to 10 places first so 15.08 exactly stays 15.08.
        "VIX trigger": formula(
          `=ROUNDUP(ROUND(${ref("EDR trigger (%)")}*SQRT(ALVH_AnnualDays)/ALVH_Bias,10),2)`,
          layer.shownVixTrigger,
          FORMATS.vix
        ),
        "Cumulative coverage": formula(
          `=MIN(${ref("Layer")}*ALVH_PerLayer,ALVH_Cap)`,
          layer.cumulativeCoverage,
          FORMATS.fraction
        ),
        "Added coverage": formula(
          i === 0 ? `=${cumulative}` : `=${cumulative}-${ref("Cumulative coverage", i - 1)}`,
          layer.addedCoverage,
          FORMATS.fraction
        ),
        "Exact contracts": formula(
          `=${cumulative}*ALVH_HedgedExposure/(ALVH_Beta*ALVH_HedgeDelta*ALVH_Multiplier)`,
          layer.exactContracts,
          FORMATS.exact
        ),
        // Bought when the layer starts: the trader's order, beside the running total to hold.
        "Whole contracts, this layer": formula(
          i === 0
            ? `=${ref("Whole contracts, cumulative")}`
            : `=${ref("Whole contracts, cumulative")}-${ref("Whole contracts, cumulative", i - 1)}`,
          i === 0 ? layer.whole : layer.whole - f.rows[i - 1].whole,
          FORMATS.whole
        ),
        "Whole contracts, cumulative": formula(
          wholeFormula(ref("Exact contracts")),
          layer.whole,
          FORMATS.whole
        ),
        "Coverage held": formula(
          heldFormula(ref("Whole contracts, cumulative")),
          layer.heldCoverage,
          FORMATS.fraction
        ),
        "Hedge expiry": formula("=ALVH_HedgeExpiry", f.hedge.expiry, FORMATS.date),
        "Est. cost ($)": formula(
          `=${ref("Whole contracts, cumulative")}*ALVH_UnitCost*ALVH_Multiplier`,
          layer.cost,
          FORMATS.dollars
        ),
        "Cost is": formula(
          costKindFormula(ref("Est. cost ($)"), f.hedge),
          layer.costKind,
          FORMATS.general
        ),
        Status: formula(
          `=IF(${ref("Layer")}<=ALVH_Layers,"active",IF(${ref("Layer")}=ALVH_Layers+1,"next",""))`,
          layer.status,
          FORMATS.general
        ),
        Note: layer.zeroReason ? text(`holds 0: ${layer.zeroReason}`, "note") : EMPTY,
      };
      return LAYER_HEADERS.map((header) => cells[header]);
    });
    const layerCol = columnOf(LAYER_HEADERS, "Layer");
    return {
      blocks: [
        { id: "layers", row: 0, col: 0, cells: [...tableHead("Layers", LAYER_HEADERS), ...rows] },
      ],
      names: [
        {
          name: "ALVH_LayerTable",
          row: FIRST,
          col: 0,
          rows: f.rows.length,
          cols: LAYER_HEADERS.length,
          comment: "The layer rows of the schedule",
        },
      ],
      conditionalFormats: [
        {
          id: "active-layers",
          row: FIRST,
          col: 0,
          rows: f.rows.length,
          cols: LAYER_HEADERS.length,
          formula: `=$${frame.letter(layerCol)}${frame.row + FIRST + 1}<=ALVH_Layers`,
          fill: "#C6EFCE",
          fontColor: "#006100",
        },
      ],
    };
  },
};
