/**
 * Native charts for the .xlsx package. exceljs cannot write charts, so each sheet's charts are
 * added to the written package as DrawingML: one xl/charts/chartN.xml per chart (an XY scatter
 * whose series refer to the sheet's cells, with the values the writer knows cached so a viewer
 * that does not recalculate still draws them), one xl/drawings/drawingN.xml per sheet anchoring
 * them over their cells, the relationships between the parts, and their content types.
 */
import type JSZip from "jszip";
import { parseCellAddress } from "../a1";
import type { XlsxChart, XlsxSeries, XlsxSheet } from "./book";
import { xmlEscape } from "./xml";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
/** The drawing's relationship id in the sheet's .rels; unlike exceljs's "rIdN", it cannot clash. */
const DRAWING_REL_ID = "rIdAlvhDrawing";
/** Distinct colours for up to six series (Office's default accents), repeated beyond. */
const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

/** Cached values of a column of cells, read from the sheet as written (numbers only). */
export type CellValues = (address: string) => number | undefined;

function sheetValues(sheet: XlsxSheet): CellValues {
  const values = new Map<string, number>();
  for (const cell of sheet.cells) {
    const v = cell.value;
    if (v?.kind === "number") values.set(cell.address, v.value);
    if (v?.kind === "formula" && typeof v.result === "number") values.set(cell.address, v.result);
  }
  return (address) => values.get(address);
}

/** The cells of a one-column reference "'Sheet'!$W$5:$W$11", top to bottom. */
function columnCells(reference: string): string[] {
  const range = reference.slice(reference.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [first, last = first] = range.split(":");
  const from = parseCellAddress(first);
  const to = parseCellAddress(last);
  if (!from || !to || from.col !== to.col) {
    throw new Error(`chart series ${reference} must be one column of cells`);
  }
  const letters = first.replace(/\d+$/, "");
  return Array.from({ length: to.row - from.row + 1 }, (_, i) => `${letters}${from.row + i + 1}`);
}

function numRef(reference: string, values: CellValues): string {
  const cells = columnCells(reference);
  const points = cells
    .map((address, i) => {
      const value = values(address);
      return value === undefined ? "" : `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`;
    })
    .join("");
  return (
    `<c:numRef><c:f>${xmlEscape(reference)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function seriesXml(series: XlsxSeries, i: number, values: CellValues): string {
  const color = SERIES_COLORS[i % SERIES_COLORS.length];
  const line = series.line
    ? `<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln>`
    : `<a:ln><a:noFill/></a:ln>`;
  const marker = series.markers
    ? `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr></c:marker>`
    : `<c:marker><c:symbol val="none"/></c:marker>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(series.name)}</c:v></c:tx>` +
    `<c:spPr>${line}</c:spPr>${marker}` +
    `<c:xVal>${numRef(series.x, values)}</c:xVal><c:yVal>${numRef(series.y, values)}</c:yVal>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

function richText(text: string, size: number): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function axisXml(id: number, crossId: number, position: "b" | "l", title: string): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${position}"/>` +
    (position === "l" ? `<c:majorGridlines/>` : "") +
    `<c:title>${richText(title, 1000)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${crossId}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`
  );
}

/** One chart part: an XY scatter with straight lines, its title, both axis titles and a legend. */
function chartXml(chart: XlsxChart, values: CellValues): string {
  const series = chart.series.map((s, i) => seriesXml(s, i, values)).join("");
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${richText(chart.title, 1400)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="1"/><c:axId val="2"/></c:scatterChart>` +
    axisXml(1, 2, "b", chart.xAxisTitle) +
    axisXml(2, 1, "l", chart.yAxisTitle) +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorCell(tag: "from" | "to", address: string, past: number): string {
  const at = parseCellAddress(address);
  if (!at) throw new Error(`chart corner ${address} is not a cell`);
  return (
    `<xdr:${tag}><xdr:col>${at.col + past}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${at.row + past}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/** A sheet's drawing: each chart covers its `from` cell through its `to` cell. */
function drawingXml(charts: readonly XlsxChart[]): string {
  const anchors = charts.map(
    (chart, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">${anchorCell("from", chart.from, 0)}${anchorCell("to", chart.to, 1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(chart.name)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rIdChart${i + 1}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`
  );
}

function relationshipsXml(items: readonly { id: string; type: string; target: string }[]): string {
  const rels = items
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`)
    .join("");
  return (
    XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`
  );
}

async function readPart(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`the written package has no ${part}`);
  return file.async("string");
}

/** The worksheet part of each sheet, by name, as the workbook's relationships say. */
async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readPart(zip, "xl/workbook.xml");
  const rels = await readPart(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) parts.set(name, part);
  }
  return parts;
}

/** Elements that follow <drawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

function withDrawing(sheetXml: string): string {
  const at = AFTER_DRAWING.exec(sheetXml);
  if (!at) throw new Error("the worksheet part has no end");
  const root = /<worksheet\b[^>]*>/.exec(sheetXml);
  if (!root) throw new Error("the worksheet part has no root");
  const declared = root[0].includes(`xmlns:r="${NS_R}"`);
  const xml =
    sheetXml.slice(0, at.index) + `<drawing r:id="${DRAWING_REL_ID}"/>` + sheetXml.slice(at.index);
  return declared ? xml : xml.replace("<worksheet", `<worksheet xmlns:r="${NS_R}"`);
}

async function addSheetRelationship(zip: JSZip, sheetPart: string, target: string): Promise<void> {
  const slash = sheetPart.lastIndexOf("/");
  const relsPart = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
  const rel = `<Relationship Id="${DRAWING_REL_ID}" Type="${REL}/drawing" Target="${target}"/>`;
  const existing = zip.file(relsPart);
  if (!existing) {
    zip.file(relsPart, relationshipsXml([{ id: DRAWING_REL_ID, type: "drawing", target }]));
    return;
  }
  const xml = await existing.async("string");
  zip.file(relsPart, xml.replace("</Relationships>", `${rel}</Relationships>`));
}

/** Adds every sheet's charts to the package; returns the content-type overrides they need. */
export async function addCharts(zip: JSZip, sheets: readonly XlsxSheet[]): Promise<string> {
  const parts = await worksheetParts(zip);
  let overrides = "";
  let chartCount = 0;
  let drawingCount = 0;
  for (const sheet of sheets) {
    const charts = sheet.charts ?? [];
    if (charts.length === 0) continue;
    const sheetPart = parts.get(xmlEscape(sheet.name));
    if (!sheetPart) throw new Error(`the written package has no part for sheet ${sheet.name}`);
    const values = sheetValues(sheet);
    const drawing = ++drawingCount;
    const chartRels = charts.map((chart, i) => {
      const n = ++chartCount;
      zip.file(`xl/charts/chart${n}.xml`, chartXml(chart, values));
      overrides += `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`;
      return { id: `rIdChart${i + 1}`, type: "chart", target: `../charts/chart${n}.xml` };
    });
    zip.file(`xl/drawings/drawing${drawing}.xml`, drawingXml(charts));
    zip.file(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationshipsXml(chartRels));
    overrides += `<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`;
    zip.file(sheetPart, withDrawing(await readPart(zip, sheetPart)));
    await addSheetRelationship(zip, sheetPart, `../drawings/drawing${drawing}.xml`);
  }
  return overrides;
}
