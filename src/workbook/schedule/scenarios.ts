/**
 * The Scenarios section (SPEC §3.8, §5 "Risk"): the P&L of the positions in the schedule and the
 * hedge the schedule holds now, under the default SPX and VIX moves, as three grids one under another
 * (net, condor, hedge), each with SPX moves down, VIX moves across and the days passed in the
 * corner, coloured by a three-colour scale (red loss, white 0, green gain).
 *
 * Values or formulas: the grids are the engine's values (core.scenarioGrid), written at
 * `computedAt` like the other model values, so a colleague without the add-in (Excel, Excel on the
 * web, LibreOffice, the .xlsx download) sees them. A formula whose cached value is the grid would
 * not do: Excel recalculates an unknown `=ALVH.` function to #NAME? and loses the values. Where the
 * add-in is present (the Office.js renderer only: the block is `addinOnly`), a labelled live
 * block below holds one `=ALVH.SCENARIO(...)` over the sheet's cells (the positions block, ALVH_Spot,
 * ALVH_VIX, the inputs here and the value grid's own header moves, so editing a move recomputes
 * it). ALVH.SCENARIO prices one condor and VIX futures at rate 0, so for a book the live formula
 * adds each further position's condor grid and takes off their repeated headers (a hedge-only
 * grid with no hedge is the headers around zeros); with a VIX-call hedge or a formula too long for
 * Excel there is no live block, and the note says why.
 */
import {
  DEFAULT_SPX_MOVES,
  DEFAULT_VIX_MOVES,
  scenarioBook,
  scenarioGrid,
  type ScenarioGrid,
  type ScenarioOutput,
} from "../../core";
import { absoluteRange } from "../a1";
import { EMPTY, FORMATS, formula, num, text } from "../cells";
import type { PlanCell } from "../plan";
import { positionCell, type PositionHeader } from "./positions";
import type {
  Frame,
  Frames,
  Section,
  SectionBlock,
  SectionColorScale,
  SectionContext,
} from "./section";

const SCENARIOS_SECTION = "scenarios";

/** Excel refuses formulas longer than 8,192 characters. */
const MAX_FORMULA = 8000;

const SCENARIO_FORMATS = {
  spxMove: "0.0%",
  vixMove: "0.0",
  days: "0",
  pnl: FORMATS.dollars,
} as const;

/** Red for the lowest value, white at 0, green for the highest (Excel's own heat-map colours). */
export const SCALE_COLORS = { loss: "#F8696B", zero: "#FFFFFF", gain: "#63BE7B" } as const;

/** The grids one under another, in this order, each with its title. */
const SCENARIO_GRIDS: readonly { output: ScenarioOutput; title: string }[] = [
  { output: "net", title: "Net P&L ($): condors + hedge" },
  { output: "condor", title: "Condor P&L ($), against the entry credit" },
  { output: "hedge", title: "Hedge P&L ($), against today" },
];

/** Relative rows: the inputs of the live formula, then the grids, then the live block. */
const FIELDS_ROW = 2;
const FIELD_VALUE_COL = 2;

type FieldKey = "computedAt" | "held" | "days" | "horizon" | "volBeta" | "kappa" | "longRunVix";
const FIELD_KEYS: readonly FieldKey[] = [
  "computedAt",
  "held",
  "days",
  "horizon",
  "volBeta",
  "kappa",
  "longRunVix",
];
/** The grids one blank row below the fields. */
const GRIDS_ROW = FIELDS_ROW + FIELD_KEYS.length + 1;
/**
 * Relative row of the i-th grid's title: a grid is a title, a header row and a row per SPX move,
 * one blank row apart. Stacked, not side by side, so the block stays as wide as the charts above
 * it and prints on the page (the chart data to the right is not printed).
 */
const gridRow = (i: number): number => GRIDS_ROW + i * (DEFAULT_SPX_MOVES.length + 3);
/** Relative row of a grid's table (its corner), below its title. */
const tableRow = (i: number): number => gridRow(i) + 1;
const LIVE_ROW = gridRow(SCENARIO_GRIDS.length);

/**
 * Grids already computed, by context: the stacker builds each section twice (measured at the
 * origin, then placed), and the grid, the section's one costly figure, does not depend on where.
 */
const GRIDS = new WeakMap<SectionContext, ScenarioGrid>();

