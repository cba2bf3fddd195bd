/**
 * The schedule's Scenarios section (SPEC §3.8, §5 "Risk", issue 15): the plan's grids against the
 * engine (core.scenarioGrid, itself checked against mpmath in tests/core) and =ALVH.SCENARIO, the
 * live formula evaluated over the plan's own cells, the colour scales in the plan, the .xlsx file
 * and the Office.js writes (recording fake).
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import * as core from "../../src/core";
import { scenario } from "../../src/functions/functions";
import { cellAddress, parseCellAddress } from "../../src/workbook/a1";
import type { PlanCell, WorkbookPlan } from "../../src/workbook/plan";
import { SCALE_COLORS } from "../../src/workbook/schedule/scenarios";
import { renderXlsx } from "../../src/workbook/xlsx";
import { block, cellAt, namedValue, recordScheduleWrite } from "./helpers";
import {
  EXAMPLE,
  EXAMPLE_SETTINGS,
  EXPIRY,
  WRITTEN_AT,
  examplePlan,
  gridTable,
  numberOf,
} from "./scenario-example";
import { close } from "../support/close";

/** The engine's table for one position and a VIX-futures hedge, as =ALVH.SCENARIO would price it. */
function engineTable(
  output: core.ScenarioOutput,
  dte: number,
  hedge: number,
  hedgeDays: number
): number[][] {
  const book = core.scenarioBook({
    positions: [
      {
        longPut: 5850,
        shortPut: 5900,
        shortCall: 6100,
        longCall: 6150,
        credit: 15,
        contracts: 5,
        dte,
        vol: 0.18,
      },
    ],
    hedge: { kind: "future", contracts: hedge, days: hedgeDays },
    market: { spot: 6000, vix: 18 },
  });
  return core.scenarioTable(core.scenarioGrid(book), output);
}

function expectTablesClose(actual: number[][], expected: number[][], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((row, i) =>
    row.forEach((value, j) =>
      expect(
        close(value, expected[i][j]),
        `${what} [${i}][${j}]: ${value} vs ${expected[i][j]}`
      ).toBe(true)
    )
  );
}

/** Resolves one argument of the live formula against the plan: a name, a cell, a range, a literal. */
function argument(plan: WorkbookPlan, arg: string): number | string | number[][] {
  if (/^"/.test(arg)) return arg.slice(1, -1);
  if (/^-?\d/.test(arg)) return Number(arg);
  if (/^ALVH_/.test(arg)) return namedValue(plan, arg) as number;
  const [from, to] = arg.replace(/\$/g, "").split(":");
  const value = (address: string): number => numberOf(cellAt(plan, "schedule", address));
  if (to === undefined) return value(from);
  const [a, b] = [parseCellAddress(from)!, parseCellAddress(to)!];
  return Array.from({ length: b.row - a.row + 1 }, (_, r) =>
    Array.from({ length: b.col - a.col + 1 }, (_, c) => value(cellAddress(a.row + r, a.col + c)))
  );
}

/** Evaluates the live formula, a sum of ALVH.SCENARIO grids, through the custom function itself. */
function evaluateLive(plan: WorkbookPlan, formula: string): number[][] {
  const terms = [...formula.matchAll(/([=+-])(?:(\d+)\*)?ALVH\.SCENARIO\(([^)]*)\)/g)];
  expect(terms.map((t) => t[0]).join("")).toBe(formula);
  let sum: number[][] | null = null;
  for (const [, sign, times, args] of terms) {
    const values = args.split(",").map((a) => argument(plan, a));
    const vol = values[7];
    values[7] = typeof vol === "number" ? [[vol]] : vol;
    const grid = (scenario as (...a: unknown[]) => number[][])(...values);
    const factor = (sign === "-" ? -1 : 1) * Number(times ?? 1);
    sum = grid.map((row, i) => row.map((v, j) => (sum ? sum[i][j] : 0) + factor * v));
  }
  return sum!;
}

