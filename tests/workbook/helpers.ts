import { writeSchedule } from "../../src/hosts/excel/write";
import { cellAddress, parseCellAddress } from "../../src/workbook/a1";
import type { RenderReport } from "../../src/workbook/excel/render";
import type {
  HedgeSettings,
  MarketInputs,
  Position,
  ScheduleScope,
} from "../../src/workbook/model";
import {
  POSITIONS_TABLE,
  type PlanBlock,
  type PlanCell,
  type SheetKey,
  type WorkbookPlan,
} from "../../src/workbook/plan";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import type { PlanFromBook } from "../../src/workbook/excel/render";
import { officeInput } from "../../src/workbook/excel/cells";
import { POSITION_COLUMNS, positionCells } from "../../src/workbook/positions-table";
import { exchangeSerialFromDate } from "../../src/workbook/time";
import { FakeExcel, snapshotWorkbook, type FakeSnapshot } from "../support/excel-fake";
import reference from "./data/plan-reference.json";

export type Scenario = (typeof reference)[number];
export const SCENARIOS: Scenario[] = reference;

/** The reference JSON keeps positions as plain objects; nulls stand for "no entry date". */
export function scenarioPositions(s: Scenario): Position[] {
  return s.positions.map((p) => ({ ...p, entryDate: p.entryDate ?? null }));
}

export function blockAt(
  plan: WorkbookPlan,
  sheet: SheetKey,
  row: number,
  col: number
): PlanBlock | undefined {
  return plan.blocks.find(
    (b) =>
      b.sheet === sheet &&
      row >= b.row &&
      row < b.row + b.cells.length &&
      col >= b.col &&
      col < b.col + b.cells[0].length
  );
}

export function cellAt(plan: WorkbookPlan, sheet: SheetKey, address: string): PlanCell {
  const at = parseCellAddress(address);
  if (!at) throw new Error(`not a cell address: ${address}`);
  const block = blockAt(plan, sheet, at.row, at.col);
  if (!block) return { kind: "empty" };
  return block.cells[at.row - block.row][at.col - block.col];
}

export function namedCell(plan: WorkbookPlan, name: string): PlanCell {
  const found = plan.names.find((n) => n.name === name);
  if (!found) throw new Error(`plan has no name ${name}`);
  return cellAt(plan, found.sheet, found.address);
}

/** The value a named cell holds or is expected to compute. */
export function namedValue(plan: WorkbookPlan, name: string): number | string {
  const cell = namedCell(plan, name);
  if (cell.kind === "formula") return cell.expected;
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "text") return cell.text;
  throw new Error(`${name} is empty`);
}

export function block(plan: WorkbookPlan, id: string): PlanBlock {
  const found = plan.blocks.find((b) => b.id === id);
  if (!found) throw new Error(`plan has no block ${id}`);
  return found;
}

export function valueOf(cell: PlanCell): number | string | null {
  if (cell.kind === "formula") return cell.expected;
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "text") return cell.text;
  return null;
}

export function makePosition(label: string, overrides: Partial<Position> = {}): Position {
  return {
    label,
    expiry: 45737,
    longPut: 5500,
    shortPut: 5550,
    shortCall: 5850,
    longCall: 5900,
    credit: 12.35,
    contracts: 1,
    entryDate: null,
    impliedVol: 0.16,
    notes: "",
    ...overrides,
  };
}

/** A position as the add-in writes it into a row of the ALVH_Positions table. */
export function tableRow(label: string, overrides: Partial<Position> = {}): (string | number)[] {
  return positionCells(makePosition(label, overrides)).map(officeInput);
}

/** A row typed by hand with its short call (5450) below its short put (5550). */
export const INVERTED_ROW = ["Inverted", 45737, 5500, 5550, 5450, 5900, 12, 1, "", 0.16, "typo"];

/** A workbook whose sheet "ALVH Positions" holds the positions table with these rows. */
export function workbookWithBook(
  rows: readonly (readonly (string | number)[])[],
  fake: FakeExcel = new FakeExcel()
): FakeExcel {
  fake.addSheet("ALVH Positions");
  fake.addUserTable("ALVH Positions", "A1", [...POSITION_COLUMNS], rows, POSITIONS_TABLE);
  return fake;
}

/**
 * What each formula cell of the plan should compute (and each value cell holds), by sheet key and
 * A1 address: the snapshot of a write has formulas without values, so a recalculating renderer
 * (LibreOffice) is checked against these.
 */
export function expectedByAddress(
  plan: WorkbookPlan
): Record<SheetKey, Record<string, number | string>> {
  const out: Record<SheetKey, Record<string, number | string>> = {
    schedule: {},
    positions: {},
    replay: {},
  };
  for (const b of plan.blocks) {
    b.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const value = valueOf(cell);
        if (value !== null) out[b.sheet][cellAddress(b.row + r, b.col + c)] = value;
      })
    );
  }
  return out;
}

/**
 * Writes a plan through the Office.js renderer into the recording fake and returns what Excel
 * would hold, as plain JSON (for replaying into an .xlsx and recomputing in LibreOffice).
 */
export async function recordScheduleWrite(
  plan: WorkbookPlan,
  fake: FakeExcel = new FakeExcel()
): Promise<{ fake: FakeExcel; report: RenderReport; snapshot: FakeSnapshot }> {
  const report = await writeSchedule(plan, fake.ports);
  return { fake, report, snapshot: snapshotWorkbook(fake) };
}

export interface ScheduleRequest {
  scope: ScheduleScope;
  settings: HedgeSettings;
  market: MarketInputs;
  /** When model figures (Greeks, hedge expiry, VIX call) are computed. */
  at: Date;
}

/** The plan the task pane builds from the book the write finds, for the given form inputs. */
export function planFromBook(request: ScheduleRequest): PlanFromBook {
  return (book) =>
    buildSchedulePlan({
      positions: book.positions,
      scope: request.scope,
      settings: request.settings,
      market: request.market,
      computedAt: exchangeSerialFromDate(request.at),
    });
}
