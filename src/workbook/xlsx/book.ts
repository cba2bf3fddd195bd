import { cellAddress, columnLetters, parseCellAddress, rangeAddress } from "../a1";
import type { PlanCell, PlanColorScale, PlanName, SheetKey, WorkbookPlan } from "../plan";
import { TEXT_FORMAT } from "../plan";
import { STYLE_LOOKS, type StyleLook } from "../styles";

/**
 * What goes into an .xlsx file, sheet by sheet, with every address resolved to a real sheet name.
 * The plan renderer fills it from a WorkbookPlan; the tests fill it from what the Office.js
 * renderer wrote into the recording fake, so both renderers reach LibreOffice through one writer.
 */
export type XlsxValue =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  /** en-US formula with or without the leading "="; `result` is the cached value, when known. */
  | { kind: "formula"; formula: string; result?: number | string | boolean };

export interface XlsxCell {
  /** A1 address on its sheet. */
  address: string;
  /** Absent for a cell that only carries a format. */
  value?: XlsxValue;
  format: string;
  look?: StyleLook;
}

export interface XlsxConditionalFormat {
  address: string;
  /** Relative to the range's top-left cell, with or without the leading "=". */
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

/** A colour scale as the plan gives it (the range and its three points). */
export type XlsxColorScale = Omit<PlanColorScale, "id" | "sheet">;

export interface XlsxTable {
  name: string;
  /** Header row and data rows, e.g. "A1:K4"; the cells themselves come from the sheet's cells. */
  address: string;
  headers: string[];
}

export interface XlsxSeries {
  name: string;
  /** Sheet-qualified absolute references, e.g. "'ALVH Schedule'!$W$5:$W$11". */
  x: string;
  y: string;
  line: boolean;
  markers: boolean;
}

/** An XY (scatter) chart anchored over the cells `from` to `to` (both inside the chart). */
export interface XlsxChart {
  name: string;
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  from: string;
  to: string;
  series: XlsxSeries[];
}

export interface XlsxPageSetup {
  orientation: "landscape" | "portrait";
  fitToPagesWide: number;
  /** A1 range on the sheet, e.g. "A1:T72"; absent, everything prints. */
  printArea?: string;
  /** e.g. "1:3" */
  printTitleRows: string;
}

export interface XlsxSheet {
  name: string;
  cells: XlsxCell[];
  /** Column letter → width in characters. */
  columnWidths: Record<string, number>;
  conditionalFormats: XlsxConditionalFormat[];
  /** Written after the formula-based formats; absent means none. */
  colorScales?: XlsxColorScale[];
  tables: XlsxTable[];
  charts?: XlsxChart[];
  pageSetup?: XlsxPageSetup;
}

export interface XlsxName {
  name: string;
  /** "'Sheet name'!$B$5" */
  reference: string;
  comment: string;
  hidden: boolean;
}

export interface XlsxBook {
  /** In tab order. */
  sheets: XlsxSheet[];
  names: XlsxName[];
  /** Custom document properties (File › Properties › Custom in Excel). */
  properties: Record<string, string>;
}

function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "W5:W11" on "ALVH Schedule" → "'ALVH Schedule'!$W$5:$W$11". */
export function sheetReference(sheet: string, range: string): string {
  const absolute = range
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Z]+)\$?(\d+)$/i, "$$$1$$$2"))
    .join(":");
  return `${quoteSheetName(sheet)}!${absolute}`;
}

/** Empty plan cells are left out: the file only holds cells with something in them. */
function planCell(address: string, cell: PlanCell): XlsxCell | undefined {
  if (cell.kind === "empty") return undefined;
  const value: XlsxValue =
    cell.kind === "text"
      ? { kind: "text", text: cell.text }
      : cell.kind === "number"
        ? { kind: "number", value: cell.value }
        : { kind: "formula", formula: cell.formula, result: cell.expected };
  const format = cell.kind === "text" ? TEXT_FORMAT : cell.format;
  const look = cell.style ? STYLE_LOOKS[cell.style] : undefined;
  return look && Object.keys(look).length > 0
    ? { address, value, format, look }
    : { address, value, format };
}

