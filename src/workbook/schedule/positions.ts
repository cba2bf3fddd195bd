/**
 * The positions block: a copy of the positions in the schedule with their model values and
 * formulas. Other sections reach its columns by header (`positionColumn`, `positionCell`), never
 * by letter.
 */
import { DEFAULTS } from "../../core";
import { FORMATS, formula, num } from "../cells";
import type { PositionFigures } from "../figures";
import type { PlanCell } from "../plan";
import { CONDOR_COLUMNS, condorCells, type CondorColumn } from "../positions-table";
import { columnOf, tableHead, type Frame, type Frames, type Section } from "./section";

const POSITIONS_SECTION = "positions";

const POSITION_HEADERS = [
  ...CONDOR_COLUMNS,
  "Implied vol",
  "DTE",
  "Delta",
  "Gamma",
  "Vega ($)",
  "Theta ($)",
  "Cost to close ($)",
  "Max profit ($)",
  "Max loss ($)",
  "Lower BE",
  "Upper BE",
] as const;

export type PositionHeader = (typeof POSITION_HEADERS)[number];

/** Relative row of the first position (below the heading and the header row). */
const FIRST = 2;

/** Relative reference ("D41") to `header` of the `i`-th position of the schedule. */
export function positionCell(frames: Frames, header: PositionHeader, i: number): string {
  const frame = frames.of(POSITIONS_SECTION);
  return frame.cell(FIRST + i, columnOf(POSITION_HEADERS, header));
}

/** Absolute range ("$K$41:$K$42") of `header` over the schedule's `count` positions. */
export function positionColumn(frames: Frames, header: PositionHeader, count: number): string {
  const frame = frames.of(POSITIONS_SECTION);
  return frame.absoluteColumn(columnOf(POSITION_HEADERS, header), FIRST, count);
}

/** K2 − C, or "none" when the put wing is not wider than the credit (SPEC §3.2). */
export function lowerBreakEvenFormula(longPut: string, shortPut: string, credit: string): string {
  return `=IF(${shortPut}-${longPut}<=${credit},"none",${shortPut}-${credit})`;
}

/** K3 + C, or "none" when the call wing is not wider than the credit (SPEC §3.2). */
export function upperBreakEvenFormula(shortCall: string, longCall: string, credit: string): string {
  return `=IF(${longCall}-${shortCall}<=${credit},"none",${shortCall}+${credit})`;
}

function positionRow(frame: Frame, p: PositionFigures, row: number): PlanCell[] {
  const ref = (header: PositionHeader): string =>
    frame.cell(row, columnOf(POSITION_HEADERS, header));
  const [longPut, shortPut, shortCall, longCall] = [
    ref("Long put"),
    ref("Short put"),
    ref("Short call"),
    ref("Long call"),
  ];
  const [credit, contracts] = [ref("Credit"), ref("Contracts")];
  const pos = p.position;
  const condor = condorCells(pos);
  const cells: Record<PositionHeader, PlanCell> = {
    ...(Object.fromEntries(CONDOR_COLUMNS.map((c, i) => [c, condor[i]])) as Record<
      CondorColumn,
      PlanCell
    >),
    "Implied vol": num(pos.impliedVol, FORMATS.vol),
    DTE: num(p.dte, FORMATS.days, "model"),
    Delta: num(p.greeks.delta, "0.00", "model"),
    Gamma: num(p.greeks.gamma, FORMATS.greek, "model"),
    "Vega ($)": num(p.greeks.vega, FORMATS.dollars, "model"),
    "Theta ($)": num(p.greeks.theta, FORMATS.dollars, "model"),
    "Cost to close ($)": num(
      p.greeks.mark * DEFAULTS.spxMultiplier * p.ic.contracts,
      FORMATS.dollars,
      "model"
    ),
    "Max profit ($)": formula(
      `=${credit}*ALVH_SpxMultiplier*${contracts}`,
      p.maxProfit,
      FORMATS.dollars
    ),
    "Max loss ($)": formula(
      `=(MAX(${shortPut}-${longPut},${longCall}-${shortCall})-${credit})*ALVH_SpxMultiplier*${contracts}`,
      p.maxLoss,
      FORMATS.dollars
    ),
    // SPEC §3.2: a side whose wing the credit covers never loses: no break-even, "none".
    "Lower BE": formula(
      lowerBreakEvenFormula(longPut, shortPut, credit),
      p.lowerBreakEven ?? "none",
      FORMATS.points
    ),
    "Upper BE": formula(
      upperBreakEvenFormula(shortCall, longCall, credit),
      p.upperBreakEven ?? "none",
      FORMATS.points
    ),
  };
  return POSITION_HEADERS.map((header) => cells[header]);
}

export const positionsSection: Section = {
  id: POSITIONS_SECTION,
  build: (ctx, frame) => ({
    blocks: [
      {
        id: "positions",
        row: 0,
        col: 0,
        cells: [
          ...tableHead(
            "Positions in this schedule (copied from the book when written)",
            POSITION_HEADERS
          ),
          ...ctx.figures.positions.map((p, i) => positionRow(frame, p, FIRST + i)),
        ],
      },
    ],
  }),
};