function liveFormula(plan: WorkbookPlan): PlanCell {
  return block(plan, "scenarios-live").cells[1][0];
}

describe("the Scenarios section of the done-when example", () => {
  const plan = examplePlan();
  const dte = numberOf(cellAt(plan, "schedule", findDte(plan)));
  const hedgeDays = namedValue(plan, "ALVH_HedgeDays") as number;

  it("is written 45 days before the condor's expiry, with 2 futures held 77.73 days out", () => {
    expect(dte).toBe(45);
    expect(hedgeDays).toBeCloseTo(77 + 17.5 / 24, 9);
    expect(numberOf(block(plan, "scenarios").cells[3][2])).toBe(2);
    expect(block(plan, "scenarios").cells[3][0]).toMatchObject({
      text: "Hedge held (VIX futures)",
    });
  });

  it("shows the net, condor and hedge grids of core.scenarioGrid and =ALVH.SCENARIO to 1e-9", () => {
    for (const output of core.SCENARIO_OUTPUTS) {
      const sheet = gridTable(block(plan, `scenarios-${output}`));
      expectTablesClose(sheet, engineTable(output, dte, 2, hedgeDays), `${output} vs engine`);
      const adapter = scenario(
        6000,
        5850,
        5900,
        6100,
        6150,
        15,
        dte,
        [[0.18]],
        18,
        5,
        2,
        hedgeDays,
        0,
        undefined,
        undefined,
        output
      );
      expectTablesClose(sheet, adapter, `${output} vs =ALVH.SCENARIO`);
    }
    const net = gridTable(block(plan, "scenarios-net"));
    expect(net[0]).toEqual([0, ...core.DEFAULT_VIX_MOVES]);
    expect(net.slice(1).map((r) => r[0])).toEqual([...core.DEFAULT_SPX_MOVES]);
    // Net = condor + hedge, and the hedge is 0 where VIX does not move.
    const [condor, hedge] = [
      gridTable(block(plan, "scenarios-condor")),
      gridTable(block(plan, "scenarios-hedge")),
    ];
    net
      .slice(1)
      .forEach((row, i) =>
        row.slice(1).forEach((v, j) => expect(v).toBe(condor[i + 1][j + 1] + hedge[i + 1][j + 1]))
      );
    expect(hedge.slice(1).map((r) => r[2])).toEqual(Array(9).fill(0));
  });

  it("writes a live =ALVH.SCENARIO over the sheet's cells that recomputes the net grid", () => {
    const live = liveFormula(plan);
    expect(live.kind).toBe("formula");
    if (live.kind !== "formula") return;
    expect(live.formula).toMatch(/^=ALVH\.SCENARIO\(ALVH_Spot,/);
    expectTablesClose(
      evaluateLive(plan, live.formula),
      gridTable(block(plan, "scenarios-net")),
      "live"
    );
    expect(block(plan, "scenarios-live").addinOnly).toBe(true);
    expect(plan.blocks.filter((b) => b.addinOnly).map((b) => b.id)).toEqual(["scenarios-live"]);
  });

  it("links the live formula's hedge held, kappa and long-run VIX to the sheet's names", () => {
    const fields = block(plan, "scenarios").cells.slice(2);
    const linked = (label: string): PlanCell => {
      const row = fields.find((r) => r[0].kind === "text" && r[0].text === label);
      if (!row) throw new Error(`no field ${label}`);
      return row[2];
    };
    const links = {
      "Hedge held (VIX futures)": "ALVH_WholeContracts",
      "Days to hedge expiry": "ALVH_HedgeDays",
      Kappa: "ALVH_Kappa",
      "Long-run VIX": "ALVH_LongRunVix",
    };
    for (const [label, name] of Object.entries(links)) {
      expect(linked(label), label).toMatchObject({
        kind: "formula",
        formula: `=${name}`,
        expected: namedValue(plan, name),
      });
    }
  });

  it("colours each grid's P&L with red for the lowest value, white at 0 and green for the highest", () => {
    expect(plan.colorScales.map((s) => s.id)).toEqual([
      "scenarios-net-scale",
      "scenarios-condor-scale",
      "scenarios-hedge-scale",
    ]);
    for (const output of core.SCENARIO_OUTPUTS) {
      const b = block(plan, `scenarios-${output}`);
      const scale = plan.colorScales.find((s) => s.id === `scenarios-${output}-scale`)!;
      expect(scale.address).toBe(
        `${cellAddress(b.row + 2, b.col + 1)}:${cellAddress(b.row + 10, b.col + 7)}`
      );
      expect([scale.minimum, scale.midpoint, scale.maximum]).toEqual([
        { at: "lowest", color: SCALE_COLORS.loss },
        { at: "number", value: 0, color: SCALE_COLORS.zero },
        { at: "highest", color: SCALE_COLORS.gain },
      ]);
    }
  });

  it("stamps the values with the time they were computed at", () => {
    const stamp = block(plan, "scenarios").cells[2];
    expect(stamp[0]).toMatchObject({ text: "Values computed at" });
    expect(stamp[2]).toMatchObject({ formula: "=ALVH_ComputedAt", expected: WRITTEN_AT });
    expect(block(plan, "scenarios-net").cells[2][1]).toMatchObject({
      kind: "number",
      style: "model",
    });
  });
});

/** The address of the first position's DTE cell, found by its header. */
function findDte(plan: WorkbookPlan): string {
  const b = block(plan, "positions");
  const col = b.cells[1].findIndex((c) => c.kind === "text" && c.text === "DTE");
  return cellAddress(b.row + 2, b.col + col);
}

describe("the Scenarios section for other books", () => {
  it("adds each position's condor grid in the live formula of a book", () => {
    const plan = examplePlan([
      EXAMPLE,
      { ...EXAMPLE, label: "Second", shortPut: 5850, longPut: 5800, credit: 11.5, contracts: 2 },
      { ...EXAMPLE, label: "Third", impliedVol: 0.2, contracts: 1, expiry: EXPIRY + 7 },
    ]);
    const live = liveFormula(plan);
    if (live.kind !== "formula") throw new Error("no live formula");
    expect(live.formula.match(/ALVH\.SCENARIO/g)).toHaveLength(4);
    expect(live.formula).toContain("-2*ALVH.SCENARIO(");
    expectTablesClose(
      evaluateLive(plan, live.formula),
      gridTable(block(plan, "scenarios-net")),
      "book"
    );
  });

  it("holds no hedge below the threshold, so the hedge grid is 0 and net equals condor", () => {
    const plan = examplePlan([EXAMPLE], EXAMPLE_SETTINGS, 12);
    expect(namedValue(plan, "ALVH_Layers")).toBe(0);
    expect(numberOf(block(plan, "scenarios").cells[3][2])).toBe(0);
    const hedge = gridTable(block(plan, "scenarios-hedge"));
    expect(
      hedge
        .slice(1)
        .flatMap((r) => r.slice(1))
        .every((v) => v === 0)
    ).toBe(true);
    expect(gridTable(block(plan, "scenarios-net"))).toEqual(
      gridTable(block(plan, "scenarios-condor"))
    );
  });

  it("holds the whole contracts of the layer table, sized with the hedge month's beta e^(−κτ)", () => {
    // No beta of the trader's: ALVH_Beta = e^(−κτ) ≈ 0.28, so the 60 % cap allows 7 futures, not
    // the 2 a beta of 1 would give.
    const plan = examplePlan([EXAMPLE], { ...EXAMPLE_SETTINGS, beta: undefined });
    const whole = namedValue(plan, "ALVH_WholeContracts") as number;
    expect(namedValue(plan, "ALVH_Beta") as number).toBeLessThan(0.5);
    expect(whole).toBe(7);
    expect(numberOf(block(plan, "scenarios").cells[3][2])).toBe(whole);
    const days = namedValue(plan, "ALVH_HedgeDays") as number;
    expectTablesClose(
      gridTable(block(plan, "scenarios-hedge")),
      engineTable("hedge", 45, whole, days),
      "hedge of the held contracts"
    );
  });

  it("prices a VIX-call hedge in the values and says why there is no live formula", () => {
    const plan = examplePlan([EXAMPLE], { ...EXAMPLE_SETTINGS, instrument: "call" });
    const live = liveFormula(plan);
    expect(live).toMatchObject({ kind: "text" });
    expect(live.kind === "text" && live.text).toMatch(/VIX-futures hedge.*VIX calls/);
    expect(block(plan, "scenarios").cells[3][0]).toMatchObject({ text: "Hedge held (VIX calls)" });
    const hedge = gridTable(block(plan, "scenarios-hedge"));
    expect(hedge[1][7]).toBeGreaterThan(0);
  });

  it("keeps the live formula within Excel's length, and the block's shape, for a large book", () => {
    const book = Array.from({ length: 80 }, (_, i) => ({ ...EXAMPLE, label: `P${i}` }));
    const plan = examplePlan(book);
    const live = liveFormula(plan);
    expect(live).toMatchObject({ kind: "text" });
    expect(live.kind === "text" && live.text).toMatch(/80 positions.*8,192/);
    expect(block(plan, "scenarios-live").cells).toHaveLength(
      block(examplePlan(), "scenarios-live").cells.length
    );
  });
});

describe("the colour scales in both renderers", () => {
  const plan = examplePlan();

  it("writes a three-colour scale per grid into the .xlsx, and no =ALVH formula", async () => {
    const zip = await JSZip.loadAsync(await renderXlsx(plan));
    const files = Object.keys(zip.files).filter((f) => /xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const xml = (await Promise.all(files.map((f) => zip.file(f)!.async("string")))).join("\n");
    const scales = [
      ...xml.matchAll(
        /<conditionalFormatting sqref="([^"]+)">\s*<cfRule type="colorScale"[^>]*>([\s\S]*?)<\/cfRule>/g
      ),
    ];
    expect(scales.map((m) => m[1])).toEqual(plan.colorScales.map((s) => s.address));
    for (const [, , body] of scales) {
      expect(
        [...body.matchAll(/<cfvo type="(\w+)"(?: val="([^"]*)")?/g)].map((m) => [m[1], m[2]])
      ).toEqual([
        ["min", undefined],
        ["num", "0"],
        ["max", undefined],
      ]);
      expect([...body.matchAll(/<color rgb="(\w+)"/g)].map((m) => m[1])).toEqual([
        "FFF8696B",
        "FFFFFFFF",
        "FF63BE7B",
      ]);
    }
    expect(xml).not.toMatch(/ALVH\.SCENARIO/);
  });

  it("adds the colour scales through Office.js and writes the live formula there", async () => {
    const { snapshot } = await recordScheduleWrite(plan);
    const sheet = snapshot.sheets.find((s) => s.name === "ALVH Schedule")!;
    expect(sheet.colorScales).toEqual(
      plan.colorScales.map((s) => ({
        address: s.address,
        criteria: {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: { type: "Number", formula: "0", color: "#FFFFFF" },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        },
      }))
    );
    const live = block(plan, "scenarios-live");
    const at = cellAddress(live.row + 1, live.col);
    expect(sheet.cells[at].formula).toBe((liveFormula(plan) as { formula: string }).formula);
    const net = block(plan, "scenarios-net");
    const first = cellAddress(net.row + 2, net.col + 1);
    expect(sheet.cells[first].value).toBe(numberOf(net.cells[2][1]));
  });
});
