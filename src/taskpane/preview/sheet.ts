/**
 * A plan sheet as the preview shows it: every cell's displayed text (formula cells show the value
 * the engine computed for them, as Excel would after recalculating), its style, and whether the
 * plan's conditional format lights it up.
 */
import { parseCellAddress } from "../../workbook/a1";
import type {
  CellStyle,
  PlanCell,
  PlanConditionalFormat,
  PlanTable,
  SheetKey,
  WorkbookPlan,
} from "../../workbook/plan";
import { formatNumber } from "../format";
import { scaleFills } from "./color-scale";

export interface GridCell {
  text: string;
  style?: CellStyle;
  /** Numbers align right, as in a spreadsheet. */
  numeric: boolean;
  /** The native formula behind the value, when there is one. */
  formula?: string;
  highlighted: boolean;
  /** Background from the plan's colour scales (e.g. "#F8696B"), when one covers the cell. */
  fill?: string;
}

export interface SheetGrid {
  key: SheetKey;
  name: string;
  rows: number;
  cols: number;
  cells: Map<string, GridCell>;
}

/** What the preview draws: a plan's sheets, cells, names, rules and charts (a table when it has one). */
export type PreviewPlan = Pick<
  WorkbookPlan,
  "title" | "sheets" | "blocks" | "names" | "charts" | "conditionalFormats"
> &
  Partial<Pick<WorkbookPlan, "colorScales">> & { table?: PlanTable };

export const cellKey = (row: number, col: number): string => `${row},${col}`;

/** A cell's value for the charts and the conditional format: numbers, text, or undefined. */
export function cellValue(cell: PlanCell): number | string | undefined {
  switch (cell.kind) {
    case "number":
      return cell.value;
    case "formula":
      return cell.expected;
    case "text":
      return cell.text;
    default:
      return undefined;
  }
}

function display(cell: PlanCell): GridCell | undefined {
  const value = cellValue(cell);
  if (value === undefined) return undefined;
  const style = cell.kind === "empty" ? undefined : cell.style;
  const base = { style, highlighted: false };
  if (typeof value === "string") {
    return {
      ...base,
      text: value,
      numeric: false,
      formula: cell.kind === "formula" ? cell.formula : undefined,
    };
  }
  const format = cell.kind === "text" || cell.kind === "empty" ? "General" : cell.format;
  return {
    ...base,
    text: formatNumber(value, format),
    numeric: true,
    formula: cell.kind === "formula" ? cell.formula : undefined,
  };
}

/** Every cell of one sheet of the plan, with defined names resolved to their values. */
export class PlanValues {
  private readonly cells = new Map<string, PlanCell>();

  constructor(
    private readonly plan: PreviewPlan,
    readonly sheet: SheetKey
  ) {
    for (const block of plan.blocks) {
      // The preview has no add-in: blocks of =ALVH.* formulas are written in Excel only.
      if (block.sheet !== sheet || block.addinOnly) continue;
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => this.cells.set(cellKey(block.row + r, block.col + c), cell))
      );
    }
  }

  entries(): IterableIterator<[string, PlanCell]> {
    return this.cells.entries();
  }

  at(row: number, col: number): number | string | undefined {
    const cell = this.cells.get(cellKey(row, col));
    return cell ? cellValue(cell) : undefined;
  }

  /** A single-cell reference ("$A30", "B5") or a defined name on this sheet. */
  resolve(ref: string): number | string | undefined {
    const address = parseCellAddress(ref.replace(/\$/g, ""));
    if (address) return this.at(address.row, address.col);
    const name = this.plan.names.find((n) => n.name.toLowerCase() === ref.toLowerCase());
    if (!name || name.sheet !== this.sheet) return undefined;
    const target = parseCellAddress(name.address.replace(/\$/g, ""));
    return target ? this.at(target.row, target.col) : undefined;
  }

  /** The numbers of a one-column range such as "W5:W14" (blank and text cells give NaN). */
  column(range: string): number[] {
    const [from, to = from] = range.split(":").map((a) => parseCellAddress(a.replace(/\$/g, "")));
    if (!from || !to) return [];
    const out: number[] = [];
    for (let r = from.row; r <= to.row; r++) {
      const value = this.at(r, from.col);
      out.push(typeof value === "number" ? value : NaN);
    }
    return out;
  }
}

