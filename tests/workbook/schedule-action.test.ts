/**
 * The action first on the schedule sheet (issue 18): under the title, "Hold 2 VIX Feb-27 futures
 * (VXG7) — buy 1 more" and the next trigger as native formulas whose expected values are the pane's
 * rule (src/workbook/action.ts), recomputed by LibreOffice for bought, held, sold and call hedges;
 * the layer table's contracts per layer beside the running total.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { actionText } from "../../src/workbook/action";
import type { HedgeSettings, Position } from "../../src/workbook/model";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { renderXlsx } from "../../src/workbook/xlsx";
import { recalculate } from "../support/libreoffice";
import { block, makePosition, namedValue, valueOf } from "./helpers";
import { readXlsx, sheetNamed } from "./xlsx/read";
import { compareFormulas } from "./xlsx/support";

const BOOK: Position[] = [makePosition("A"), makePosition("B", { contracts: 3 })];

function plan(held?: number, settings: Partial<HedgeSettings> = {}, vix = 18): WorkbookPlan {
  return buildSchedulePlan({
    positions: BOOK,
    scope: { kind: "book" },
    settings: { ...DEFAULT_SETTINGS, ...settings },
    market: { spot: 5712.5, vix },
    computedAt: 45707.4375,
    ...(held === undefined ? {} : { held }),
  });
}

const plans = {
  none: plan(),
  more: plan(1),
  sell: plan(50),
  call: plan(1, { instrument: "call" }),
  capped: plan(0, {}, 80),
  early: plan(0, {}, 15),
};

/** SPEC §3.5 by hand: 25 % a layer under a 60 % cap is 3 layers, VIX triggers 14.29 / 15.09 / 15.88. */
const NEXT_TRIGGER: Record<keyof typeof plans, string> = {
  none: "cap reached: no further layer",
  more: "cap reached: no further layer",
  sell: "cap reached: no further layer",
  call: "cap reached: no further layer",
  capped: "cap reached: no further layer",
  early: "next layer at VIX 15.09",
};

function actionCells(p: WorkbookPlan): { action: string; next: string; held: number } {
  const cells = block(p, "action").cells;
  return {
    action: String(valueOf(cells[0][0])),
    next: String(valueOf(cells[1][0])),
    held: Number(valueOf(cells[2][1])),
  };
}

describe("the schedule's action line", () => {
  it("sits right under the title", () => {
    const title = block(plans.more, "title");
    expect(block(plans.more, "action").row).toBe(title.row + 1);
    expect(block(plans.more, "action").address.startsWith("A")).toBe(true);
  });

  it.each(Object.entries(plans))("%s: says the pane's line and next trigger", (name, p) => {
    const { action, next, held } = actionCells(p);
    const whole = p.summary.wholeContracts;
    expect(action).toBe(
      actionText({
        target: whole,
        held,
        expiry: p.summary.hedgeExpiry,
        instrument: p === plans.call ? "call" : "future",
      })
    );
    expect(next).toBe(NEXT_TRIGGER[name as keyof typeof plans]);
    expect(namedValue(p, "ALVH_Held")).toBe(held);
  });

  it("holds 0 unless told, and trades toward the schedule", () => {
    expect(actionCells(plans.none).held).toBe(0);
    const whole = plans.more.summary.wholeContracts;
    expect(whole).toBeGreaterThan(1);
    expect(actionCells(plans.more).action).toMatch(new RegExp(`— buy ${whole - 1} more$`));
    expect(actionCells(plans.sell).action).toMatch(new RegExp(`— sell ${50 - whole}$`));
    expect(actionCells(plans.capped).next).toBe("cap reached: no further layer");
  });

  it("refuses held contracts that are not a whole number of 0 or more, naming the field", () => {
    for (const held of [-1, 1.5, Number.NaN]) {
      expect(() => plan(held)).toThrow(/Hedge contracts held must be a whole number/);
    }
  });

  it("shows each layer's whole contracts and the running total in two labelled columns", () => {
    const layers = block(plans.more, "layers");
    const header = layers.cells[1].map(valueOf);
    const each = header.indexOf("Whole contracts, this layer");
    const total = header.indexOf("Whole contracts, cumulative");
    expect(each).toBeGreaterThan(0);
    expect(total).toBe(each + 1);
    const rows = layers.cells.slice(2);
    let sum = 0;
    for (const row of rows) {
      sum += Number(valueOf(row[each]));
      expect(valueOf(row[total])).toBe(sum);
    }
  });
});

describe("the action line recomputed by LibreOffice", () => {
  const recomputed: Record<string, Awaited<ReturnType<typeof readXlsx>>> = {};
  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, p] of Object.entries(plans)) files[name] = await renderXlsx(p);
    const out = await recalculate(files);
    for (const name of Object.keys(plans)) recomputed[name] = await readXlsx(out[name]);
  }, 180_000);

  it.each(Object.keys(plans))("%s: the line, the next trigger and the layer columns", (name) => {
    const p = plans[name as keyof typeof plans];
    const sheet = sheetNamed(recomputed[name], "ALVH Schedule");
    const action = block(p, "action");
    const layers = block(p, "layers");
    const addresses = [action.address.split(":")[0], `A${action.row + 2}`];
    const result = compareFormulas(p, "schedule", sheet, addresses);
    expect(result.mismatches).toEqual([]);
    expect(result.checked).toBe(2);
    const all = compareFormulas(p, "schedule", sheet);
    expect(all.mismatches).toEqual([]);
    expect(all.checked).toBeGreaterThan(layers.cells.length);
  });
});
