/**
 * Applies a WorkbookPlan to Excel through Office.js, inside the caller's `Excel.run` (the Excel host,
 * src/hosts/excel/write.ts, owns `Excel.run`, requirement checks and document settings).
 *
 * Round trips, whatever the number of positions or layers:
 * 1. read sheet names and protection, the workbook's names (the ownership marker among them) and
 *    whether the positions table exists;
 * 2. only when there is something to read: the charts of the add-in's own sheet, and the book
 *    from the positions table when the plan is built from it (see `PlanSource`);
 * 3. write everything.
 *
 * Ownership (src/workbook/ownership.ts): the sheet the document settings' owner record names is
 * rewritten only when the hidden name `ALVH_Owned_Schedule` scoped to it carries the record's
 * random token (checked in the second round trip); otherwise, and for a sheet called "ALVH
 * Schedule" without that proof, the schedule goes to a new sheet and the message says why. The
 * add-in's names are scoped to its sheet, so a trader's own `ALVH_…` names are never deleted or
 * redefined; a rewrite clears only the ranges the add-in wrote, so cells the trader typed
 * elsewhere on the sheet stay, and a new schedule that would cover one is refused, writing nothing.
 */
import { AlvhError } from "../../core";
import { cellAddress, columnLetters } from "../a1";
import {
  OWNER_NAME,
  POSITIONS_TABLE,
  type PlanBlock,
  type PlanChart,
  type PlanColorScale,
  type PlanScalePoint,
  type PlanName,
  type PlanSheet,
  type SheetKey,
  type WorkbookPlan,
} from "../plan";
import { parsePositionRows, type PositionListing, type PositionProblem } from "../positions-table";
import { nextFreeSheetName } from "../sheets";
import { STYLE_LOOKS, styledRanges } from "../styles";
import { cellsOutside, cellsWithin, scheduleFootprint, type OwnerRecord } from "../ownership";
import { safePlanText } from "../text";
import { officeFormats, officeInputs } from "./cells";
import { ownedSheet, ownerCandidate, provenOwned } from "./owned";
import { addPositionsTable, readTable } from "./table";

/** Highest ExcelApi set the writer and the book need (chart series, NamedItem.formula: 1.7). */
const REQUIRED_EXCEL_API = "1.7";
/** Needed only to suspend screen updating while writing; without it the write still works. */
export const SCREEN_UPDATING_EXCEL_API = "1.9";

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Fails up front, before anything is written, on an Excel too old for the writer. */
export function requireExcelApi(requirements: RequirementChecker): void {
  if (!requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    throw new AlvhError(
      "Excel",
      `Writing the schedule needs Excel JavaScript API ${REQUIRED_EXCEL_API}: Excel 2019 or later, Microsoft 365 ` +
        "(version 1801 or later on Windows, 16.9 or later on Mac) or Excel on the web. Update Excel and write again."
    );
  }
}

export interface RenderReport {
  /** The sheet the schedule was written to. */
  sheet: string;
  /** True when a foreign sheet had the preferred name and the schedule went to the next free one. */
  renamed: boolean;
  positionsSheet: string | null;
  tableCreated: boolean;
  /** Rows of the positions table that were skipped (by sheet row number) when the plan was built from it. */
  problems: PositionProblem[];
  syncs: number;
  message: string;
  /** The plan that was written (built from the book when the source was a builder). */
  plan: WorkbookPlan;
  /** The ownership record to keep in the document settings (src/workbook/ownership.ts). */
  owner: OwnerRecord;
}

export interface RenderOptions {
  suspendScreenUpdating?: boolean;
  /** The ownership record the document settings hold (null: the add-in owns no sheet here). */
  owner?: OwnerRecord | null;
  /** Apply the plan's page setup (needs ExcelApi 1.9, like suspending screen updating). */
  pageLayout?: boolean;
}

/** Builds the plan from the book as the write finds it (a pure function of plain values). */
export type PlanFromBook = (book: PositionListing) => WorkbookPlan;

/**
 * A finished plan, or a builder that makes the plan from the book as the `ALVH_Positions` table
 * holds it at the time of writing, so reading the book rides on the writer's second round trip.
 */
export type PlanSource = WorkbookPlan | PlanFromBook;

/** The sheet name in a name's formula, e.g. "='ALVH Schedule'!$A$1" → "ALVH Schedule". */
export function sheetOfReference(formula: string): string | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!#=][^'!]*))!/.exec(formula);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}

