/**
 * Native charts and page setup in the .xlsx package, read back from its XML: each PlanChart is a
 * DrawingML scatter chart reachable from its sheet (drawing element, relationships, content
 * types), its series referring to the plan's ranges on the named sheet; owned sheets print
 * landscape, one page wide, with print area and title rows as Excel's built-in names.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkbookPlan } from "../../../src/workbook/plan";
import { renderXlsx } from "../../../src/workbook/xlsx";
import { sheetReference } from "../../../src/workbook/xlsx/book";
import { makePosition } from "../helpers";
import { bookPlan } from "./support";

const plan: WorkbookPlan = bookPlan([
  makePosition("A"),
  makePosition("B", { shortCall: 5900, longCall: 5950 }),
]);
let zip: JSZip;
const part = async (name: string): Promise<string> => {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async("string");
};
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

beforeAll(async () => {
  zip = await JSZip.loadAsync(await renderXlsx(plan));
});

describe("charts in the .xlsx", () => {
  it("adds one well-formed chart part per PlanChart and a drawing for the schedule sheet", async () => {
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(plan.charts.length);
    for (const name of [...charts, "xl/drawings/drawing1.xml", "xl/worksheets/sheet1.xml"]) {
      expect(XMLValidator.validate(await part(name)), name).toBe(true);
    }
    const types = await part("[Content_Types].xml");
    for (const name of [...charts, "xl/drawings/drawing1.xml"]) {
      expect(types).toContain(`PartName="/${name}"`);
    }
  });

  it("links sheet → drawing → charts, with the drawing before the sheet's table parts", async () => {
    const sheet = await part("xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<drawing r:id="rIdAlvhDrawing"\/>/);
    const sheetRels = await part("xl/worksheets/_rels/sheet1.xml.rels");
    expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
    const drawingRels = await part("xl/drawings/_rels/drawing1.xml.rels");
    expect(drawingRels.match(/relationships\/chart"/g)).toHaveLength(plan.charts.length);
    const positions = await part("xl/worksheets/sheet2.xml");
    expect(positions).not.toContain("<drawing");
  });

  it("draws every series of every chart from the plan's ranges, with titles and axis titles", async () => {
    const drawing = await part("xl/drawings/drawing1.xml");
    const rels = await part("xl/drawings/_rels/drawing1.xml.rels");
    for (const chart of plan.charts) {
      // The anchor named after the chart leads to its part.
      const anchor = new RegExp(`name="${chart.id}"[\\s\\S]*?r:id="(rIdChart\\d+)"`).exec(drawing);
      expect(anchor, chart.id).not.toBeNull();
      const target = new RegExp(
        `Id="${anchor![1]}"[^>]*Target="\\.\\./charts/(chart\\d+\\.xml)"`
      ).exec(rels);
      const xml = await part(`xl/charts/${target![1]}`);
      const space = parser.parse(xml)["c:chartSpace"]["c:chart"];
      const texts = (node: unknown): string =>
        JSON.stringify(node).match(/"a:t":"([^"]*)"/)?.[1] ?? "";
      expect(texts(space["c:title"])).toBe(chart.title);
      const axes = space["c:plotArea"]["c:valAx"];
      expect(axes.map((a: { "c:title": unknown }) => texts(a["c:title"]))).toEqual([
        chart.xAxisTitle,
        chart.yAxisTitle,
      ]);
      const series = [space["c:plotArea"]["c:scatterChart"]["c:ser"]].flat();
      expect(series).toHaveLength(chart.series.length);
      chart.series.forEach((s, i) => {
        const ser = series[i];
        expect(ser["c:tx"]["c:v"]).toBe(s.name);
        expect(ser["c:xVal"]["c:numRef"]["c:f"]).toBe(sheetReference("ALVH Schedule", s.x));
        expect(ser["c:yVal"]["c:numRef"]["c:f"]).toBe(sheetReference("ALVH Schedule", s.y));
        expect(ser["c:marker"]["c:symbol"].val).toBe(s.markers ? "circle" : "none");
        expect("a:noFill" in ser["c:spPr"]["a:ln"]).toBe(!s.line);
      });
    }
  });

  it("caches the values the plan computed, so a viewer that does not recalculate draws them", async () => {
    const xml = await part("xl/charts/chart1.xml");
    const payoff = plan.charts[0].series[0];
    const x =
      parser.parse(xml)["c:chartSpace"]["c:chart"]["c:plotArea"]["c:scatterChart"]["c:ser"][0];
    const cache = x["c:xVal"]["c:numRef"]["c:numCache"];
    const [first, last] = payoff.x.split(":").map((a) => Number(a.replace(/\D/g, "")));
    expect(cache["c:ptCount"].val).toBe(String(last - first + 1));
    expect([cache["c:pt"]].flat()).toHaveLength(last - first + 1);
  });
});

describe("page setup in the .xlsx", () => {
  it("prints owned sheets landscape, one page wide and as many down as needed", async () => {
    for (const name of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      const sheet = await part(name);
      expect(sheet, name).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(sheet, name).toMatch(/<pageSetup [^>]*orientation="landscape"/);
      expect(sheet, name).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
      expect(sheet, name).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
    }
  });

  it("writes print area and title rows as sheet-scoped built-in names, in one definedNames", async () => {
    const workbook = await part("xl/workbook.xml");
    expect(workbook.match(/<definedNames>/g)).toHaveLength(1);
    const area = plan.sheets[0].pageSetup!.printArea!;
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">${sheetReference("ALVH Schedule", area).replace(/'/g, "'")}</definedName>`
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'ALVH Schedule'!$1:$7</definedName>`
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'ALVH Positions'!$1:$1</definedName>`
    );
    expect(workbook).not.toMatch(/Print_Area" localSheetId="1"/);
  });
});
