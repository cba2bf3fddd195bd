/** The done-when example of issue 15, shared by the plan and the LibreOffice tests. */
import type { HedgeSettings, Position } from "../../src/workbook/model";
import type { PlanBlock, PlanCell, WorkbookPlan } from "../../src/workbook/plan";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { makePosition } from "./helpers";

/**
 * The done-when example: SPX 6000, 5850/5900/6100/6150, credit 15, 5 lots, vol 0.18, VIX 18,
 * written at the 4 pm close 45 days before the condor's expiry (2026-04-17), so its DTE is 45; the
 * hedge month's future (VIX expiry 2026-05-20) settles 77.73 days out. A VIX rise of 5 to max loss
 * makes the exposure $3,500 per point: at EDR 1.134 (5 layers) the 60 % cap holds 2 futures with
 * the trader's beta of 1 (the hedge month's own e^(−κτ) ≈ 0.28 would hold 7).
 */
export const EXPIRY = 46128;
export const WRITTEN_AT = EXPIRY - 45 + 16 / 24;
export const EXAMPLE: Position = makePosition("Example", {
  expiry: EXPIRY,
  longPut: 5850,
  shortPut: 5900,
  shortCall: 6100,
  longCall: 6150,
  credit: 15,
  contracts: 5,
  impliedVol: 0.18,
});
export const EXAMPLE_SETTINGS: HedgeSettings = { ...DEFAULT_SETTINGS, vixRise: 5, beta: 1 };

export function examplePlan(
  positions: Position[] = [EXAMPLE],
  settings: HedgeSettings = EXAMPLE_SETTINGS,
  vix = 18
): WorkbookPlan {
  return buildSchedulePlan({
    positions,
    scope: positions.length === 1 ? { kind: "position", label: "Example" } : { kind: "book" },
    settings,
    market: { spot: 6000, vix },
    computedAt: WRITTEN_AT,
  });
}

export const numberOf = (cell: PlanCell): number => {
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "formula" && typeof cell.expected === "number") return cell.expected;
  throw new Error(`not a number: ${JSON.stringify(cell)}`);
};

/** A grid block's table (corner, header row, header column, values) as numbers. */
export function gridTable(b: PlanBlock): number[][] {
  return b.cells.slice(1).map((row) => row.map(numberOf));
}
