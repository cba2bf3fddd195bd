import { describe, expect, it } from "vitest";
import { chartShape, niceTicks } from "../../src/taskpane/preview/chart";
import { cellKey, PlanValues, ruleHolds, sheetGrid } from "../../src/taskpane/preview/sheet";
import { scaleFills } from "../../src/taskpane/preview/color-scale";
import { formatNumber } from "../../src/taskpane/format";
import { cellAddress, parseCellAddress } from "../../src/workbook/a1";
import type { Position } from "../../src/workbook/model";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { LAYER_HEADERS } from "../../src/workbook/schedule/layers";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { examplePlan } from "../workbook/scenario-example";

const condor: Position = {
  label: "=SPX Feb",
  expiry: 45709,
  longPut: 5800,
  shortPut: 5900,
  shortCall: 6100,
  longCall: 6200,
  credit: 20,
  contracts: 2,
  entryDate: null,
  impliedVol: 0.16,
  notes: "",
};

// VIX 15.87 → EDR 0.99972 %: 2 active layers of the 3 (SPEC §3.3–3.4), so the rule lights rows 1–2.
const plan = buildSchedulePlan({
  positions: [condor],
  scope: { kind: "position", label: condor.label },
  settings: DEFAULT_SETTINGS,
  market: { spot: 6000, vix: 15.87 },
  computedAt: 45658.5,
});

function labelled(label: string): string | undefined {
  const grid = sheetGrid(plan, "schedule");
  for (let r = 0; r < grid.rows; r++) {
    if (grid.cells.get(cellKey(r, 0))?.text === label) return grid.cells.get(cellKey(r, 1))?.text;
  }
  return undefined;
}

describe("sheetGrid", () => {
  it("shows formula cells as their computed values in the cell's format", () => {
    expect(labelled("Lower break-even")).toBe("5,880.00");
    expect(labelled("Max loss")).toBe("$16,000.00");
    expect(labelled("EDR")).toBe("1.000");
    expect(labelled("Active layers")).toBe("2");
    expect(labelled("Coverage")).toBe("50%");
    expect(labelled("Model values computed at")).toBe("2025-01-01 12:00");
  });

  it("keeps a label that starts with = as text, on both sheets", () => {
    const positions = sheetGrid(plan, "positions");
    expect(positions.cells.get(cellKey(1, 0))).toMatchObject({ text: "=SPX Feb", numeric: false });
    expect(positions.cells.get(cellKey(0, 0))?.text).toBe("Label");
  });

  it("lights exactly the active layers, as the plan's status column says", () => {
    const rule = plan.conditionalFormats[0];
    const values = new PlanValues(plan, "schedule");
    const [from, to] = rule.address.split(":").map((a) => parseCellAddress(a)!);
    const lit: number[] = [];
    const active: number[] = [];
    for (let r = from.row; r <= to.row; r++) {
      if (ruleHolds(rule, values, r, from.col + 3)) lit.push(values.at(r, 0) as number);
      if (values.at(r, from.col + LAYER_HEADERS.indexOf("Status")) === "active")
        active.push(values.at(r, 0) as number);
    }
    expect(lit).toEqual([1, 2]);
    expect(lit).toEqual(active);
  });
});

describe("charts", () => {
  it("picks round ticks of 1, 2 or 5 × 10^k covering the data", () => {
    expect(niceTicks(-16000, 4000, 4)).toEqual([-20000, -15000, -10000, -5000, 0, 5000]);
    expect(niceTicks(0.85, 1.05, 4)).toEqual([0.8, 0.9, 1, 1.1]);
    expect(niceTicks(3, 3)).toEqual([2.6, 2.8, 3, 3.2, 3.4]);
  });

  it("maps the payoff series onto the plot: the flat max loss at the bottom range, zero inside", () => {
    const values = new PlanValues(plan, "schedule");
    const shape = chartShape(plan.charts[0], values);
    const pnl = shape.series[0];
    expect(pnl.points.length).toBe(6);
    // Payoff 2 · 100 · (20 − 100) = −16,000 outside the wings, +4,000 between the short strikes.
    const ys = pnl.points.map((p) => p.y);
    const [bottom, top, zero] = [Math.max(...ys), Math.min(...ys), shape.zeroY as number];
    expect((zero - top) / (bottom - zero)).toBeCloseTo(4000 / 16000, 9);
    expect([ys[0], ys[5]]).toEqual([bottom, bottom]);
    expect([ys[2], ys[3]]).toEqual([top, top]);
    expect(shape.yTicks.map((t) => t.label)).toEqual([
      "-20,000",
      "-15,000",
      "-10,000",
      "-5,000",
      "0",
      "5,000",
    ]);
    expect(shape.zeroY).toBeCloseTo(shape.yTicks[4].at, 6);
    expect(
      shape.series[1].points.every((p) => Math.abs(p.y - (shape.zeroY as number)) < 1e-9)
    ).toBe(true);
  });
});

