/**
 * The data the charts plot, as formulas on the schedule's own cells: the book's payoff at expiry
 * at its kinks (with the zero crossings the break-evens read), the break-even and spot markers,
 * and coverage by EDR as an exact step function. Blocks sit side by side, one blank column apart,
 * starting at relative column `col` of the charts section.
 */
import { EMPTY, FORMATS, formula, num } from "../cells";
import type { PlanCell } from "../plan";
import { layerCell } from "./layers";
import { positionColumn } from "./positions";
import {
  columnOf,
  tableHead,
  type Frame,
  type Frames,
  type SectionBlock,
  type SectionContext,
} from "./section";

const PAYOFF_HEADERS = ["SPX at expiry", "P&L ($)", "Crossing up", "Crossing down"] as const;
const MARKER_HEADERS = ["SPX", "P&L ($)"] as const;
const COVERAGE_HEADERS = ["EDR (%)", "Coverage"] as const;
/** Relative row of the first data row of every chart-data block (below heading and headers). */
const FIRST = 2;
/** Blank columns between data blocks. */
const GAP = 1;

/** Relative columns of the data blocks, each right of the previous one. */
function dataCols(col: number): { payoff: number; markers: number; coverage: number; now: number } {
  const markers = col + PAYOFF_HEADERS.length + GAP;
  const coverage = markers + MARKER_HEADERS.length + GAP;
  return { payoff: col, markers, coverage, now: coverage + COVERAGE_HEADERS.length + GAP };
}

const payoffCol = (header: (typeof PAYOFF_HEADERS)[number]): number =>
  columnOf(PAYOFF_HEADERS, header);
const markerCol = (header: (typeof MARKER_HEADERS)[number]): number =>
  columnOf(MARKER_HEADERS, header);
const coverageCol = (header: (typeof COVERAGE_HEADERS)[number]): number =>
  columnOf(COVERAGE_HEADERS, header);

/** Ranges of the payoff data that the derived figures and the charts read. */
export interface PayoffRefs {
  xRange: string;
  pnlRange: string;
  upRange: string;
  downRange: string;
  markersX: string;
  markersY: string;
  spotX: string;
  spotY: string;
}

/** Ranges of the coverage step function and cells of the "now" point. */
export interface CoverageRefs {
  x: string;
  y: string;
  nowX: string;
  nowY: string;
}

/** SUMPRODUCT of the book's payoff at expiry (in $) for SPX at `spot`, over the positions block. */
export function pnlAtFormula(ctx: SectionContext, frames: Frames, spot: string): string {
  const count = ctx.positions.length;
  const [lp, sp, sc, lc, credit, contracts] = (
    ["Long put", "Short put", "Short call", "Long call", "Credit", "Contracts"] as const
  ).map((h) => positionColumn(frames, h, count));
  return `=SUMPRODUCT((${credit}-(${sp}>${spot})*(${sp}-${spot})+(${lp}>${spot})*(${lp}-${spot})-(${spot}>${sc})*(${spot}-${sc})+(${spot}>${lc})*(${spot}-${lc}))*${contracts})*ALVH_SpxMultiplier`;
}

export function payoffRefs(ctx: SectionContext, frame: Frame, col: number): PayoffRefs {
  const n = ctx.figures.kinks.length;
  const { payoff, markers } = dataCols(col);
  // Rows of the markers block: the two break-evens, then spot.
  const spotRow = FIRST + 2;
  return {
    xRange: frame.column(payoff + payoffCol("SPX at expiry"), FIRST, n),
    pnlRange: frame.column(payoff + payoffCol("P&L ($)"), FIRST, n),
    upRange: frame.column(payoff + payoffCol("Crossing up"), FIRST, n - 1),
    downRange: frame.column(payoff + payoffCol("Crossing down"), FIRST, n - 1),
    markersX: frame.column(markers + markerCol("SPX"), FIRST, 2),
    markersY: frame.column(markers + markerCol("P&L ($)"), FIRST, 2),
    spotX: frame.cell(spotRow, markers + markerCol("SPX")),
    spotY: frame.cell(spotRow, markers + markerCol("P&L ($)")),
  };
}

export function coverageRefs(ctx: SectionContext, frame: Frame, col: number): CoverageRefs {
  const { coverage, now } = dataCols(col);
  // One start point, two per layer, one end point.
  const rows = 2 * ctx.figures.rows.length + 2;
  return {
    x: frame.column(coverage + coverageCol("EDR (%)"), FIRST, rows),
    y: frame.column(coverage + coverageCol("Coverage"), FIRST, rows),
    nowX: frame.cell(FIRST, now + coverageCol("EDR (%)")),
    nowY: frame.cell(FIRST, now + coverageCol("Coverage")),
  };
}