export async function renderPlan(
  context: Excel.RequestContext,
  source: PlanSource,
  options: RenderOptions = {}
): Promise<RenderReport> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/protection/protected");
  const names = workbook.names;
  names.load("items/name,items/formula");
  const table = workbook.tables.getItemOrNullObject(POSITIONS_TABLE);
  table.load("name");
  await context.sync();
  let syncs = 1;

  const sheetNames = sheets.items.map((s) => s.name);
  // A workbook-level marker proves nothing (anyone can define one); it is only named in the message.
  const marker = names.items.find((n) => n.name === OWNER_NAME);
  const markerSheet = marker ? sheetOfReference(String(marker.formula)) : null;
  const owner = options.owner ?? null;
  const candidate = ownerCandidate(sheets.items, owner);

  let book: PositionListing = { positions: [], problems: [] };
  const readBook = typeof source === "function" && !table.isNullObject;
  let used: Excel.Range | undefined;
  if (candidate || readBook) {
    if (candidate) {
      used = candidate.getUsedRange(true);
      used.load("formulas,rowIndex,columnIndex");
    }
    if (readBook) {
      const { rows, header, firstRow } = await readTable(context, table);
      book = parsePositionRows(rows, header, firstRow);
    } else await context.sync();
    syncs++;
  }
  const previous = provenOwned(candidate, owner, OWNER_NAME, "write the schedule");
  const { plan, notes: textNotes } = safePlanText(
    typeof source === "function" ? source(book) : source
  );
  const scheduleSpec = sheetSpec(plan, "schedule");
  const footprint = scheduleFootprint(plan);
  if (previous && owner && used) {
    // Cells the trader typed on the sheet stay; a schedule that would cover one asks first.
    const typed = cellsWithin(cellsOutside(used, owner.ranges), footprint);
    if (typed.length) {
      const where = typed.slice(0, 5).map((c) => cellAddress(c.row, c.col));
      throw new AlvhError(
        "sheet",
        `The new schedule would cover ${typed.length === 1 ? "a cell" : `${typed.length} cells`} you typed on "${previous.name}" (${where.join(", ")}${typed.length > 5 ? ", …" : ""}): nothing was written. Move ${typed.length === 1 ? "it" : "them"} elsewhere, or clear ${typed.length === 1 ? "it" : "them"}, and write again`
      );
    }
  }

  if (options.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
  // Only what the add-in wrote last time is cleared, so the sheet (with references to it
  // elsewhere) stays the same object and the trader's own cells on it stay as they are.
  const {
    sheet: schedule,
    name: target,
    token,
    renamed,
  } = ownedSheet(sheets, previous, owner, scheduleSpec.name, sheetNames);
  if (previous && owner) {
    for (const address of owner.ranges) {
      const range = schedule.getRange(address);
      range.conditionalFormats.clearAll();
      range.clear();
    }
    previous.charts.items
      .filter((chart) => owner.charts.includes(chart.name))
      .forEach((chart) => chart.delete());
    previous.names.items
      .filter((name) => owner.names.includes(name.name))
      .forEach((name) => name.delete());
  }
  const ownNames = [...plan.names, { ...plan.ownerMarker, comment: token }];

  let positions: Excel.Worksheet | null = null;
  let positionsSheet: string | null = null;
  if (table.isNullObject) {
    positionsSheet = nextFreeSheetName(sheetSpec(plan, "positions").name, [...sheetNames, target]);
    positions = sheets.add(positionsSheet);
  }
  const sheetFor = (key: SheetKey): Excel.Worksheet => {
    if (key === "schedule") return schedule;
    if (key !== "positions") throw new Error(`a schedule plan writes no ${key} sheet`);
    if (!positions) throw new Error(`plan writes to the positions sheet outside its table`);
    return positions;
  };

  writeBlocks(plan.blocks, sheetFor);
  setWidths(schedule, scheduleSpec);
  for (const name of ownNames) addName(sheetFor(name.sheet), name);
  for (const rule of plan.conditionalFormats) {
    const format = sheetFor(rule.sheet).getRange(rule.address).conditionalFormats.add("Custom");
    format.custom.rule.formula = rule.formula;
    format.custom.format.fill.color = rule.fill;
    format.custom.format.font.color = rule.fontColor;
  }
  for (const scale of plan.colorScales) addColorScale(sheetFor(scale.sheet), scale);
  for (const chart of plan.charts) addChart(sheetFor(chart.sheet), chart);
  if (positions) writeTable(plan, positions);
  if (options.pageLayout) {
    // Print settings only on sheets the add-in owns or has just created, never a trader's.
    setPageLayout(schedule, scheduleSpec);
    if (positions) setPageLayout(positions, sheetSpec(plan, "positions"));
  }
  schedule.activate();
  schedule.load("id");
  await context.sync();
  syncs++;

  const why = [
    candidate && !previous
      ? ` The sheet "${candidate.name}" that this workbook's ALVH settings name has no proof that ALVH wrote it, so it was left untouched.`
      : "",
    markerSheet && markerSheet.toLowerCase() !== target.toLowerCase()
      ? ` A workbook name "${OWNER_NAME}" points at "${markerSheet}" but was not created by ALVH (it carries no proof ALVH can check), so that sheet was left untouched.`
      : "",
  ].join("");
  const skipped = book.problems.length
    ? ` Skipped ${book.problems.length === 1 ? "a row" : `${book.problems.length} rows`} of the positions table: ` +
      book.problems.map((p) => p.message).join("; ")
    : "";
  return {
    sheet: target,
    renamed,
    positionsSheet,
    tableCreated: positions !== null,
    problems: book.problems,
    syncs,
    plan,
    message:
      (renamed
        ? `Wrote the schedule to "${target}": a sheet named "${scheduleSpec.name}" already exists and was not created by ALVH, so it was left untouched.`
        : `Wrote the schedule to "${target}".`) +
      why +
      textNotes.map((note) => ` ${note}`).join("") +
      skipped,
    owner: {
      token,
      sheetId: schedule.id,
      sheet: target,
      ranges: footprint,
      charts: plan.charts.filter((c) => c.sheet === "schedule").map((c) => c.id),
      names: ownNames.filter((n) => n.sheet === "schedule").map((n) => n.name),
    },
  };
}

