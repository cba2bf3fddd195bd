/**
 * Builds the workbook plan of the schedule: validates the input, computes every figure once
 * (figures.ts) and stacks the sheet's sections.
 *
 * How to add a section (e.g. a "Scenarios" risk grid):
 * 1. Write one module in this folder exporting a `Section` (section.ts): an `id` unique in the
 *    sheet and a pure `build(ctx, frame, frames)` returning `SectionContent` — blocks of cells,
 *    defined names, conditional formats and charts, all at rows/columns relative to the section's
 *    own top-left corner. Give the block ids, names and chart ids unique in the plan.
 * 2. Inside formulas, address cells through the frame (`frame.cell(r, c)`, `frame.column(...)`,
 *    `frame.letter(c)`), never by hard-coded letters or rows; reach other sections by defined
 *    names (ALVH_EDR, ALVH_Layers...) or by their helpers that take `frames`
 *    (`positionColumn`, `positionCell`, `layerCell`, `payoffRefsOf`); derive column positions
 *    from a header list (`columnOf`).
 * 3. Add it to `MAIN` (down column A, one blank row apart unless `gapBelow` says otherwise) or to
 *    `SIDE` (right of the widest stacked section, under the charts). Sizes come from the cells the
 *    section returns: the stacker builds every section once at the origin to measure it, then
 *    again at its place, so `build` must not depend on anything but its arguments.
 * 4. Give the figures it shows an `expected` from the engine (computed in figures.ts or from
 *    `ctx.figures`): the .xlsx tests recompute every formula in LibreOffice against it.
 */
import { AlvhError } from "../../core";
import { computeFigures } from "../figures";
import type { Position, ScheduleScope } from "../model";
import { fitColumnWidths, printSetup } from "../page";
import {
  OWNER_NAME,
  POSITIONS_SHEET,
  POSITIONS_TABLE,
  SCHEDULE_SHEET,
  type SchedulePlanInput,
  type WorkbookPlan,
} from "../plan";
import { validatePosition } from "../position";
import { POSITION_COLUMN_WIDTHS, POSITION_COLUMNS, positionCells } from "../positions-table";
import { SETTINGS_KEY, settingsToDocument, validateSettings } from "../settings";
import { CHART_DATA_COL, CHARTS_SECTION, chartsSection } from "./charts";
import { derivedSection } from "./derived";
import { actionSection, COMPUTED_AT_SECTION, computedAtSection, titleSection } from "./heading";
import { inputsSection } from "./inputs";
import { layersSection } from "./layers";
import { modelValuesSection } from "./model-values";
import { notesSection, scheduleNotes } from "./notes";
import { positionsSection } from "./positions";
import { scenariosSection } from "./scenarios";
import type { Section } from "./section";
import { signalsSection } from "./signals";
import { stackSections, type StackEntry } from "./stack";

/** The sections down column A, top to bottom. */
const MAIN: readonly StackEntry[] = [
  { section: titleSection, gapBelow: 0 },
  { section: actionSection },
  { section: computedAtSection },
  { section: inputsSection },
  { section: modelValuesSection },
  { section: derivedSection },
  { section: layersSection },
  { section: notesSection },
  // Last and below the charts, so its width does not push them right.
  { section: positionsSection, underSide: true },
];

/** MAIN, with the Signals section after the model values when the trader gave VIX closes. */
function mainStack(input: SchedulePlanInput): readonly StackEntry[] {
  if (!input.vixCloses?.length) return MAIN;
  const at = MAIN.findIndex((e) => e.section === modelValuesSection) + 1;
  return [...MAIN.slice(0, at), { section: signalsSection }, ...MAIN.slice(at)];
}

/** The sections right of the main stack, top to bottom. */
const SIDE: readonly Section[] = [chartsSection, scenariosSection];

/** Column widths in characters: the labels' column, the sheet's columns, the chart data's. */
const WIDTHS = { labels: 30, sheet: 14, chartData: 16 };

function selectScope(book: readonly Position[], scope: ScheduleScope): Position[] {
  if (book.length === 0)
    throw new AlvhError("positions", "the book has no positions: save a position first");
  if (scope.kind === "book") return [...book];
  const wanted = scope.label.trim().toLowerCase();
  const found = book.find((p) => p.label.toLowerCase() === wanted);
  if (!found) {
    throw new AlvhError(
      "scope",
      `no position labelled "${scope.label}" in the book: pick one of the saved labels`
    );
  }
  return [found];
}