function tableCells(plan: WorkbookPlan): XlsxCell[] {
  const { table } = plan;
  const origin = parseCellAddress(table.topLeft);
  if (!origin) throw new Error(`table ${table.name} has a bad top-left cell ${table.topLeft}`);
  const header = table.columns.map((name, c) =>
    planCell(cellAddress(origin.row, origin.col + c), { kind: "text", text: name, style: "header" })
  );
  const rows = table.rows.flatMap((cells, r) =>
    cells.map((cell, c) => planCell(cellAddress(origin.row + 1 + r, origin.col + c), cell))
  );
  return [...header, ...rows].filter((cell): cell is XlsxCell => cell !== undefined);
}

/** The plan as an .xlsx book: the sheets under their preferred names, in the plan's order. */
export function bookFromPlan(plan: WorkbookPlan): XlsxBook {
  const nameOf = (key: SheetKey): string => {
    const sheet = plan.sheets.find((s) => s.key === key);
    if (!sheet) throw new Error(`the plan refers to a sheet "${key}" it does not list`);
    return sheet.name;
  };
  const sheets = plan.sheets.map((sheet): XlsxSheet => {
    const cells = plan.blocks
      // Blocks of =ALVH.* formulas need the add-in: a file has no add-in to compute them.
      .filter((block) => block.sheet === sheet.key && !block.addinOnly)
      .flatMap((block) =>
        block.cells.flatMap((row, r) =>
          row.map((cell, c) => planCell(cellAddress(block.row + r, block.col + c), cell))
        )
      )
      .filter((cell): cell is XlsxCell => cell !== undefined);
    const table = plan.table.sheet === sheet.key ? plan.table : undefined;
    if (table) cells.push(...tableCells(plan));
    const origin = table ? parseCellAddress(table.topLeft) : undefined;
    return {
      name: sheet.name,
      cells,
      columnWidths: Object.fromEntries(
        sheet.columnWidths.map((width, col) => [columnLetters(col), width])
      ),
      conditionalFormats: plan.conditionalFormats
        .filter((cf) => cf.sheet === sheet.key)
        .map((cf) => ({
          address: cf.address,
          formula: cf.formula,
          fill: cf.fill,
          fontColor: cf.fontColor,
        })),
      colorScales: plan.colorScales
        .filter((scale) => scale.sheet === sheet.key)
        .map(({ address, minimum, midpoint, maximum }) => ({
          address,
          minimum,
          midpoint,
          maximum,
        })),
      tables:
        table && origin
          ? [
              {
                name: table.name,
                address: rangeAddress(
                  origin.row,
                  origin.col,
                  table.rows.length + 1,
                  table.columns.length
                ),
                headers: [...table.columns],
              },
            ]
          : [],
      charts: plan.charts
        .filter((chart) => chart.sheet === sheet.key)
        .map((chart) => ({
          name: chart.id,
          title: chart.title,
          xAxisTitle: chart.xAxisTitle,
          yAxisTitle: chart.yAxisTitle,
          from: chart.from,
          to: chart.to,
          series: chart.series.map((s) => ({
            name: s.name,
            x: sheetReference(sheet.name, s.x),
            y: sheetReference(sheet.name, s.y),
            line: s.line,
            markers: s.markers,
          })),
        })),
      ...(sheet.pageSetup ? { pageSetup: { ...sheet.pageSetup } } : {}),
    };
  });
  const name = (n: PlanName): XlsxName => ({
    name: n.name,
    reference: `${quoteSheetName(nameOf(n.sheet))}!${n.address}`,
    comment: n.comment,
    hidden: !n.visible,
  });
  return {
    sheets,
    names: [...plan.names, plan.ownerMarker].map(name),
    properties: Object.fromEntries(
      plan.documentSettings.map((s) => [
        s.key,
        typeof s.value === "object" ? JSON.stringify(s.value) : String(s.value),
      ])
    ),
  };
}
