import { rangeAddress } from "./a1";
import type { CellStyle, PlanBlock, PlanCell, SheetKey } from "./plan";

/** en-US number formats used by the plan (Excel and LibreOffice both read these codes). */
export const FORMATS = {
  general: "General",
  points: "#,##0.00",
  dollars: "$#,##0.00",
  vix: "0.00",
  edr: "0.000",
  fraction: "0%",
  vol: "0.0%",
  exact: "0.000",
  whole: "0",
  /** Calendar days to a settlement, fractional on the last day. */
  days: "0.00",
  greek: "0.0000",
  date: "yyyy-mm-dd",
  dateTime: "yyyy-mm-dd hh:mm",
} as const;

export const EMPTY: PlanCell = { kind: "empty" };

export function text(value: string, style?: CellStyle): PlanCell {
  return style ? { kind: "text", text: value, style } : { kind: "text", text: value };
}

export function num(value: number, format: string, style?: CellStyle): PlanCell {
  return style ? { kind: "number", value, format, style } : { kind: "number", value, format };
}

export function formula(
  expression: string,
  expected: number | string,
  format: string,
  style: CellStyle = "output"
): PlanCell {
  return { kind: "formula", formula: expression, expected, format, style };
}

/**
 * The block of `cells` whose top-left cell is at 0-based `row`, `col` of `sheet`; shorter rows are
 * padded with empty cells, so the block is the rectangle its address names.
 */
export function placedBlock(
  sheet: SheetKey,
  id: string,
  row: number,
  col: number,
  cells: PlanCell[][]
): PlanBlock {
  const width = Math.max(...cells.map((r) => r.length));
  const rect = cells.map((r) =>
    r.length === width ? r : [...r, ...Array<PlanCell>(width - r.length).fill(EMPTY)]
  );
  return { id, sheet, row, col, address: rangeAddress(row, col, rect.length, width), cells: rect };
}
