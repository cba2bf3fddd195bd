/**
 * The workbook plan checked against independent references: tests/workbook/data/plan-reference.json
 * is computed with mpmath by make_plan_reference.py from the SPEC formulas (BSM and Black-76
 * Greeks, EDR, layers on decimals, coverage, contracts, the book's payoff and its zero crossings
 * by bisection) and Cboe's published 2025 VIX expiration dates.
 */
import { describe, expect, it } from "vitest";
import { isAlvhError } from "../../src/core";
import { columnLetters, parseCellAddress } from "../../src/workbook/a1";
import type { HedgeSettings, MarketInputs, ScheduleScope } from "../../src/workbook/model";
import { OWNER_NAME, type PlanCell, type WorkbookPlan } from "../../src/workbook/plan";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { POSITION_COLUMNS } from "../../src/workbook/positions-table";
import { DEFAULT_SETTINGS, SETTINGS_KEY } from "../../src/workbook/settings";
import {
  block,
  blockAt,
  cellAt,
  makePosition,
  namedCell,
  namedValue,
  SCENARIOS,
  scenarioPositions,
  type Scenario,
  valueOf,
} from "./helpers";
import { close } from "../support/close";

function planOf(s: Scenario): WorkbookPlan {
  return buildSchedulePlan({
    positions: scenarioPositions(s),
    scope: s.scope as ScheduleScope,
    settings: { ...DEFAULT_SETTINGS, ...s.settings } as HedgeSettings,
    market: s.market as MarketInputs,
    computedAt: s.computedAt,
  });
}

/** A null reference is a side without a break-even (SPEC §3.2): the sheet says "none". */
function expectClose(actual: unknown, expected: number | null, what: string): void {
  if (expected === null) return void expect(actual, what).toBe("none");
  expect(close(actual, expected), `${what}: ${String(actual)} vs reference ${expected}`).toBe(true);
}

const allCells = (plan: WorkbookPlan): PlanCell[] => plan.blocks.flatMap((b) => b.cells.flat());
/** Formulas every spreadsheet evaluates (blocks of =ALVH.* calls are written only with the add-in). */
const formulas = (plan: WorkbookPlan): Extract<PlanCell, { kind: "formula" }>[] =>
  allCells({ ...plan, blocks: plan.blocks.filter((b) => !b.addinOnly) }).filter(
    (c): c is Extract<PlanCell, { kind: "formula" }> => c.kind === "formula"
  );

