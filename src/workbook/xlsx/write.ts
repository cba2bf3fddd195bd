import { Workbook, type Cell, type CellValue, type Worksheet } from "exceljs";
import JSZip from "jszip";
import { parseCellAddress } from "../a1";
import type { StyleLook } from "../styles";
import {
  sheetReference,
  type XlsxBook,
  type XlsxCell,
  type XlsxName,
  type XlsxSheet,
  type XlsxValue,
} from "./book";
import { addCharts } from "./charts";
import { fileFormula } from "./formula";
import { xmlEscape } from "./xml";

/** "#1F4E79" → "FF1F4E79", the ARGB exceljs and the file format use. */
function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

function excelValue(value: XlsxValue): CellValue {
  switch (value.kind) {
    case "text":
      return value.text;
    case "number":
    case "boolean":
      return value.value;
    case "formula":
      return value.result === undefined
        ? { formula: fileFormula(value.formula), date1904: false }
        : { formula: fileFormula(value.formula), result: value.result, date1904: false };
  }
}

function applyLook(target: Cell, look: StyleLook): void {
  if (look.bold || look.italic || look.size || look.fontColor) {
    target.font = {
      ...(look.bold ? { bold: true } : {}),
      ...(look.italic ? { italic: true } : {}),
      ...(look.size ? { size: look.size } : {}),
      ...(look.fontColor ? { color: { argb: argb(look.fontColor) } } : {}),
    };
  }
  if (look.fill) {
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  }
}

function writeCell(ws: Worksheet, cell: XlsxCell): void {
  const target = ws.getCell(cell.address);
  // exceljs stores strings as shared strings, never parsed: "=1+1" stays text; the "@" format
  // keeps it text when the trader edits the cell in Excel later.
  if (cell.value) target.value = excelValue(cell.value);
  target.numFmt = cell.format;
  if (cell.look) applyLook(target, cell.look);
}

function writeSheet(wb: Workbook, sheet: XlsxSheet): void {
  const ws = wb.addWorksheet(sheet.name);
  if (sheet.pageSetup) {
    // Print area and title rows are defined names, written with the others (see printNames).
    ws.pageSetup.orientation = sheet.pageSetup.orientation;
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = sheet.pageSetup.fitToPagesWide;
    ws.pageSetup.fitToHeight = 0;
  }
  for (const [letter, width] of Object.entries(sheet.columnWidths)) {
    ws.getColumn(letter).width = width;
  }
  for (const table of sheet.tables) {
    const [topLeft, bottomRight] = table.address.split(":");
    const from = parseCellAddress(topLeft);
    const to = parseCellAddress(bottomRight ?? topLeft);
    if (!from || !to) throw new Error(`table ${table.name} has a bad address ${table.address}`);
    // exceljs fills the table's cells from `rows`; the real cells (typed and formatted) follow.
    ws.addTable({
      name: table.name,
      ref: topLeft,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: Array.from({ length: to.row - from.row }, () => table.headers.map(() => null)),
    });
  }
  for (const cell of sheet.cells) writeCell(ws, cell);
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.address,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [fileFormula(cf.formula)],
          style: {
            ...(cf.fill
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } }
              : {}),
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
          },
        },
      ],
    });
  });
  const priority = sheet.conditionalFormats.length;
  (sheet.colorScales ?? []).forEach((scale, i) => {
    const points = [scale.minimum, scale.midpoint, scale.maximum];
    ws.addConditionalFormatting({
      ref: scale.address,
      rules: [
        {
          type: "colorScale",
          priority: priority + i + 1,
          cfvo: points.map((p) =>
            p.at === "number"
              ? { type: "num" as const, value: p.value }
              : { type: p.at === "lowest" ? ("min" as const) : ("max" as const) }
          ),
          color: points.map((p) => ({ argb: argb(p.color) })),
        },
      ],
    });
  });
}

/** Excel's built-in names for a sheet's print area and print titles, scoped to that sheet. */
function printNames(sheets: readonly XlsxSheet[]): string[] {
  return sheets.flatMap((sheet, i) => {
    if (!sheet.pageSetup) return [];
    const { printArea, printTitleRows } = sheet.pageSetup;
    const [top, bottom = top] = printTitleRows.split(":");
    const quoted = sheetReference(sheet.name, "A1").replace(/!.*$/, "");
    return [
      ...(printArea
        ? [
            `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlEscape(sheetReference(sheet.name, printArea))}</definedName>`,
          ]
        : []),
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(`${quoted}!$${top}:$${bottom}`)}</definedName>`,
    ];
  });
}

/**
 * exceljs writes neither hidden names nor name comments, and its print-area names would be a
 * second <definedNames>, so every name is added to the package here.
 */
function definedNamesXml(names: readonly XlsxName[], sheets: readonly XlsxSheet[]): string {
  const items = names.map(
    (n) =>
      `<definedName name="${xmlEscape(n.name)}"` +
      (n.comment ? ` comment="${xmlEscape(n.comment)}"` : "") +
      (n.hidden ? ` hidden="1"` : "") +
      `>${xmlEscape(n.reference)}</definedName>`
  );
  items.push(...printNames(sheets));
  return items.length > 0 ? `<definedNames>${items.join("")}</definedNames>` : "";
}

function customPropertiesXml(properties: Record<string, string>): string {
  const items = Object.entries(properties).map(
    ([name, value], i) =>
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlEscape(name)}">` +
      `<vt:lpwstr>${xmlEscape(value)}</vt:lpwstr></property>`
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join("")}</Properties>`
  );
}

async function replaceInPart(
  zip: JSZip,
  part: string,
  anchor: string,
  insert: (anchor: string) => string
): Promise<void> {
  const file = zip.file(part);
  if (!file) throw new Error(`the written package has no ${part}`);
  const xml = await file.async("string");
  if (!xml.includes(anchor)) throw new Error(`${part} has no ${anchor} to extend`);
  zip.file(part, xml.replace(anchor, insert(anchor)));
}

async function finishPackage(
  written: ArrayBuffer | Uint8Array,
  book: XlsxBook
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(written);
  await replaceInPart(
    zip,
    "xl/workbook.xml",
    "</sheets>",
    (a) => a + definedNamesXml(book.names, book.sheets)
  );
  const chartTypes = await addCharts(zip, book.sheets);
  if (chartTypes)
    await replaceInPart(zip, "[Content_Types].xml", "</Types>", (a) => chartTypes + a);
  if (Object.keys(book.properties).length > 0) {
    zip.file("docProps/custom.xml", customPropertiesXml(book.properties));
    await replaceInPart(
      zip,
      "[Content_Types].xml",
      "</Types>",
      (a) =>
        `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>${a}`
    );
    await replaceInPart(
      zip,
      "_rels/.rels",
      "</Relationships>",
      (a) =>
        `<Relationship Id="rIdAlvhCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>${a}`
    );
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Writes the book as an .xlsx package: typed cells with their number formats, formulas with their
 * cached results (`_xlfn.` where Excel needs it), tables, conditional formats, defined names and
 * custom properties, and full recalculation on load so no reader trusts a stale cached value.
 */
export async function writeXlsx(book: XlsxBook): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of book.sheets) writeSheet(wb, sheet);
  const written = await wb.xlsx.writeBuffer();
  return finishPackage(written as ArrayBuffer, book);
}