/** The engine's grid for the positions in the schedule and the hedge it holds, at h = 0. */
function scheduleScenarioGrid(ctx: SectionContext): ScenarioGrid {
  const known = GRIDS.get(ctx);
  if (known) return known;
  const { figures: f, settings, input } = ctx;
  const call = f.hedge.call;
  const book = scenarioBook({
    positions: f.positions.map((p) => ({ ...p.ic, dte: p.dte, vol: p.position.impliedVol })),
    hedge: {
      kind: call ? "call" : "future",
      // The layer table's whole contracts (ALVH_WholeContracts): 0 without an active layer.
      contracts: f.wholeContracts,
      days: f.hedge.dte,
      future: f.hedge.future,
      multiplier: f.hedge.multiplier,
      ...(call ? { strike: call.strike, callVol: call.vol } : {}),
    },
    market: {
      spot: input.market.spot,
      vix: input.market.vix,
      rate: settings.rate,
      kappa: settings.kappa,
      longRunVix: settings.longRunVix,
    },
  });
  const grid = scenarioGrid(book);
  GRIDS.set(ctx, grid);
  return grid;
}

function fieldRows(ctx: SectionContext): Record<FieldKey, [string, PlanCell, string]> {
  const { figures: f, settings, input } = ctx;
  const unit = f.hedge.call ? "VIX calls" : "VIX futures";
  return {
    computedAt: [
      "Values computed at",
      formula("=ALVH_ComputedAt", input.computedAt, FORMATS.dateTime),
      "model values: write the schedule again to refresh them",
    ],
    held: [
      `Hedge held (${unit})`,
      formula("=ALVH_WholeContracts", f.wholeContracts, FORMATS.whole),
      "whole contracts the schedule holds at the current EDR, within the cap",
    ],
    days: [
      "Days to hedge expiry",
      formula("=ALVH_HedgeDays", f.hedge.dte, FORMATS.days),
      "the hedge month's future or call",
    ],
    horizon: ["Days passed", num(0, SCENARIO_FORMATS.days, "model"), "h of SPEC §3.8: today"],
    volBeta: [
      "Vol beta",
      num(1, "0.00", "model"),
      "vol points each condor leg gains per VIX point",
    ],
    kappa: [
      "Kappa",
      formula("=ALVH_Kappa", settings.kappa, "0.00"),
      "VIX mean reversion per year (futures curve)",
    ],
    longRunVix: [
      "Long-run VIX",
      formula("=ALVH_LongRunVix", settings.longRunVix, FORMATS.vix),
      "the level VIX reverts to",
    ],
  };
}

function gridCells(grid: ScenarioGrid, output: ScenarioOutput, title: string): PlanCell[][] {
  const cols = grid.vixMoves.length;
  const values = grid[output];
  return [
    [text(title, "section")],
    [
      num(grid.horizonDays, SCENARIO_FORMATS.days, "header"),
      ...grid.vixMoves.map((v) => num(v, SCENARIO_FORMATS.vixMove, "header")),
    ],
    ...grid.spxMoves.map((x, i) => [
      num(x, SCENARIO_FORMATS.spxMove, "header"),
      ...Array.from({ length: cols }, (_, j) =>
        num(values[i * cols + j], SCENARIO_FORMATS.pnl, "model")
      ),
    ]),
  ];
}

/** Why there is no live formula, or null when there is one. */
function noLiveReason(ctx: SectionContext, live: string): string | null {
  if (ctx.figures.hedge.call) {
    return "No live =ALVH.SCENARIO grid: it models a VIX-futures hedge, and this schedule hedges with VIX calls.";
  }
  if (live.length > MAX_FORMULA) {
    return `No live =ALVH.SCENARIO grid: for ${ctx.positions.length} positions its formula would exceed Excel's 8,192 characters.`;
  }
  return null;
}