describe.each(SCENARIOS.map((s) => [s.name, s] as const))("plan for %s", (_name, s) => {
  const plan = planOf(s);
  const e = s.expected;

  it("derives the headline figures as the reference does", () => {
    const figures: [string, number | null][] = [
      ["ALVH_EDR", e.edr],
      ["ALVH_Coverage", e.coverage],
      ["ALVH_MaxProfit", e.maxProfit],
      ["ALVH_MaxLoss", e.maxLoss],
      ["ALVH_LowerBE", e.lowerBE],
      ["ALVH_UpperBE", e.upperBE],
      ["ALVH_WorstPnl", e.worst],
      ["ALVH_BestPnl", e.best],
      ["ALVH_PnlAtSpot", e.pnlAtSpot],
      ["ALVH_ExpectedMove", e.expectedMove],
      ["ALVH_ExposureMaxLoss", e.exposureMaxLoss],
      ["ALVH_ExposureVega", e.exposureVega],
      ["ALVH_Exposure", e.exposure],
      ["ALVH_Contracts", e.contracts],
      ["ALVH_Vega", e.vega],
      ["ALVH_Delta", e.delta],
      ["ALVH_Gamma", e.gamma],
      ["ALVH_Theta", e.theta],
      ["ALVH_CloseCost", e.close],
      ["ALVH_HedgeDelta", e.hedgeDelta],
      ["ALVH_UnitCost", e.unitCost],
    ];
    for (const [name, value] of figures) {
      if (value === null) expect(namedValue(plan, name), name).toBe("none");
      else expectClose(namedValue(plan, name), value, name);
    }
    expect(namedValue(plan, "ALVH_Layers")).toBe(e.layers);
    expect(namedValue(plan, "ALVH_WholeContracts")).toBe(e.whole);
    expect(namedValue(plan, "ALVH_HedgeExpiry")).toBe(e.hedgeExpiry);
    expectClose(namedValue(plan, "ALVH_HedgeDays"), e.hedgeDays, "hedge days");
    expect(namedValue(plan, "ALVH_Multiplier")).toBe(e.multiplier);
    expect(plan.summary.activeLayers).toBe(e.layers);
    expect(plan.summary.wholeContracts).toBe(e.whole);
    expectClose(plan.summary.exposure, e.exposure, "summary exposure");
  });

  it("writes the layer table row by row as the reference schedule", () => {
    const layers = block(plan, "layers");
    const rows = layers.cells.slice(2);
    expect(rows).toHaveLength(e.rows.length);
    rows.forEach((row, i) => {
      const ref = e.rows[i];
      const [layer, trigger, vixTrigger, cumulative, added, exact, bought, whole, held, expiry] =
        row.map(valueOf);
      const [cost, costIs, status] = row.slice(10).map(valueOf);
      expect(layer).toBe(ref.layer);
      expectClose(trigger, ref.edrTrigger, `layer ${ref.layer} EDR trigger`);
      expectClose(vixTrigger, ref.vixTrigger, `layer ${ref.layer} VIX trigger`);
      expectClose(cumulative, ref.cumulative, `layer ${ref.layer} cumulative coverage`);
      expectClose(added, ref.added, `layer ${ref.layer} added coverage`);
      expectClose(exact, ref.exact, `layer ${ref.layer} exact contracts`);
      expect(whole).toBe(ref.whole);
      // The layer's own contracts: the running total's step from the layer before.
      expect(bought).toBe(ref.whole - (i === 0 ? 0 : e.rows[i - 1].whole));
      expectClose(held, ref.held, `layer ${ref.layer} coverage held`);
      expect(typeof costIs).toBe("string");
      expect(expiry).toBe(e.hedgeExpiry);
      expectClose(cost, ref.cost, `layer ${ref.layer} cost`);
      expect(status).toBe(ref.status);
    });
  });

  it("lists each position with its model Greeks and formula figures", () => {
    const rows = block(plan, "positions").cells.slice(2);
    expect(rows).toHaveLength(e.positions.length);
    rows.forEach((row, i) => {
      const ref = e.positions[i];
      const v = row.map(valueOf);
      expect(v[0]).toBe(ref.label);
      expectClose(v[9], ref.dte, `${ref.label} days to expiry`);
      expectClose(v[10], ref.delta, `${ref.label} delta`);
      expectClose(v[11], ref.gamma, `${ref.label} gamma`);
      expectClose(v[12], ref.vega, `${ref.label} vega`);
      expectClose(v[13], ref.theta, `${ref.label} theta`);
      expectClose(v[14], ref.close, `${ref.label} cost to close`);
      expectClose(v[15], ref.maxProfit, `${ref.label} max profit`);
      expectClose(v[16], ref.maxLoss, `${ref.label} max loss`);
      expectClose(v[17], ref.lower, `${ref.label} lower break-even`);
      expectClose(v[18], ref.upper, `${ref.label} upper break-even`);
    });
  });

  it("gives the payoff chart the book's P&L at every corner", () => {
    const rows = block(plan, "payoff-data").cells.slice(2);
    const strikes = Object.keys(e.pnlAtStrike).map(Number);
    expect(rows.length).toBe(strikes.length + 2);
    rows.forEach((row, i) => {
      const x = valueOf(row[0]) as number;
      const pnl = valueOf(row[1]);
      if (i === 0) expectClose(pnl, e.pnlFarLeft, `P&L left of the wings at ${x}`);
      else if (i === rows.length - 1)
        expectClose(pnl, e.pnlFarRight, `P&L right of the wings at ${x}`);
      else
        expectClose(
          pnl,
          e.pnlAtStrike[String(x) as keyof typeof e.pnlAtStrike] as number,
          `P&L at ${x}`
        );
    });
    const ups = rows.map((r) => valueOf(r[2])).filter((v): v is number => typeof v === "number");
    const downs = rows.map((r) => valueOf(r[3])).filter((v): v is number => typeof v === "number");
    if (e.positions.length > 1 && e.lowerBE !== null)
      expectClose(Math.min(...ups), e.lowerBE, "first upward crossing");
    if (e.positions.length > 1 && e.upperBE !== null)
      expectClose(Math.max(...downs), e.upperBE, "last downward crossing");
  });

  it("highlights exactly the active layers", () => {
    const [rule] = plan.conditionalFormats;
    const layers = block(plan, "layers");
    const last = columnLetters(layers.cells[0].length - 1);
    expect(rule.address).toBe(`A${layers.row + 3}:${last}${layers.row + layers.cells.length}`);
    expect(rule.formula).toBe(`=$A${layers.row + 3}<=ALVH_Layers`);
    const highlighted = layers.cells.slice(2).map((row) => (valueOf(row[0]) as number) <= e.layers);
    expect(highlighted).toEqual(e.rows.map((r) => r.status === "active"));
  });
});