/** Contracts already held: a whole number, 0 or more (0 when not given). */
function validateHeld(held: number | undefined): void {
  if (held === undefined || (Number.isInteger(held) && held >= 0)) return;
  throw new AlvhError(
    "held",
    `Hedge contracts held must be a whole number of contracts, 0 or more (got ${held}): type what the account holds`
  );
}

export function buildSchedulePlan(input: SchedulePlanInput): WorkbookPlan {
  validateHeld(input.held);
  const settings = validateSettings(input.settings);
  const book = input.positions.map(validatePosition);
  const inScope = selectScope(book, input.scope);
  const figures = computeFigures(inScope, settings, input.market, input.computedAt);
  const title =
    input.scope.kind === "book"
      ? `ALVH hedge schedule: whole book (${inScope.length} position${inScope.length === 1 ? "" : "s"})`
      : `ALVH hedge schedule: ${inScope[0].label}`;
  const notes = scheduleNotes(inScope.length, settings);
  const ctx = { input, settings, positions: inScope, figures, title, notes };
  const sheet = stackSections(ctx, mainStack(input), SIDE);
  const dataCol = sheet.frames.of(CHARTS_SECTION).col + CHART_DATA_COL;
  const widths = Array.from({ length: sheet.width }, (_, i) =>
    i === 0 ? WIDTHS.labels : i < dataCol ? WIDTHS.sheet : WIDTHS.chartData
  );
  // Every printed page repeats the rows down to the time the model values were computed at.
  const stamp = sheet.blocks.find((b) => b.id === COMPUTED_AT_SECTION);
  if (!stamp) throw new Error("the schedule has no computed-at section");
  const titleRows = stamp.row + stamp.cells.length;

  return {
    version: 1,
    computedAt: input.computedAt,
    scope: input.scope,
    title,
    sheets: [
      {
        key: "schedule",
        name: SCHEDULE_SHEET,
        owned: true,
        columnWidths: fitColumnWidths(widths, sheet.blocks),
        pageSetup: printSetup(sheet.blocks, sheet.charts, dataCol, titleRows),
      },
      {
        key: "positions",
        name: POSITIONS_SHEET,
        owned: false,
        columnWidths: [...POSITION_COLUMN_WIDTHS],
        // No print area: the book grows. Applied only when the add-in creates the sheet.
        pageSetup: { orientation: "landscape", fitToPagesWide: 1, printTitleRows: "1:1" },
      },
    ],
    blocks: sheet.blocks,
    names: sheet.names,
    ownerMarker: {
      name: OWNER_NAME,
      sheet: "schedule",
      address: "$A$1",
      comment: "Marks the sheet the ALVH add-in created and may rewrite",
      visible: false,
    },
    conditionalFormats: sheet.conditionalFormats,
    colorScales: sheet.colorScales,
    charts: sheet.charts,
    table: {
      name: POSITIONS_TABLE,
      sheet: "positions",
      topLeft: "A1",
      columns: POSITION_COLUMNS,
      rows: book.map(positionCells),
    },
    documentSettings: [{ key: SETTINGS_KEY, value: settingsToDocument(settings) }],
    summary: {
      positions: inScope.length,
      lowerBreakEven: figures.lowerBreakEven,
      upperBreakEven: figures.upperBreakEven,
      maxProfit: figures.maxProfit,
      maxLoss: figures.maxLoss,
      edr: figures.edr,
      activeLayers: figures.layers,
      activeLayersText: figures.activeLayersText,
      coverage: figures.coverage,
      exposure: figures.exposure,
      noHedge: figures.noHedge,
      exactContracts: figures.contracts,
      wholeContracts: figures.wholeContracts,
      heldCoverage: figures.heldCoverage,
      zeroReason: figures.zeroReason,
      vixTriggers: figures.rows.map((row) => row.shownVixTrigger),
      hedgeExpiry: figures.hedge.expiry,
      future: figures.hedge.future,
      futureEstimated: figures.hedge.estimated,
      beta: figures.hedge.beta,
      carry: figures.hedge.carry,
    },
    notes,
  };
}
