/**
 * Proof that a sheet is the add-in's own, which a workbook someone sends cannot forge by naming:
 * a random token kept in the document settings (`alvh.owner`) and in the comment of the hidden
 * name `ALVH_Owned_Schedule` scoped to that sheet. The writer rewrites a sheet only when both
 * agree; a workbook-level name of that name, whoever made it, proves nothing.
 *
 * The record also lists what the add-in wrote there (ranges, charts, its sheet-scoped names), so
 * a rewrite clears and deletes only those: cells the trader typed elsewhere on the sheet and
 * names the add-in did not create are never touched.
 */
import { parseCellAddress } from "./a1";
import type { WorkbookPlan } from "./plan";

export const OWNER_SETTING = "alvh.owner";

export interface OwnerRecord {
  token: string;
  /** Worksheet.id and name at the last write (where to look for the proof). */
  sheetId: string;
  sheet: string;
  /** A1 ranges, charts and sheet-scoped names the add-in wrote on that sheet. */
  ranges: string[];
  charts: string[];
  names: string[];
}

const list = (value: unknown): string[] =>
  typeof value === "string" && value !== "" ? value.split("\n") : [];

/** The record kept in the document settings, or null when there is none (or it is damaged). */
export function ownerFromSettings(value: unknown): OwnerRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.token !== "string" || v.token.length < 16) return null;
  return {
    token: v.token,
    sheetId: typeof v.sheetId === "string" ? v.sheetId : "",
    sheet: typeof v.sheet === "string" ? v.sheet : "",
    ranges: list(v.ranges),
    charts: list(v.charts),
    names: list(v.names),
  };
}

/** Document settings take flat values: lists are kept one item a line. */
export function ownerToSettings(record: OwnerRecord): Record<string, string> {
  return {
    token: record.token,
    sheetId: record.sheetId,
    sheet: record.sheet,
    ranges: record.ranges.join("\n"),
    charts: record.charts.join("\n"),
    names: record.names.join("\n"),
  };
}

export function newOwnerToken(): string {
  return crypto.randomUUID();
}

/** Every range of the schedule sheet the plan writes cells or rules into. */
export function scheduleFootprint(plan: WorkbookPlan): string[] {
  return [
    ...plan.blocks.filter((b) => b.sheet === "schedule").map((b) => b.address),
    ...plan.conditionalFormats.filter((c) => c.sheet === "schedule").map((c) => c.address),
  ];
}

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function box(address: string): Box | undefined {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  const from = parseCellAddress(a);
  const to = parseCellAddress(b);
  if (!from || !to) return undefined;
  return { row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
}

const within = (boxes: Box[], row: number, col: number): boolean =>
  boxes.some((r) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols);

/**
 * Cells of `used` (a used range's formulas, with its top-left) that hold something and lie
 * outside `ranges`: what the trader typed on the sheet, by address.
 */
export function cellsOutside(
  used: { rowIndex: number; columnIndex: number; formulas: readonly (readonly unknown[])[] },
  ranges: readonly string[]
): { row: number; col: number }[] {
  const boxes = ranges.map(box).filter((b): b is Box => b !== undefined);
  const found: { row: number; col: number }[] = [];
  used.formulas.forEach((line, r) =>
    line.forEach((value, c) => {
      const row = used.rowIndex + r;
      const col = used.columnIndex + c;
      if (value !== "" && value !== null && !within(boxes, row, col)) found.push({ row, col });
    })
  );
  return found;
}

/** The cells of `cells` that fall inside any of `ranges`. */
export function cellsWithin<T extends { row: number; col: number }>(
  cells: readonly T[],
  ranges: readonly string[]
): T[] {
  const boxes = ranges.map(box).filter((b): b is Box => b !== undefined);
  return cells.filter((c) => within(boxes, c.row, c.col));
}