/** The live formula over the sheet's cells (see the module comment for the book's sum). */
function liveScenarioFormula(ctx: SectionContext, frame: Frame, frames: Frames): string {
  const field = (key: FieldKey): string =>
    frame.cell(FIELDS_ROW + FIELD_KEYS.indexOf(key), FIELD_VALUE_COL);
  const spxMoves = frame.absoluteColumn(0, tableRow(0) + 1, DEFAULT_SPX_MOVES.length);
  const vixMoves = absoluteRange(
    frame.row + tableRow(0),
    frame.col + 1,
    1,
    DEFAULT_VIX_MOVES.length
  );
  const call = (i: number, hedge: string, output: ScenarioOutput): string => {
    const at = (header: PositionHeader): string => positionCell(frames, header, i);
    const args = [
      "ALVH_Spot",
      at("Long put"),
      at("Short put"),
      at("Short call"),
      at("Long call"),
      at("Credit"),
      at("DTE"),
      at("Implied vol"),
      "ALVH_VIX",
      at("Contracts"),
      hedge,
      field("days"),
      field("horizon"),
      spxMoves,
      vixMoves,
      `"${output}"`,
      field("volBeta"),
      field("kappa"),
      field("longRunVix"),
    ];
    return `ALVH.SCENARIO(${args.join(",")})`;
  };
  const count = ctx.positions.length;
  const others = Array.from({ length: count - 1 }, (_, k) => `+${call(k + 1, "0", "condor")}`);
  const headers = count > 1 ? `-${count - 1}*${call(0, "0", "hedge")}` : "";
  return `=${call(0, field("held"), "net")}${others.join("")}${headers}`;
}

export const scenariosSection: Section = {
  id: SCENARIOS_SECTION,
  build: (ctx, frame, frames) => {
    const grid = scheduleScenarioGrid(ctx);
    const live = liveScenarioFormula(ctx, frame, frames);
    const reason = noLiveReason(ctx, live);
    const rateNote =
      ctx.settings.rate === 0 ? "" : " The live grid prices at rate 0 (ALVH.SCENARIO has no rate).";
    const fields = fieldRows(ctx);
    const blocks: SectionBlock[] = [
      {
        id: "scenarios",
        row: 0,
        col: 0,
        cells: [
          [
            text(
              "Scenarios: the positions and the hedge held now, under SPX and VIX moves",
              "section"
            ),
          ],
          [
            text(
              "SPX moves down (fractions), VIX moves across (points), days passed in the corner. " +
                (reason ??
                  "With the ALVH add-in, the live grid below recomputes from these cells." +
                    rateNote),
              "note"
            ),
          ],
          ...FIELD_KEYS.map((key) => {
            const [label, cell, note] = fields[key];
            return [text(label, "label"), EMPTY, cell, text(note, "note")];
          }),
        ],
      },
      ...SCENARIO_GRIDS.map(({ output, title }, i) => ({
        id: `scenarios-${output}`,
        row: gridRow(i),
        col: 0,
        cells: gridCells(grid, output, title),
      })),
    ];
    // Always the same block, so the Office.js writer's calls do not depend on the book's size.
    const width = DEFAULT_VIX_MOVES.length + 1;
    blocks.push({
      id: "scenarios-live",
      row: LIVE_ROW,
      col: 0,
      addinOnly: true,
      cells: [
        [
          text(
            "Net P&L ($), live: =ALVH.SCENARIO over the cells above (recomputes with the ALVH add-in)",
            "section"
          ),
        ],
        [
          reason === null ? formula(live, grid.horizonDays, FORMATS.general) : text(reason),
          ...Array<PlanCell>(width - 1).fill(EMPTY),
        ],
        ...Array.from({ length: DEFAULT_SPX_MOVES.length }, () =>
          Array<PlanCell>(width).fill(EMPTY)
        ),
      ],
    });
    const colorScales: SectionColorScale[] = SCENARIO_GRIDS.map(({ output }, i) => ({
      id: `scenarios-${output}-scale`,
      row: tableRow(i) + 1,
      col: 1,
      rows: DEFAULT_SPX_MOVES.length,
      cols: DEFAULT_VIX_MOVES.length,
      minimum: { at: "lowest", color: SCALE_COLORS.loss },
      midpoint: { at: "number", value: 0, color: SCALE_COLORS.zero },
      maximum: { at: "highest", color: SCALE_COLORS.gain },
    }));
    return {
      blocks,
      colorScales,
      names: [
        {
          name: "ALVH_ScenarioNet",
          row: tableRow(0),
          col: 0,
          rows: DEFAULT_SPX_MOVES.length + 1,
          cols: DEFAULT_VIX_MOVES.length + 1,
          comment: "Net P&L grid of the positions and the hedge held (model values)",
        },
      ],
    };
  },
};