function sheetSpec(plan: WorkbookPlan, key: SheetKey): PlanSheet {
  const spec = plan.sheets.find((s) => s.key === key);
  if (!spec) throw new Error(`plan has no ${key} sheet`);
  return spec;
}

/** Writes blocks with their formats and styles (shared with the replay writer, ./replay.ts). */
export function writeBlocks(
  blocks: readonly PlanBlock[],
  sheetFor: (key: SheetKey) => Excel.Worksheet
): void {
  for (const block of blocks) {
    const sheet = sheetFor(block.sheet);
    const range = sheet.getRange(block.address);
    // Formats first: a text cell must already be "@" when its text arrives.
    range.numberFormat = officeFormats(block.cells);
    range.formulas = officeInputs(block.cells);
    for (const styled of styledRanges(block)) {
      const look = STYLE_LOOKS[styled.style];
      const format = sheet.getRange(styled.address).format;
      if (look.bold) format.font.bold = true;
      if (look.italic) format.font.italic = true;
      if (look.size) format.font.size = look.size;
      if (look.fontColor) format.font.color = look.fontColor;
      if (look.fill) format.fill.color = look.fill;
    }
  }
}

/** Column widths are given in characters; Excel wants points (about 6 points a character at Calibri 11). */
export function setWidths(sheet: Excel.Worksheet, spec: PlanSheet): void {
  spec.columnWidths.forEach((chars, i) => {
    const letter = columnLetters(i);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(chars * 6);
  });
}

function setPageLayout(sheet: Excel.Worksheet, spec: PlanSheet): void {
  const setup = spec.pageSetup;
  if (!setup) return;
  const layout = sheet.pageLayout;
  layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  // 0 pages tall: as many as the content needs.
  layout.zoom = { horizontalFitToPages: setup.fitToPagesWide, verticalFitToPages: 0 };
  if (setup.printArea) layout.setPrintArea(setup.printArea);
  layout.setPrintTitleRows(`$${setup.printTitleRows.replace(":", ":$")}`);
}

/** Names are scoped to the sheet they refer to, so they never meet a workbook name of the trader's. */
export function addName(sheet: Excel.Worksheet, name: PlanName): void {
  const range = sheet.getRange(name.address.replace(/\$/g, ""));
  const item = sheet.names.add(name.name, range, name.comment);
  if (!name.visible) item.visible = false;
}

/** ExcelApi 1.6: a three-colour scale's points as Office.js criteria. */
function addColorScale(sheet: Excel.Worksheet, scale: PlanColorScale): void {
  const criterion = (point: PlanScalePoint): Excel.ConditionalColorScaleCriterion =>
    point.at === "number"
      ? { type: "Number", formula: String(point.value), color: point.color }
      : { type: point.at === "lowest" ? "LowestValue" : "HighestValue", color: point.color };
  const format = sheet.getRange(scale.address).conditionalFormats.add("ColorScale");
  format.colorScale.criteria = {
    minimum: criterion(scale.minimum),
    midpoint: criterion(scale.midpoint),
    maximum: criterion(scale.maximum),
  };
}

export function addChart(sheet: Excel.Worksheet, spec: PlanChart): void {
  const [first, ...rest] = spec.series;
  const chart = sheet.charts.add("XYScatterLines", sheet.getRange(first.y), "Columns");
  chart.name = spec.id;
  chart.title.text = spec.title;
  chart.axes.categoryAxis.title.text = spec.xAxisTitle;
  chart.axes.valueAxis.title.text = spec.yAxisTitle;
  chart.legend.position = "Bottom";
  chart.setPosition(spec.from, spec.to);
  const series = [chart.series.getItemAt(0), ...rest.map((s) => chart.series.add(s.name))];
  spec.series.forEach((s, i) => {
    const target = series[i];
    target.name = s.name;
    target.setXAxisValues(sheet.getRange(s.x));
    if (i > 0) target.setValues(sheet.getRange(s.y));
    if (!s.markers) target.markerStyle = "None";
    if (!s.line) target.format.line.lineStyle = "None";
  });
}

function writeTable(plan: WorkbookPlan, sheet: Excel.Worksheet): void {
  addPositionsTable(sheet, plan.table);
  setWidths(sheet, sheetSpec(plan, "positions"));
}
