import { AlvhError, describe, type Series } from "../core";
import { lineOf, type Line } from "./args";
import { computed, toCellError } from "./errors";

/*
 * Range arguments and spilled columns of the signal functions (SPEC §3.9, §4): a row or a column
 * of values in, a column as tall as it out, "" where a signal is not defined yet.
 */

/** What a signal function's cell range holds, once read. */
export interface ColumnArg {
  /** The values from the first to the last non-blank cell, oldest first. */
  values: number[];
  /** Index of the first non-blank cell in the range. */
  first: number;
  /** How many cells the range has, so the output lines up with it. */
  cells: number;
  /** How a position in the range is named in messages: "row" for a column, "column" for a row. */
  axis: "row" | "column";
}

export type SpillCell = number | "";

const isBlank = (cell: unknown) =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/**
 * Reads a row or a column of numbers. Blank cells before the first value and after the last are
 * allowed (a column selected longer than the data, or another signal's leading ""), and give ""
 * rows back; a blank inside the data, text, a logical value or an error is refused, row named.
 */
export function columnArg(name: string, range: unknown): ColumnArg {
  const { cells, axis } = lineArg(name, range);
  let first = -1;
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    if (isBlank(cells[i])) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) {
    throw new AlvhError(
      name,
      `${name} holds no numbers: select the cells of the values, oldest first`
    );
  }
  const values: number[] = new Array(last - first + 1);
  for (let i = first; i <= last; i++) {
    const cell = cells[i];
    // The message (and its text) is only built for a cell that is refused.
    values[i - first] =
      typeof cell === "number" && Number.isFinite(cell) ? cell : refuseCell(name, axis, i, cell);
  }
  return { values, first, cells: cells.length, axis };
}

function lineArg(name: string, range: unknown): Line {
  const line = lineOf(range);
  if (line) return line;
  const rows = (range as unknown[]).map((row: unknown) => (Array.isArray(row) ? row : [row]));
  const width = Math.max(0, ...rows.map((row) => row.length));
  throw new AlvhError(
    name,
    `${name} must be one row or one column of values, got a ${rows.length}×${width} range`
  );
}

function refuseCell(name: string, axis: string, index: number, cell: unknown): never {
  const where = `${axis} ${index + 1}`;
  if (typeof cell === "number") {
    throw new AlvhError(name, `${name} ${where} must be a finite number (got ${cell})`, "num");
  }
  if (isBlank(cell)) {
    throw new AlvhError(
      name,
      `${name} ${where} is empty inside the data: fill it or remove it (empty cells may only come before the first value or after the last)`
    );
  }
  if (typeof cell === "string") {
    const hint = Number.isFinite(Number(cell.trim()))
      ? "enter it as a number, without quotes"
      : "select only the cells that hold numbers (no header)";
    throw new AlvhError(name, `${name} ${where} is text ${JSON.stringify(cell)}: ${hint}`);
  }
  if (typeof cell === "boolean") {
    throw new AlvhError(
      name,
      `${name} ${where} is the logical value ${cell ? "TRUE" : "FALSE"}: enter a number`
    );
  }
  throw new AlvhError(
    name,
    `${name} ${where} is not a number (${describe(cell)}): fix that cell or leave it out`
  );
}

/** Two ranges whose values pair up day by day (advances and declines). */
export function requireAligned(a: [string, ColumnArg], b: [string, ColumnArg]): void {
  const [nameA, argA] = a;
  const [nameB, argB] = b;
  const span = (arg: ColumnArg) => `${arg.axis}s ${arg.first + 1}–${arg.first + arg.values.length}`;
  if (
    argA.cells !== argB.cells ||
    argA.first !== argB.first ||
    argA.values.length !== argB.values.length
  ) {
    throw new AlvhError(
      nameB,
      `${nameA} and ${nameB} must be the same size with values in the same places: ${nameA} has ${argA.cells} cells with values in ${span(argA)}, ${nameB} has ${argB.cells} with values in ${span(argB)}`
    );
  }
}

/** The spilled columns: one row per cell of the range, "" where the range was blank or a signal is not defined. */
export function spill(arg: ColumnArg, columns: readonly Series[]): SpillCell[][] {
  const rows: SpillCell[][] = new Array(arg.cells);
  for (let i = 0; i < arg.cells; i++) {
    const row: SpillCell[] = new Array(columns.length);
    const at = i - arg.first;
    for (let c = 0; c < columns.length; c++) row[c] = columns[c][at] ?? "";
    rows[i] = row;
  }
  return rows;
}

/**
 * Runs one signal formula: the cell gets the spilled columns or an error with the engine's
 * message. A value beyond double range (sums of numbers near 1e308) is reported, never shown.
 */
export function evaluateColumns(compute: () => SpillCell[][]): SpillCell[][] {
  const rows = computed(compute);
  for (const row of rows) {
    for (const cell of row) {
      if (cell !== "" && !Number.isFinite(cell)) {
        throw toCellError(
          new AlvhError(
            "values",
            "the result is beyond double precision for these values: check that they are in range",
            "num"
          )
        );
      }
    }
  }
  return rows;
}
