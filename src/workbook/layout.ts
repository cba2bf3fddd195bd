import { absoluteAddress, absoluteRange, rangeAddress } from "./a1";
import { EMPTY, text } from "./cells";
import type { PlanBlock, PlanCell, PlanName, SheetKey } from "./plan";

/** A labelled figure: label in column A, the figure in B (named), a note in C. */
export interface Field {
  label: string;
  cell: PlanCell;
  note?: string;
  name?: string;
  comment?: string;
}

/** Collects blocks and defined names for one sheet while the builder lays it out. */
export class SheetLayout {
  readonly blocks: PlanBlock[] = [];
  readonly names: PlanName[] = [];

  constructor(readonly sheet: SheetKey) {}

  block(id: string, row: number, col: number, cells: PlanCell[][]): PlanBlock {
    const width = Math.max(...cells.map((r) => r.length));
    const rect = cells.map((r) =>
      r.length === width ? r : [...r, ...Array<PlanCell>(width - r.length).fill(EMPTY)]
    );
    const block: PlanBlock = {
      id,
      sheet: this.sheet,
      row,
      col,
      address: rangeAddress(row, col, rect.length, width),
      cells: rect,
    };
    this.blocks.push(block);
    return block;
  }

  name(name: string, row: number, col: number, comment: string, rows = 1, cols = 1): void {
    const address =
      rows === 1 && cols === 1 ? absoluteAddress(row, col) : absoluteRange(row, col, rows, cols);
    this.names.push({ name, sheet: this.sheet, address, comment, visible: true });
  }

  /** A section heading followed by label / figure / note rows; returns the next free row. */
  fields(id: string, row: number, heading: string, fields: readonly Field[]): number {
    const cells: PlanCell[][] = [[text(heading, "section"), EMPTY, EMPTY]];
    fields.forEach((field, i) => {
      cells.push([
        text(field.label, "label"),
        field.cell,
        field.note ? text(field.note, "note") : EMPTY,
      ]);
      if (field.name) this.name(field.name, row + 1 + i, 1, field.comment ?? field.label);
    });
    this.block(id, row, 0, cells);
    return row + cells.length;
  }
}
