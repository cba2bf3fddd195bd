/**
 * The schedule's "Signals" section (issue 17): today's RSI(14) and MACD of the trader's VIX closes
 * as model values, checked against tests/core/signals/references.json (exact fractions,
 * make_references.py) on its 400-close VIX series; absent without closes.
 */
import { describe, expect, it } from "vitest";
import type { HedgeSettings, MarketInputs, ScheduleScope } from "../../src/workbook/model";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { references, series } from "../core/signals/reference";
import { block, namedCell, SCENARIOS, scenarioPositions, valueOf } from "./helpers";
import { close } from "../support/close";

const scenario = SCENARIOS[0];
const VIX = series("vix");

function planWith(vixCloses?: readonly number[]): WorkbookPlan {
  return buildSchedulePlan({
    positions: scenarioPositions(scenario),
    scope: scenario.scope as ScheduleScope,
    settings: { ...DEFAULT_SETTINGS, ...scenario.settings } as HedgeSettings,
    market: scenario.market as MarketInputs,
    computedAt: scenario.computedAt,
    vixCloses,
  });
}

const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];

describe("the schedule's Signals section", () => {
  it("is absent without closes, and the rest of the sheet does not move for it when absent", () => {
    const plain = planWith();
    expect(plain.blocks.some((b) => b.id === "signals")).toBe(false);
    expect(planWith([]).blocks.map((b) => b.address)).toEqual(plain.blocks.map((b) => b.address));
  });

  it("shows RSI(14) and MACD(12, 26, 9) of the last close, as the exact-fraction reference", () => {
    const plan = planWith(VIX);
    const rsi = references.rsi.find((r) => r.series === "vix" && r.n === 14)!;
    const macd = references.macd.find((m) => m.series === "vix" && m.fast === 12)!;
    const expected = {
      ALVH_VixRSI: last(rsi.out) as number,
      ALVH_VixMACD: last(macd.line) as number,
      ALVH_VixMACDSignal: last(macd.signalLine) as number,
      ALVH_VixMACDHistogram: last(macd.histogram) as number,
    };
    for (const [name, want] of Object.entries(expected)) {
      const cell = namedCell(plan, name);
      expect(cell).toMatchObject({ kind: "number", style: "model" });
      expect(close(valueOf(cell), want, 1e-12), `${name}: ${valueOf(cell)} vs ${want}`).toBe(true);
    }
    const state = last(references.stateByDay);
    const cells = block(plan, "signals").cells;
    expect(valueOf(cells[0][0])).toBe("Signals of VIX (computed at the time above)");
    expect(cells[1].slice(0, 2).map(valueOf)).toEqual(["VIX closes", VIX.length]);
    const position = cells.find((row) => valueOf(row[0]) === "MACD position")!;
    expect(valueOf(position[1])).toBe(
      `${state.position} signal${state.crossed ? ` (crossed ${state.position === "above" ? "up" : "down"} today)` : ""}`
    );
  });

  it("sits right under the model values, and moves the sections below it down", () => {
    const plain = planWith();
    const plan = planWith(VIX);
    const model = block(plan, "model");
    const signals = block(plan, "signals");
    expect(signals.col).toBe(0);
    expect(signals.row).toBe(model.row + model.cells.length + 1);
    const shift = signals.cells.length + 1;
    expect(block(plan, "derived").row).toBe(block(plain, "derived").row + shift);
  });

  it("says what a signal needs while there are too few closes", () => {
    const cells = block(planWith(VIX.slice(0, 20)), "signals").cells;
    const rows = Object.fromEntries(cells.map((row) => [valueOf(row[0]), valueOf(row[1])]));
    const rsi = references.rsi.find((r) => r.series === "vix" && r.n === 14)!.out[19] as number;
    expect(close(rows["RSI(14)"], rsi, 1e-12)).toBe(true);
    expect(rows["MACD(12, 26, 9) line"]).toBe("needs 34 closes (got 20)");
    expect(rows["MACD position"]).toBe("needs 34 closes (got 20)");
  });
});