describe("the preview's Scenarios block", () => {
  const example = examplePlan();
  const grid = sheetGrid(example, "schedule");
  const at = (address: string) => {
    const { row, col } = parseCellAddress(address)!;
    return grid.cells.get(cellKey(row, col));
  };

  it("fills the grids as Excel's colour scale: red at the lowest, white at 0, green at the highest", () => {
    for (const scale of example.colorScales) {
      const [from, to] = scale.address.split(":").map((a) => parseCellAddress(a)!);
      const cells: { value: number; fill?: string }[] = [];
      const values = new PlanValues(example, "schedule");
      for (let r = from.row; r <= to.row; r++) {
        for (let c = from.col; c <= to.col; c++) {
          cells.push({
            value: values.at(r, c) as number,
            fill: grid.cells.get(cellKey(r, c))?.fill,
          });
        }
      }
      const lowest = cells.reduce((a, b) => (b.value < a.value ? b : a));
      const highest = cells.reduce((a, b) => (b.value > a.value ? b : a));
      // As in Excel, a grid all on one side of 0 never reaches the other side's colour.
      if (lowest.value < 0) expect(lowest.fill, scale.id).toBe("#F8696B");
      if (highest.value > 0) expect(highest.fill, scale.id).toBe("#63BE7B");
      for (const cell of cells.filter((x) => x.value === 0)) expect(cell.fill).toBe("#FFFFFF");
      expect(cells.every((x) => /^#[0-9A-F]{6}$/.test(x.fill ?? ""))).toBe(true);
    }
  });

  it("halves the way to the extreme colour halfway to the extreme value", () => {
    const scale = { ...example.colorScales[0] };
    expect(scaleFills(scale, [-10, -5, 0, 5, 20])).toEqual([
      "#F8696B",
      "#FCB4B5",
      "#FFFFFF",
      "#D8EFDE",
      "#63BE7B",
    ]);
  });

  it("shows the engine's values and leaves out the live block, which needs the add-in", () => {
    const net = example.blocks.find((b) => b.id === "scenarios-net")!;
    const first = net.cells[2][1];
    expect(at(cellAddress(net.row + 2, net.col + 1))?.text).toBe(
      formatNumber(first.kind === "number" ? first.value : NaN, "$#,##0.00")
    );
    const live = example.blocks.find((b) => b.id === "scenarios-live")!;
    expect(at(cellAddress(live.row, live.col))).toBeUndefined();
    expect(at(cellAddress(live.row + 1, live.col))).toBeUndefined();
  });
});

describe("issue 14's worked example in the preview", () => {
  // SPX 6000, 5850/5900/6100/6150, credit 15, 5 lots, VIX 18, no quoted future.
  const worked = buildSchedulePlan({
    positions: [
      { ...condor, label: "Worked", longPut: 5850, longCall: 6150, credit: 15, contracts: 5 },
    ],
    scope: { kind: "book" },
    settings: DEFAULT_SETTINGS,
    market: { spot: 6000, vix: 18 },
    computedAt: 45658.5,
  });
  const grid = sheetGrid(worked, "schedule");
  const find = (text: string): { row: number; col: number } => {
    for (const [key, cell] of grid.cells) {
      if (cell.text === text) {
        const [row, col] = key.split(",").map(Number);
        return { row, col };
      }
    }
    throw new Error(`no cell "${text}"`);
  };
  const at = (row: number, col: number): string | undefined =>
    grid.cells.get(cellKey(row, col))?.text;
  const column = (header: string): (string | undefined)[] => {
    const { row, col } = find(header);
    return [1, 2, 3].map((r) => at(row + r, col));
  };

  it("shows VIX triggers 14.29 / 15.09 / 15.88 and whole contracts within the cap, coverage held", () => {
    expect(column("VIX trigger")).toEqual(["14.29", "15.09", "15.88"]);
    const cap = Math.floor(worked.summary.exactContracts + 1e-9);
    for (const whole of column("Whole contracts, cumulative"))
      expect(Number(whole)).toBeLessThanOrEqual(cap);
    for (const held of column("Coverage held"))
      expect(Number(held!.replace("%", ""))).toBeLessThanOrEqual(60);
    expect(column("Cost is")).toEqual(Array(3).fill("contango cost (estimate, a lower bound)"));
    expect(column("Est. cost ($)").every((cost) => cost !== "$0.00")).toBe(true);
  });

  it("shows the estimated future, beta e^(−5.9·τ) and the active layers against the schedule", () => {
    const { row, col } = find("VIX future");
    expect(at(row, col + 2)).toMatch(/^estimate: /);
    const beta = find("Beta");
    expect(Number(at(beta.row, beta.col + 1))).toBeCloseTo(worked.summary.beta, 3);
    const days = find("Days to hedge expiry");
    expect(worked.summary.beta).toBeCloseTo(
      Math.exp((-5.9 * Number(at(days.row, days.col + 1))) / 365),
      4
    );
    const layers = find("Active layers, against the schedule");
    expect(at(layers.row, layers.col + 1)).toBe("5 (cap reached at 3)");
  });
});
