/**
 * What an import would do, worked out before anything is written: which rows are new, which would
 * replace a position already in the book (labels match in any case, as everywhere in the book) and
 * which are invalid (by row, with the reason). The trader then chooses to skip or replace the
 * used labels, or cancels and nothing changes.
 */
import type { ImportMode } from "../../hosts/standalone/storage";
import type { PositionListing, PositionProblem } from "../../workbook/positions-table";
import type { Position } from "../../workbook/model";

export type { ImportMode };

export interface ImportPlan {
  fresh: Position[];
  /** Incoming positions whose label is already in the book. */
  replacing: Position[];
  invalid: PositionProblem[];
}

export function planImport(book: readonly Position[], incoming: PositionListing): ImportPlan {
  const used = new Set(book.map((p) => p.label.toLowerCase()));
  const plan: ImportPlan = { fresh: [], replacing: [], invalid: incoming.problems };
  for (const position of incoming.positions) {
    (used.has(position.label.toLowerCase()) ? plan.replacing : plan.fresh).push(position);
  }
  return plan;
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One sentence: how many rows are new, would replace, are invalid. */
export function describeImportPlan(plan: ImportPlan): string {
  return (
    `${count(plan.fresh.length, "new position")}, ` +
    `${count(plan.replacing.length, "row")} whose label is already in the book, ` +
    `${count(plan.invalid.length, "invalid row")}.`
  );
}