describe("plan structure", () => {
  const plans = SCENARIOS.map(planOf);

  it("uses only functions LibreOffice 7.4 evaluates and only names the plan defines", () => {
    const allowed = new Set([
      "IF",
      "ROUND",
      "INT",
      "MIN",
      "MAX",
      "SUM",
      "SUMPRODUCT",
      "SQRT",
      "ABS",
      "ROUNDUP",
      "ROUNDDOWN",
      "AND",
      "COUNT",
      "EXP",
      "TEXT",
      "ROWS",
      "INDEX",
      "FIXED",
      "MID",
      "RIGHT",
      "MOD",
      "MONTH",
      "YEAR",
    ]);
    for (const plan of plans) {
      const defined = new Set(plan.names.map((n) => n.name));
      for (const cell of formulas(plan)) {
        expect(cell.formula.startsWith("=")).toBe(true);
        const body = cell.formula.replace(/"[^"]*"/g, '""');
        for (const [, fn] of body.matchAll(/([A-Z][A-Z0-9.]*)\(/g))
          expect(allowed.has(fn), `${fn} in ${cell.formula}`).toBe(true);
        for (const [name] of body.matchAll(/ALVH_[A-Za-z]+/g))
          expect(defined.has(name), `${name} in ${cell.formula}`).toBe(true);
      }
    }
  });

  it("points every same-sheet reference at a cell the plan writes", () => {
    for (const plan of plans) {
      for (const b of plan.blocks) {
        for (const cell of b.cells.flat()) {
          if (cell.kind !== "formula") continue;
          const body = cell.formula.replace(/"[^"]*"/g, '""').replace(/ALVH_[A-Za-z]+/g, "");
          for (const [ref] of body.matchAll(/\$?[A-Z]{1,3}\$?[0-9]+/g)) {
            expect(cellAt(plan, b.sheet, ref).kind, `${ref} in ${cell.formula}`).not.toBe("empty");
          }
        }
      }
    }
  });

  it("lays blocks out as non-overlapping rectangles matching their addresses", () => {
    for (const plan of plans) {
      const taken = new Set<string>();
      for (const b of plan.blocks) {
        const width = b.cells[0].length;
        expect(b.cells.every((r) => r.length === width)).toBe(true);
        const [tl, br = tl] = b.address.split(":").map((a) => parseCellAddress(a));
        expect(tl).toEqual({ row: b.row, col: b.col });
        expect(br).toEqual({ row: b.row + b.cells.length - 1, col: b.col + width - 1 });
        b.cells.forEach((row, r) =>
          row.forEach((_, c) => {
            const key = `${b.sheet}!${r + b.row},${c + b.col}`;
            expect(taken.has(key), key).toBe(false);
            taken.add(key);
          })
        );
      }
    }
  });

  it("styles a cell as an input only when a formula reads it (editing it recomputes)", () => {
    for (const plan of plans) {
      const formulas = [
        ...plan.blocks.flatMap((b) =>
          b.cells.flat().flatMap((cell) => (cell.kind === "formula" ? [cell.formula] : []))
        ),
        ...plan.conditionalFormats.map((c) => c.formula),
      ].join("\n");
      const inputs = plan.names.filter((n) => {
        if (n.address.includes(":")) return false;
        const cell = namedCell(plan, n.name);
        return cell.kind !== "empty" && cell.kind !== "formula" && cell.style === "input";
      });
      expect(inputs.length).toBeGreaterThan(10);
      for (const { name } of inputs) {
        expect(new RegExp(`\\b${name}\\b`).test(formulas), `${plan.title}: ${name}`).toBe(true);
      }
    }
  });

  it("defines the input names on labelled cells, and a hidden ownership marker", () => {
    const plan = plans[0];
    const inputs = [
      "ALVH_Spot",
      "ALVH_VIX",
      "ALVH_Threshold",
      "ALVH_Step",
      "ALVH_PerLayer",
      "ALVH_Cap",
      "ALVH_Beta",
      "ALVH_HedgeDelta",
      "ALVH_Multiplier",
      "ALVH_VixRise",
    ];
    for (const name of inputs) {
      const n = plan.names.find((x) => x.name === name);
      expect(n, name).toBeDefined();
      const at = parseCellAddress(n!.address)!;
      expect(cellAt(plan, "schedule", `A${at.row + 1}`).kind, `label of ${name}`).toBe("text");
    }
    expect(namedValue(plan, "ALVH_Spot")).toBe(5712.5);
    expect(namedValue(plan, "ALVH_Threshold")).toBe(0.9);
    expect(new Set(plan.names.map((n) => n.name.toLowerCase())).size).toBe(plan.names.length);
    expect(plan.ownerMarker).toMatchObject({
      name: OWNER_NAME,
      sheet: "schedule",
      address: "$A$1",
      visible: false,
    });
  });

  it("formats dates, fractions and model values for a trader", () => {
    const plan = plans[1];
    const format = (name: string): string => {
      const cell = namedCell(plan, name);
      return cell.kind === "number" || cell.kind === "formula" ? cell.format : cell.kind;
    };
    expect(format("ALVH_HedgeExpiry")).toBe("yyyy-mm-dd");
    expect(format("ALVH_ComputedAt")).toBe("yyyy-mm-dd hh:mm");
    expect(format("ALVH_Coverage")).toBe("0%");
    expect(format("ALVH_EDR")).toBe("0.000");
    expect(format("ALVH_MaxLoss")).toBe("$#,##0.00");
    expect(namedCell(plan, "ALVH_ComputedAt")).toMatchObject({
      kind: "number",
      value: 45707.4375,
      style: "model",
    });
    expect(namedCell(plan, "ALVH_HedgeDelta")).toMatchObject({ kind: "number", style: "model" });
    expect(namedCell(plan, "ALVH_Spot")).toMatchObject({ kind: "number", style: "input" });
  });

  it("keeps user text as text cells, even when it looks like a formula", () => {
    const plan = plans[1];
    const texts = allCells(plan)
      .filter((c) => c.kind === "text")
      .map((c) => (c as { text: string }).text);
    expect(texts).toContain("=SUM(A1)");
    expect(plan.table.rows.map((r) => r[10])).toContainEqual({ kind: "text", text: "+x -x @x" });
    expect(formulas(plan).some((c) => c.formula.includes("SUM(A1)"))).toBe(false);
    const titled = buildSchedulePlan({
      positions: [makePosition("=1+1"), makePosition("@x")],
      scope: { kind: "position", label: "@x" },
      settings: DEFAULT_SETTINGS,
      market: { spot: 5700, vix: 18 },
      computedAt: 45707,
    });
    expect(block(titled, "title").cells[0][0]).toEqual({
      kind: "text",
      text: "ALVH hedge schedule: @x",
      style: "title",
    });
    expect(titled.table.rows.map((r) => r[0])).toEqual([
      { kind: "text", text: "=1+1" },
      { kind: "text", text: "@x" },
    ]);
  });

  it("is plain data and the same every time it is built from the same inputs", () => {
    for (const [i, s] of SCENARIOS.entries()) {
      const again = planOf(s);
      expect(again).toEqual(plans[i]);
      expect(JSON.parse(JSON.stringify(again))).toEqual(again);
    }
  });

  it("carries the whole book in the positions table and the settings as a document setting", () => {
    const plan = plans[0];
    expect(plan.table.columns).toEqual(POSITION_COLUMNS);
    expect(plan.table.rows).toHaveLength(2);
    expect(plan.summary.positions).toBe(1);
    expect(plan.documentSettings).toEqual([
      { key: SETTINGS_KEY, value: expect.objectContaining({ threshold: 0.9, vixRise: 10 }) },
    ]);
  });

  it("charts series that cover the chart data, same length on both axes", () => {
    for (const plan of plans) {
      expect(plan.charts.map((c) => c.id)).toEqual(["ALVH_PayoffChart", "ALVH_CoverageChart"]);
      for (const chart of plan.charts) {
        for (const series of chart.series) {
          const span = (range: string): number[] => {
            const [a, b = a] = range.split(":").map((x) => parseCellAddress(x)!);
            expect(a.col).toBe(b.col);
            for (let r = a.row; r <= b.row; r++)
              expect(blockAt(plan, chart.sheet, r, a.col), `${range} row ${r}`).toBeDefined();
            return [a.row, b.row];
          };
          const [x0, x1] = span(series.x);
          const [y0, y1] = span(series.y);
          expect(x1 - x0).toBe(y1 - y0);
        }
      }
    }
  });

  it("draws coverage as an exact step through every layer trigger", () => {
    const plan = plans[0];
    const points = block(plan, "coverage-data")
      .cells.slice(2)
      .map((r) => r.map(valueOf) as [number, number]);
    const e = SCENARIOS[0].expected;
    expectClose(points[0][0], 0.85, "start of the coverage chart");
    e.rows.forEach((row, i) => {
      expectClose(points[1 + 2 * i][0], row.edrTrigger, `step ${row.layer}`);
      expectClose(points[1 + 2 * i][1], row.cumulative - row.added, `before step ${row.layer}`);
      expectClose(points[2 + 2 * i][1], row.cumulative, `after step ${row.layer}`);
    });
  });
});

describe("plan input errors", () => {
  const base = { settings: DEFAULT_SETTINGS, market: { spot: 5700, vix: 18 }, computedAt: 45707 };

  function message(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      expect(isAlvhError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error("expected an AlvhError");
  }

  it("says what to do about an empty book, an unknown label or a bad setting", () => {
    expect(
      message(() => buildSchedulePlan({ ...base, positions: [], scope: { kind: "book" } }))
    ).toMatch(/no positions/);
    expect(
      message(() =>
        buildSchedulePlan({
          ...base,
          positions: [makePosition("A")],
          scope: { kind: "position", label: "B" },
        })
      )
    ).toMatch(/no position labelled "B"/);
    expect(
      message(() =>
        buildSchedulePlan({
          ...base,
          positions: [makePosition("A")],
          scope: { kind: "book" },
          settings: { ...DEFAULT_SETTINGS, cap: 60 },
        })
      )
    ).toMatch(/cap 60 looks like a percentage/);
    expect(
      message(() =>
        buildSchedulePlan({
          ...base,
          positions: [makePosition("A", { shortCall: 5500 })],
          scope: { kind: "book" },
        })
      )
    ).toMatch(/shortCall/);
  });
});
