/**
 * The schedule's stacker (src/workbook/schedule/stack.ts): sections return cells relative to their
 * own corner; the stacker measures them, places them, and references across sections follow.
 */
import { describe, expect, it } from "vitest";
import { FORMATS, formula, num, text } from "../../src/workbook/cells";
import type { PlanCell } from "../../src/workbook/plan";
import type { Section, SectionContext } from "../../src/workbook/schedule/section";
import { stackSections, type StackEntry } from "../../src/workbook/schedule/stack";

const ctx = {} as SectionContext;

function rows(id: string, count: number, width = 1): Section {
  return {
    id,
    build: () => ({
      blocks: [
        {
          id,
          row: 0,
          col: 0,
          cells: Array.from({ length: count }, (_, r) =>
            Array.from({ length: width }, (): PlanCell => num(r, FORMATS.whole))
          ),
        },
      ],
    }),
  };
}

/** Reads cell (1, 0) of the "target" section, named and highlighted, with a chart beside. */
const reader: Section = {
  id: "reader",
  build: (_ctx, frame, frames) => ({
    blocks: [
      {
        id: "reader",
        row: 0,
        col: 0,
        cells: [
          [text("Reader", "section")],
          [formula(`=${frames.of("target").cell(1, 0)}*2`, 2, "0")],
        ],
      },
    ],
    names: [{ name: "T_Read", row: 1, col: 0, comment: "read" }],
    conditionalFormats: [
      {
        id: "cf",
        row: 1,
        col: 0,
        rows: 1,
        cols: 1,
        formula: `=${frame.cell(1, 0)}>0`,
        fill: "#FFFFFF",
        fontColor: "#000000",
      },
    ],
  }),
};

const side: Section = {
  id: "side",
  build: (_ctx, frame) => ({
    blocks: [{ id: "side-data", row: 0, col: 3, cells: [[text("x")], [text("y")]] }],
    charts: [
      {
        id: "chart",
        title: "t",
        xAxisTitle: "x",
        yAxisTitle: "y",
        from: { row: 0, col: 0 },
        to: { row: 4, col: 1 },
        series: [
          { name: "s", x: frame.cell(0, 3), y: frame.cell(1, 3), line: true, markers: false },
        ],
      },
    ],
  }),
};

function formulaOf(stack: readonly StackEntry[]): string {
  const sheet = stackSections(ctx, stack, [side]);
  const cell = sheet.blocks.find((b) => b.id === "reader")!.cells[1][0];
  return cell.kind === "formula" ? cell.formula : "";
}

describe("schedule stacker", () => {
  const main: StackEntry[] = [
    { section: rows("title", 1), gapBelow: 0 },
    { section: reader },
    { section: rows("wide", 2, 5) },
    { section: rows("target", 3, 9), underSide: true },
  ];

  it("stacks sections down column A, one blank row apart unless told, measured from their cells", () => {
    const sheet = stackSections(ctx, main, [side]);
    const at = (id: string) => sheet.blocks.find((b) => b.id === id)!;
    expect(["title", "reader", "wide", "target"].map((id) => [at(id).row, at(id).col])).toEqual([
      [0, 0],
      [1, 0],
      [4, 0],
      [7, 0],
    ]);
    expect(at("target").address).toBe("A8:I10");
  });

  it("puts the side area right of the widest section it sits beside, one row below the title", () => {
    const sheet = stackSections(ctx, main, [side]);
    // "wide" is 5 columns (A:E); "target" runs under the side area; two blank columns: H.
    expect(sheet.frames.of("side")).toMatchObject({ row: 2, col: 7 });
    expect(sheet.blocks.find((b) => b.id === "side-data")!.address).toBe("K3:K4");
    expect(sheet.charts[0]).toMatchObject({ sheet: "schedule", from: "H3", to: "I7" });
    expect(sheet.charts[0].series[0]).toMatchObject({ x: "K3", y: "K4" });
    expect(sheet.width).toBe(11);
  });

  it("places names, conditional formats and references across sections where the cells land", () => {
    const sheet = stackSections(ctx, main, [side]);
    expect(sheet.names).toEqual([
      { name: "T_Read", sheet: "schedule", address: "$A$3", comment: "read", visible: true },
    ]);
    expect(sheet.conditionalFormats[0]).toMatchObject({ address: "A3", formula: "=A3>0" });
    expect(formulaOf(main)).toBe("=A9*2");
  });

  it("moves every later section, and the references to it, when a section is added", () => {
    const added = [...main.slice(0, 3), { section: rows("scenarios", 4, 3) }, main[3]];
    expect(formulaOf(added)).toBe("=A14*2");
  });

  it("starts a section that runs under the side area below it when the side area is taller", () => {
    const sheet = stackSections(ctx, main, [side, rows("side-tall", 12)]);
    const tall = sheet.frames.of("side-tall");
    const target = sheet.blocks.find((b) => b.id === "target")!;
    expect(target.row).toBe(tall.row + 12);
  });

  it("refuses two sections with one id", () => {
    expect(() => stackSections(ctx, [{ section: reader }, { section: reader }], [])).toThrow(
      /duplicate section id/
    );
  });
});
