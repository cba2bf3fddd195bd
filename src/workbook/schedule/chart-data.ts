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
  tableHead,
  type Frame,
  type Frames,
  type SectionBlock,
  type SectionContext,
} from "./section";

const PAYOFF_HEADERS = ["SPX at expiry", "P&L ($)", "Crossing up", "Crossing down"];
const MARKER_HEADERS = ["SPX", "P&L ($)"];
const COVERAGE_HEADERS = ["EDR (%)", "Coverage"];
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
  const c = dataCols(col);
  return {
    xRange: frame.column(c.payoff, FIRST, n),
    pnlRange: frame.column(c.payoff + 1, FIRST, n),
    upRange: frame.column(c.payoff + 2, FIRST, n - 1),
    downRange: frame.column(c.payoff + 3, FIRST, n - 1),
    markersX: frame.column(c.markers, FIRST, 2),
    markersY: frame.column(c.markers + 1, FIRST, 2),
    spotX: frame.cell(FIRST + 2, c.markers),
    spotY: frame.cell(FIRST + 2, c.markers + 1),
  };
}

/** Ranges of the coverage step function and of the "now" point. */
export function coverageRefs(ctx: SectionContext, frame: Frame, col: number) {
  const c = dataCols(col);
  // One start point, two per layer, one end point.
  const rows = 2 * ctx.figures.rows.length + 2;
  return {
    x: frame.column(c.coverage, FIRST, rows),
    y: frame.column(c.coverage + 1, FIRST, rows),
    nowX: frame.cell(FIRST, c.now),
    nowY: frame.cell(FIRST, c.now + 1),
  };
}

export function chartDataBlocks(
  ctx: SectionContext,
  frame: Frame,
  frames: Frames,
  col: number
): SectionBlock[] {
  const f = ctx.figures;
  const c = dataCols(col);
  const [xc, pc] = [frame.letter(c.payoff), frame.letter(c.payoff + 1)];
  const payoff = f.kinks.map((k, i): PlanCell[] => {
    const r = frame.row + FIRST + i + 1;
    const x = `${xc}${r}`;
    if (i === f.kinks.length - 1)
      return [
        num(k.x, FORMATS.points),
        formula(pnlAtFormula(ctx, frames, x), k.pnl, FORMATS.dollars),
        EMPTY,
        EMPTY,
      ];
    const [p0, p1, x1] = [`${pc}${r}`, `${pc}${r + 1}`, `${xc}${r + 1}`];
    return [
      num(k.x, FORMATS.points),
      formula(pnlAtFormula(ctx, frames, x), k.pnl, FORMATS.dollars),
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
  const be = (value: number | null): number | string => value ?? "none";
  const coverage: PlanCell[][] = [
    [
      formula("=ALVH_Threshold-ALVH_Step", ctx.settings.threshold - ctx.settings.step, FORMATS.edr),
      num(0, FORMATS.fraction),
    ],
  ];
  f.rows.forEach((layer, i) => {
    const trigger = formula(
      `=${layerCell(frames, "EDR trigger (%)", i)}`,
      layer.edrTrigger,
      FORMATS.edr
    );
    const before =
      i === 0
        ? num(0, FORMATS.fraction)
        : formula(
            `=${layerCell(frames, "Cumulative coverage", i - 1)}`,
            f.rows[i - 1].cumulativeCoverage,
            FORMATS.fraction
          );
    coverage.push([trigger, before]);
    coverage.push([
      trigger,
      formula(
        `=${layerCell(frames, "Cumulative coverage", i)}`,
        layer.cumulativeCoverage,
        FORMATS.fraction
      ),
    ]);
  });
  const lastAt = f.rows.length - 1;
  const last = f.rows[lastAt];
  coverage.push([
    formula(
      `=${layerCell(frames, "EDR trigger (%)", lastAt)}+ALVH_Step`,
      last.edrTrigger + ctx.settings.step,
      FORMATS.edr
    ),
    formula(
      `=${layerCell(frames, "Cumulative coverage", lastAt)}`,
      last.cumulativeCoverage,
      FORMATS.fraction
    ),
  ]);
  return [
    {
      id: "payoff-data",
      row: 0,
      col: c.payoff,
      cells: [...tableHead("Chart data: book payoff at expiry", PAYOFF_HEADERS), ...payoff],
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
      cells: [...tableHead("Chart data: coverage by EDR", COVERAGE_HEADERS), ...coverage],
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
