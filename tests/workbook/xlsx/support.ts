import { cellAddress } from "../../../src/workbook/a1";
import type {
  HedgeSettings,
  MarketInputs,
  Position,
  ScheduleScope,
} from "../../../src/workbook/model";
import type { PlanScalePoint, SheetKey, WorkbookPlan } from "../../../src/workbook/plan";
import { buildSchedulePlan } from "../../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../../src/workbook/settings";
import type {
  XlsxBook,
  XlsxCell,
  XlsxColorScale,
  XlsxValue,
} from "../../../src/workbook/xlsx/book";
import type { ColorCriterion, FakeSnapshot } from "../../support/excel-fake";
import { cellAt, scenarioPositions, type Scenario } from "../helpers";
import type { ReadCell, ReadSheet } from "./read";
import { close } from "../../support/close";

export function planOf(s: Scenario): WorkbookPlan {
  return buildSchedulePlan({
    positions: scenarioPositions(s),
    scope: s.scope as ScheduleScope,
    settings: { ...DEFAULT_SETTINGS, ...s.settings } as HedgeSettings,
    market: s.market as MarketInputs,
    computedAt: s.computedAt,
  });
}

export function bookPlan(
  positions: Position[],
  settings: HedgeSettings = DEFAULT_SETTINGS
): WorkbookPlan {
  return buildSchedulePlan({
    positions,
    scope: { kind: "book" },
    settings,
    market: { spot: 5712.5, vix: 18 },
    computedAt: 45707.4375,
  });
}

/** Excel's column width unit is one digit of the default font: 7 px, i.e. 5.25 pt at 96 dpi. */
const POINTS_PER_CHARACTER = 5.25;

function snapshotValue(
  cell: FakeSnapshot["sheets"][number]["cells"][string]
): XlsxValue | undefined {
  if (cell.formula !== null) return { kind: "formula", formula: cell.formula };
  if (typeof cell.value === "string") return { kind: "text", text: cell.value };
  if (typeof cell.value === "number") return { kind: "number", value: cell.value };
  if (typeof cell.value === "boolean") return { kind: "boolean", value: cell.value };
  return undefined;
}

/** A colour scale the Office.js renderer set (Office criteria) as the plan's points. */
function colorScaleOf({
  address,
  criteria,
}: FakeSnapshot["sheets"][number]["colorScales"][number]): XlsxColorScale {
  if (!criteria) throw new Error(`the colour scale on ${address} has no criteria`);
  const point = (c: ColorCriterion): PlanScalePoint => {
    const color = c.color ?? "#FFFFFF";
    if (c.type === "LowestValue") return { at: "lowest", color };
    if (c.type === "HighestValue") return { at: "highest", color };
    if (c.type === "Number") return { at: "number", value: Number(c.formula), color };
    throw new Error(`colour scale point of type ${c.type} is not replayed`);
  };
  return {
    address,
    minimum: point(criteria.minimum),
    midpoint: point(criteria.midpoint),
    maximum: point(criteria.maximum),
  };
}

/**
 * What the Office.js renderer left in the recording fake, as an .xlsx book. Formulas carry no
 * cached value (the fake computes nothing), so every figure read back was computed by LibreOffice.
 */
export function bookFromSnapshot(snapshot: FakeSnapshot): XlsxBook {
  return {
    sheets: snapshot.sheets.map((sheet) => ({
      name: sheet.name,
      cells: Object.entries(sheet.cells).map(([address, cell]): XlsxCell => {
        const value = snapshotValue(cell);
        return value ? { address, value, format: cell.format } : { address, format: cell.format };
      }),
      columnWidths: Object.fromEntries(
        Object.entries(sheet.columnWidths).map(([letter, points]) => [
          letter,
          points / POINTS_PER_CHARACTER,
        ])
      ),
      conditionalFormats: sheet.conditionalFormats,
      colorScales: sheet.colorScales.map(colorScaleOf),
      tables: snapshot.tables
        .filter((t) => t.sheet === sheet.name)
        .map((t) => ({ name: t.name, address: t.address, headers: t.headers })),
    })),
    names: snapshot.names.map((n) => ({
      name: n.name,
      reference: n.reference,
      comment: n.comment,
      hidden: !n.visible,
    })),
    properties: Object.fromEntries(
      Object.entries(snapshot.settings).map(([key, value]) => [
        key,
        typeof value === "string" ? value : JSON.stringify(value),
      ])
    ),
  };
}

/** A recalculated cell equals what the engine computed: numbers to 1e-9 (relative above 1). */
export function sameValue(cell: ReadCell | undefined, expected: number | string): boolean {
  if (!cell) return false;
  if (typeof expected === "number") return close(cell.value, expected);
  return cell.type === "str" || cell.type === "s" || cell.type === "inlineStr"
    ? (cell.value ?? "") === expected
    : false;
}

export interface Comparison {
  checked: number;
  mismatches: string[];
}

/**
 * Compares every formula cell of the plan on `key` with the recalculated sheet: the cell must
 * still hold the formula (as stored in the file) and its value must equal the plan's `expected`.
 */
export function compareFormulas(
  plan: WorkbookPlan,
  key: SheetKey,
  sheet: ReadSheet,
  addresses?: readonly string[]
): Comparison {
  const mismatches: string[] = [];
  const wanted = addresses ?? formulaAddresses(plan, key);
  for (const address of wanted) {
    const cell = cellAt(plan, key, address);
    if (cell.kind !== "formula") {
      mismatches.push(`${address}: the plan has no formula there`);
      continue;
    }
    const got = sheet.cells.get(address);
    if (!got?.formula) mismatches.push(`${address}: no formula after the round trip`);
    else if (!sameValue(got, cell.expected)) {
      mismatches.push(
        `${address} ${cell.formula}: got ${JSON.stringify(got.value)}, engine ${JSON.stringify(cell.expected)}`
      );
    }
  }
  return { checked: wanted.length, mismatches };
}

/** Formulas a file carries: blocks of =ALVH.* calls (`addinOnly`) need the add-in and are left out. */
export function formulaAddresses(plan: WorkbookPlan, key: SheetKey): string[] {
  return plan.blocks
    .filter((b) => b.sheet === key && !b.addinOnly)
    .flatMap((b) =>
      b.cells.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          cell.kind === "formula" ? [cellAddress(b.row + r, b.col + c)] : []
        )
      )
    );
}
