/**
 * The workbook plan: a plain-data description of everything the add-in writes into a workbook
 * (sheets, cells, native formulas, number formats, defined names, the positions table, a
 * conditional format, charts, document settings). No Office types: the Office.js renderer
 * (src/workbook/excel), the .xlsx renderer (src/workbook/xlsx) and the standalone preview all
 * consume the same plan, and every formula carries the value the engine computes for it
 * (`expected`) so each renderer can be checked against one engine.
 *
 * Addresses are A1-style and relative to the block's sheet, never to a sheet name: the Office
 * renderer may have to write "ALVH Schedule (2)" when a user already owns "ALVH Schedule"
 * (see `nextFreeSheetName` in sheets.ts), and formulas reach other cells only through defined names or
 * same-sheet references, so they stay valid whatever the sheet is called.
 * Formulas are en-US (comma separators, English function names), with a leading "=", and use
 * only functions that LibreOffice 7.4 evaluates as well (no LET, XLOOKUP, SEQUENCE, LAMBDA, FILTER).
 */
import type { HedgeSettings, MarketInputs, Position, ScheduleScope } from "./model";

export const SCHEDULE_SHEET = "ALVH Schedule";
export const POSITIONS_SHEET = "ALVH Positions";
export const POSITIONS_TABLE = "ALVH_Positions";
/** Hidden workbook-scoped name pointing at A1 of the schedule sheet the add-in owns. */
export const OWNER_NAME = "ALVH_Owned_Schedule";
/** Number format of every text cell: Excel then stores "=1+1" or "@x" as text, never as a formula. */
export const TEXT_FORMAT = "@";

/** Which sheet of the plan a block, name, chart... lives on; renderers map keys to real names. */
export type SheetKey = "schedule" | "positions" | "replay";

/** Presentation hint; renderers map it to their own styling (bold, fill, font colour). */
export type CellStyle =
  | "title" // the sheet title
  | "section" // a section heading ("Inputs", "Layers", ...)
  | "header" // column headings of a table-like block
  | "label" // the label in front of a figure
  | "input" // a value the trader may edit in the sheet (formulas recompute from it)
  | "model" // a value computed by the add-in's models at `computedAt`, not recomputed by Excel
  | "output" // a formula result
  | "note"; // explanatory text

/** One cell. Text is always written as text (number format "@"), even when it starts with "=". */
export type PlanCell =
  | { kind: "empty" }
  | { kind: "text"; text: string; style?: CellStyle }
  | { kind: "number"; value: number; format: string; style?: CellStyle }
  | {
      kind: "formula";
      /** en-US native formula with a leading "=", e.g. "=ALVH_Bias*ALVH_VIX/SQRT(ALVH_AnnualDays)". */
      formula: string;
      /** What the engine computes for this formula from the plan's inputs (text results as strings). */
      expected: number | string;
      format: string;
      style?: CellStyle;
    };

/** A rectangle of cells written in one go (one 2-D array per property). */
export interface PlanBlock {
  /** Stable identifier, e.g. "inputs", "layers", "payoff-data". */
  id: string;
  sheet: SheetKey;
  /** 0-based row and column of the top-left cell. */
  row: number;
  col: number;
  /** A1 address of the whole rectangle, e.g. "A5:C17" (a single cell is "B2"). */
  address: string;
  /** Rectangular: every row has the same length. */
  cells: PlanCell[][];
  /**
   * Written only where the ALVH add-in is present (the Office.js renderer): its formulas call
   * `=ALVH.*` functions, which neither the .xlsx file's readers nor the standalone preview have.
   */
  addinOnly?: true;
}

/** A workbook-scoped defined name referring to cells of one sheet. */
export interface PlanName {
  name: string;
  sheet: SheetKey;
  /** Absolute A1 address on that sheet, e.g. "$B$5" or "$A$30:$A$32". */
  address: string;
  comment: string;
  visible: boolean;
}

/** A formula-based conditional format (fill and font when the formula is TRUE). */
export interface PlanConditionalFormat {
  id: string;
  sheet: SheetKey;
  /** Range the rule applies to, e.g. "A30:J32". */
  address: string;
  /** Formula written relative to the range's top-left cell, e.g. "=$A30<=ALVH_Layers". */
  formula: string;
  fill: string;
  fontColor: string;
}

/** One point of a colour scale: the range's lowest or highest value, or a fixed number. */
export type PlanScalePoint =
  { at: "lowest" | "highest"; color: string } | { at: "number"; value: number; color: string };

/** A three-colour scale (e.g. red for the lowest value, white at 0, green for the highest). */
export interface PlanColorScale {
  id: string;
  sheet: SheetKey;
  /** Range the scale colours, e.g. "B40:H48". */
  address: string;
  minimum: PlanScalePoint;
  midpoint: PlanScalePoint;
  maximum: PlanScalePoint;
}

export interface PlanSeries {
  name: string;
  /** A1 ranges on the chart's sheet, one column each, same length. */
  x: string;
  y: string;
  line: boolean;
  markers: boolean;
}

/** An XY (scatter) chart; straight lines between points draw payoffs and step functions exactly. */
export interface PlanChart {
  id: string;
  sheet: SheetKey;
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  /** Cells the chart's top-left and bottom-right corners sit on, e.g. "E4" and "L20". */
  from: string;
  to: string;
  series: PlanSeries[];
}

