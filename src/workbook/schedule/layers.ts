/**
 * The layer table: one row per layer with its triggers, coverage, contracts and cost, the
 * `ALVH_LayerTable` name over its rows, and the rule that highlights the active layers.
 */
import { FORMATS, formula, num } from "../cells";
import type { PlanCell } from "../plan";
import { columnOf, tableHead, type Frame, type Frames, type Section } from "./section";

export const LAYERS_SECTION = "layers";

export const LAYER_HEADERS = [
  "Layer",
  "EDR trigger (%)",
  "VIX trigger",
  "Cumulative coverage",
  "Added coverage",
  "Exact contracts",
  "Whole contracts",
  "Hedge expiry",
  "Est. cost ($)",
  "Status",
] as const;

export type LayerHeader = (typeof LAYER_HEADERS)[number];

/** Relative row of layer 1 (below the heading and the header row). */
const FIRST = 2;

/**
 * Rounds an exact contract count the way the engine's `wholeContracts` does: a value within 1e-9
 * of a whole number counts as that number (0.5·4800/(0.6·1000) is 4, not 5), otherwise the
 * Rounding input decides.
 */
export function wholeFormula(ref: string): string {
  return (
    `=IF(ABS(${ref}-ROUND(${ref},0))<=1E-9,ROUND(${ref},0),IF(ALVH_Rounding="down",ROUNDDOWN(${ref},0),` +
    `IF(ALVH_Rounding="nearest",ROUND(${ref},0),ROUNDUP(${ref},0))))`
  );
}

function layerRef(frame: Frame, header: LayerHeader, i: number): string {
  return frame.cell(FIRST + i, columnOf(LAYER_HEADERS, header));
}

/** Relative reference ("D55") to `header` of the `i`-th layer row (0 is layer 1). */
export function layerCell(frames: Frames, header: LayerHeader, i: number): string {
  return layerRef(frames.of(LAYERS_SECTION), header, i);
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
        "VIX trigger": formula(
          `=${ref("EDR trigger (%)")}*SQRT(ALVH_AnnualDays)/ALVH_Bias`,
          layer.vixTrigger,
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
          `=${cumulative}*ABS(ALVH_Exposure)/(ALVH_Beta*ALVH_HedgeDelta*ALVH_Multiplier)`,
          layer.exactContracts,
          FORMATS.exact
        ),
        "Whole contracts": formula(
          wholeFormula(ref("Exact contracts")),
          layer.whole,
          FORMATS.whole
        ),
        "Hedge expiry": formula("=ALVH_HedgeExpiry", f.hedge.expiry, FORMATS.date),
        "Est. cost ($)": formula(
          `=${ref("Whole contracts")}*ALVH_UnitCost*ALVH_Multiplier`,
          layer.cost,
          FORMATS.dollars
        ),
        Status: formula(
          `=IF(${ref("Layer")}<=ALVH_Layers,"active",IF(${ref("Layer")}=ALVH_Layers+1,"next",""))`,
          layer.status,
          FORMATS.general
        ),
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