const COMPARISON =
  /^=\s*(\$?[A-Z]+\$?\d+)\s*(<=|>=|<>|<|>|=)\s*([A-Za-z_$][\w.$]*|-?\d+(?:\.\d+)?)\s*$/;

/**
 * Evaluates the plan's rule for one cell of its range. The plan's rules compare one cell with a
 * name or a number (e.g. "=$A30<=ALVH_Layers"); references move with the cell unless "$"-fixed.
 * A rule of any other shape lights nothing up.
 */
export function ruleHolds(
  rule: PlanConditionalFormat,
  values: PlanValues,
  row: number,
  col: number
): boolean {
  const match = COMPARISON.exec(rule.formula);
  const [start] = rule.address.split(":");
  const origin = parseCellAddress(start);
  if (!match || !origin) return false;
  const [, ref, op, other] = match;
  const parts = /^(\$?)([A-Z]+)(\$?)(\d+)$/.exec(ref);
  const anchor = parseCellAddress(ref.replace(/\$/g, ""));
  if (!parts || !anchor) return false;
  const r = parts[3] ? anchor.row : anchor.row + (row - origin.row);
  const c = parts[1] ? anchor.col : anchor.col + (col - origin.col);
  const left = values.at(r, c);
  const right = /^-?\d/.test(other) ? Number(other) : values.resolve(other);
  if (typeof left !== "number" || typeof right !== "number") return false;
  switch (op) {
    case "<=":
      return left <= right;
    case ">=":
      return left >= right;
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "=":
      return left === right;
    default:
      return left !== right;
  }
}

/**
 * The sheet's cells as the grid shows them. Cells from row `maxRows` on are counted (`rows`) but
 * not formatted: a 30-year replay has ~8,500 daily rows, which the page does not draw.
 */
export function sheetGrid(plan: PreviewPlan, key: SheetKey, maxRows = Infinity): SheetGrid {
  const sheet = plan.sheets.find((s) => s.key === key);
  const values = new PlanValues(plan, key);
  const cells = new Map<string, GridCell>();
  let rows = 0;
  let cols = 0;
  const put = (row: number, col: number, cell: GridCell | undefined): void => {
    if (!cell) return;
    cells.set(cellKey(row, col), cell);
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  };
  for (const [at, cell] of values.entries()) {
    const [row, col] = at.split(",").map(Number);
    if (row < maxRows) put(row, col, display(cell));
    else if (cellValue(cell) !== undefined) rows = Math.max(rows, row + 1);
  }
  if (plan.table && plan.table.sheet === key) {
    const origin = parseCellAddress(plan.table.topLeft) ?? { row: 0, col: 0 };
    plan.table.columns.forEach((name, c) =>
      put(origin.row, origin.col + c, {
        text: name,
        style: "header",
        numeric: false,
        highlighted: false,
      })
    );
    plan.table.rows.forEach((row, r) =>
      row.forEach((cell, c) => put(origin.row + 1 + r, origin.col + c, display(cell)))
    );
  }
  for (const rule of plan.conditionalFormats.filter((f) => f.sheet === key)) {
    const [from, to = from] = rule.address.split(":").map(parseCellAddress);
    if (!from || !to) continue;
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) {
        const cell = cells.get(cellKey(r, c));
        if (cell && ruleHolds(rule, values, r, c)) cell.highlighted = true;
      }
    }
  }
  for (const scale of (plan.colorScales ?? []).filter((f) => f.sheet === key)) {
    const [from, to = from] = scale.address.split(":").map(parseCellAddress);
    if (!from || !to) continue;
    const numbers: { at: string; value: number }[] = [];
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) {
        const value = values.at(r, c);
        if (typeof value === "number") numbers.push({ at: cellKey(r, c), value });
      }
    }
    const fills = scaleFills(
      scale,
      numbers.map((n) => n.value)
    );
    numbers.forEach((n, i) => {
      const cell = cells.get(n.at);
      if (cell) cell.fill = fills[i];
    });
  }
  return { key, name: sheet?.name ?? key, rows, cols, cells };
}