/** The positions table: created when absent; the book (not the schedule writer) edits it later. */
export interface PlanTable {
  name: string;
  sheet: SheetKey;
  /** Top-left cell of the header row. */
  topLeft: string;
  columns: readonly string[];
  rows: PlanCell[][];
}

/** How an owned sheet prints (Excel's Page Layout; the .xlsx pageSetup and print names). */
export interface PlanPageSetup {
  orientation: "landscape" | "portrait";
  /** Pages across; the pages down are as many as the content needs. */
  fitToPagesWide: number;
  /** A1 range that prints, e.g. "A1:T72"; absent, everything with content prints. */
  printArea?: string;
  /** Rows repeated at the top of every printed page, e.g. "1:3". */
  printTitleRows: string;
}

export interface PlanSheet {
  key: SheetKey;
  /** The preferred name; a renderer may pick the next free name when a foreign sheet has it. */
  name: string;
  /** Owned sheets are cleared and rewritten whole; the positions sheet is only created when absent. */
  owned: boolean;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /**
   * Print settings. Renderers apply them to a sheet they create or own, never to a trader's sheet
   * (the positions sheet gets them only when the add-in creates it).
   */
  pageSetup?: PlanPageSetup;
}

/** One key/value of Office document settings (travels with the workbook). */
export interface DocumentSetting {
  key: string;
  value: string | number | boolean | Record<string, string | number | boolean>;
}

/** The headline figures, as the engine computes them (what the formulas must reproduce). */
export interface ScheduleSummary {
  positions: number;
  lowerBreakEven: number | null;
  upperBreakEven: number | null;
  maxProfit: number;
  maxLoss: number;
  edr: number;
  activeLayers: number;
  /** Active layers against the schedule: "5 (cap reached at 3)". */
  activeLayersText: string;
  coverage: number;
  exposure: number;
  /** Why the book gets no hedge (a VIX rise helps it), or null. */
  noHedge: string | null;
  exactContracts: number;
  wholeContracts: number;
  /** The coverage the whole contracts actually give. */
  heldCoverage: number;
  /** Why the whole count is 0 while the exact one is not (the cap allows no contract), or null. */
  zeroReason: string | null;
  /** Each layer's VIX trigger as shown: rounded up at 2 decimals. */
  vixTriggers: number[];
  hedgeExpiry: number;
  /** The hedge month's future: quoted, or the SPEC §3.7 estimate (`futureEstimated`). */
  future: number;
  futureEstimated: boolean;
  beta: number;
  /** The carry in words (futures only), or null. */
  carry: string | null;
}

export interface WorkbookPlan {
  version: 1;
  /** Excel serial date-time (fractional days, 1900 system) at which model figures were computed. */
  computedAt: number;
  scope: ScheduleScope;
  title: string;
  sheets: PlanSheet[];
  blocks: PlanBlock[];
  names: PlanName[];
  /** The ownership marker, written with the names (hidden). */
  ownerMarker: PlanName;
  conditionalFormats: PlanConditionalFormat[];
  /** Colour-scale conditional formats (the scenario grids' heat map). */
  colorScales: PlanColorScale[];
  charts: PlanChart[];
  table: PlanTable;
  documentSettings: DocumentSetting[];
  summary: ScheduleSummary;
  /** Plain-language notes shown in the sheet (also useful to previews). */
  notes: string[];
}

export interface SchedulePlanInput {
  positions: readonly Position[];
  scope: ScheduleScope;
  settings: HedgeSettings;
  market: MarketInputs;
  /** Excel serial date-time of the computation on New York's clock (see `exchangeSerialFromDate`). */
  computedAt: number;
  /** VIX closes, oldest first, when the trader has them: adds the sheet's "Signals" section. */
  vixCloses?: readonly number[];
  /** Hedge contracts already held for these positions (default 0): the action line's "buy 1 more". */
  held?: number;
}

export const REPLAY_SHEET = "ALVH Replay";
/** Hidden workbook-scoped name pointing at A1 of the replay sheet the add-in owns (as OWNER_NAME). */
export const REPLAY_OWNER_NAME = "ALVH_Owned_Replay";
/** The trader's history table (Date, SPX, VIX), pasted or imported; the replay reads it. */
export const HISTORY_TABLE = "ALVH_History";
export const HISTORY_SHEET = "ALVH History";
export const HISTORY_COLUMNS = ["Date", "SPX", "VIX"] as const;

/**
 * The owned "ALVH Replay" sheet (SPEC §5 History and replay, §6): the replay's inputs, summary,
 * cycles and daily rows, and the equity and drawdown charts. Everything sits on sheet key "replay";
 * `withReplaySheet` (src/workbook/replay) adds it to a schedule plan for the .xlsx and the preview.
 */
export interface ReplaySheetPlan {
  title: string;
  sheet: PlanSheet;
  /** Small blocks first (title, inputs, summary, notes, cycles), then the daily table's blocks. */
  blocks: PlanBlock[];
  /** Id of the daily table's block (the Office renderer writes it in chunks). */
  dailyBlockId: string;
  names: PlanName[];
  ownerMarker: PlanName;
  charts: PlanChart[];
}