/** The book's payoff at each kink, and where it crosses zero before the next kink. */
function payoffRows(ctx: SectionContext, frame: Frame, frames: Frames, col: number): PlanCell[][] {
  const kinks = ctx.figures.kinks;
  const at = (i: number, header: (typeof PAYOFF_HEADERS)[number]): string =>
    frame.cell(FIRST + i, col + payoffCol(header));
  return kinks.map((k, i): PlanCell[] => {
    const x = at(i, "SPX at expiry");
    const pnl = formula(pnlAtFormula(ctx, frames, x), k.pnl, FORMATS.dollars);
    if (i === kinks.length - 1) return [num(k.x, FORMATS.points), pnl, EMPTY, EMPTY];
    const [x1, p0, p1] = [at(i + 1, "SPX at expiry"), at(i, "P&L ($)"), at(i + 1, "P&L ($)")];
    return [
      num(k.x, FORMATS.points),
      pnl,
      formula(
        `=IF(AND(${p0}<0,${p1}>=0),${x}+(0-${p0})*(${x1}-${x})/(${p1}-${p0}),"")`,
        k.up ?? "",
        FORMATS.points
      ),
      formula(
        `=IF(AND(${p0}>=0,${p1}<0),${x}+${p0}*(${x1}-${x})/(${p0}-${p1}),"")`,
        k.down ?? "",
        FORMATS.points
      ),
    ];
  });
}

/** Coverage by EDR as an exact step function: two points per layer trigger. */
function coverageRows({ figures: f, settings }: SectionContext, frames: Frames): PlanCell[][] {
  const trigger = (i: number, plus = ""): string =>
    `=${layerCell(frames, "EDR trigger (%)", i)}${plus}`;
  const cumulative = (i: number): PlanCell =>
    formula(
      `=${layerCell(frames, "Cumulative coverage", i)}`,
      f.rows[i].cumulativeCoverage,
      FORMATS.fraction
    );
  const rows: PlanCell[][] = [
    [
      formula("=ALVH_Threshold-ALVH_Step", settings.threshold - settings.step, FORMATS.edr),
      num(0, FORMATS.fraction),
    ],
  ];
  f.rows.forEach((layer, i) => {
    rows.push([
      formula(trigger(i), layer.edrTrigger, FORMATS.edr),
      i === 0 ? num(0, FORMATS.fraction) : cumulative(i - 1),
    ]);
    rows.push([formula(trigger(i), layer.edrTrigger, FORMATS.edr), cumulative(i)]);
  });
  const last = f.rows.length - 1;
  rows.push([
    formula(trigger(last, "+ALVH_Step"), f.rows[last].edrTrigger + settings.step, FORMATS.edr),
    cumulative(last),
  ]);
  return rows;
}

export function chartDataBlocks(
  ctx: SectionContext,
  frame: Frame,
  frames: Frames,
  col: number
): SectionBlock[] {
  const f = ctx.figures;
  const c = dataCols(col);
  const be = (value: number | null): number | string => value ?? "none";
  return [
    {
      id: "payoff-data",
      row: 0,
      col: c.payoff,
      cells: [
        ...tableHead("Chart data: book payoff at expiry", PAYOFF_HEADERS),
        ...payoffRows(ctx, frame, frames, c.payoff),
      ],
    },
    {
      id: "payoff-markers",
      row: 0,
      col: c.markers,
      cells: [
        ...tableHead("Chart data: break-evens and spot", MARKER_HEADERS),
        [formula("=ALVH_LowerBE", be(f.lowerBreakEven), FORMATS.points), num(0, FORMATS.dollars)],
        [formula("=ALVH_UpperBE", be(f.upperBreakEven), FORMATS.points), num(0, FORMATS.dollars)],
        [
          formula("=ALVH_Spot", ctx.input.market.spot, FORMATS.points),
          formula("=ALVH_PnlAtSpot", f.pnlAtSpot, FORMATS.dollars),
        ],
      ],
    },
    {
      id: "coverage-data",
      row: 0,
      col: c.coverage,
      cells: [
        ...tableHead("Chart data: coverage by EDR", COVERAGE_HEADERS),
        ...coverageRows(ctx, frames),
      ],
    },
    {
      id: "coverage-now",
      row: 0,
      col: c.now,
      cells: [
        ...tableHead("Chart data: now", COVERAGE_HEADERS),
        [
          formula("=ALVH_EDR", f.edr, FORMATS.edr),
          formula("=ALVH_Coverage", f.coverage, FORMATS.fraction),
        ],
      ],
    },
  ];
}
