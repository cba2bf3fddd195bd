import { AlvhError, describe, parseOptionType, type OptionType } from "../core";

/**
 * Arguments as Excel hands them over. An omitted optional argument arrives as null (some hosts
 * pass undefined), so TypeScript default values never apply; an empty text counts as omitted too.
 * Omitted values come back as undefined so that the engine applies DEFAULTS, in one place.
 */
function isOmitted(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

export function requiredNumber(name: string, value: unknown): number {
  if (isOmitted(value)) throw new AlvhError(name, `${name} is required: enter a number`);
  return toNumber(name, value);
}

export function optionalNumber(name: string, value: unknown): number | undefined {
  return isOmitted(value) ? undefined : toNumber(name, value);
}

/**
 * {@link requiredNumber} for a per-cell hot path: a finite number, the common case, is taken as it
 * is without a call; anything else gets requiredNumber's check and message.
 */
export function finiteCell(name: string, value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : requiredNumber(name, value);
}

/** {@link optionalNumber} for a per-cell hot path, with the engine's default when omitted. */
export function optionalCell(name: string, value: unknown, fallback: number): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return optionalNumber(name, value) ?? fallback;
}

/** Dates travel as Excel serials (45658 = 2025-01-01); text that looks like a date is not one. */
export function requiredDate(name: string, value: unknown): number {
  if (typeof value === "string" && !isOmitted(value)) {
    throw new AlvhError(
      name,
      `${name} must be a date (an Excel date serial, e.g. DATE(2025,1,1) = 45658), got ${describe(value)}`
    );
  }
  return requiredNumber(name, value);
}

export function optionType(name: string, value: unknown): OptionType {
  return parseOptionType(name, value);
}

/** One of a fixed set of words, any case; undefined when omitted. */
export function optionalChoice<T extends string>(
  name: string,
  value: unknown,
  choices: readonly T[]
): T | undefined {
  if (isOmitted(value)) return undefined;
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const found = choices.find((choice) => choice === text);
  if (found !== undefined) return found;
  const listed = choices.map((choice) => `"${choice}"`).join(", ");
  throw new AlvhError(name, `${name} must be one of ${listed} (got ${describe(value)})`);
}

/** A range that is one row or one column (or a single value): its cells in order, and which it is. */
export interface Line {
  cells: unknown[];
  /** How a position in it is named in messages: "row" for a column, "column" for a row. */
  axis: "row" | "column";
}

/**
 * Reads a range Excel hands over (a grid of rows, or a single value) as a line; undefined for a
 * block of several rows and columns, which each caller refuses with its own message.
 */
export function lineOf(range: unknown): Line | undefined {
  if (!Array.isArray(range)) return { cells: [range], axis: "row" };
  if (range.length === 1) {
    const only: unknown = range[0];
    return { cells: Array.isArray(only) ? only : [only], axis: "column" };
  }
  const cells: unknown[] = new Array(range.length);
  for (let i = 0; i < range.length; i++) {
    const row: unknown = range[i];
    if (!Array.isArray(row)) cells[i] = row;
    else if (row.length === 1) cells[i] = row[0];
    else return undefined;
  }
  return { cells, axis: "row" };
}

/** Rows × columns of a block, its first row's width, for messages. */
function blockSize(range: unknown[]): string {
  const first: unknown = range[0];
  return `${range.length}×${Array.isArray(first) ? first.length : 1}`;
}

const LEGS = ["longPut", "shortPut", "shortCall", "longCall"] as const;

/** One vol for every leg, or a 1×4 (or 4×1) range with one vol per leg in leg order. */
export function legVols(name: string, value: unknown): number | number[] {
  if (!Array.isArray(value)) return requiredNumber(name, value);
  const line = lineOf(value);
  if (line?.cells.length === 1) return requiredNumber(name, line.cells[0]);
  if (line?.cells.length !== LEGS.length) {
    const size = value.length > 0 ? blockSize(value) : "0×0";
    throw new AlvhError(
      name,
      `${name} must be one number or a 1×4 range (one vol per leg: ${LEGS.join(", ")}), got a ${size} range`
    );
  }
  return line.cells.map((cell, i) => requiredNumber(`${name} for ${LEGS[i]}`, cell));
}

function toNumber(name: string, value: unknown): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw new AlvhError(name, `${name} must be a finite number (got ${value})`, "num");
  }
  if (typeof value === "boolean") {
    throw new AlvhError(
      name,
      `${name} must be a number, not the logical value ${value ? "TRUE" : "FALSE"}`
    );
  }
  if (typeof value === "string" && Number.isFinite(Number(value.trim()))) {
    throw new AlvhError(
      name,
      `${name} ${JSON.stringify(value)} is text: enter it as a number, without quotes`
    );
  }
  if (Array.isArray(value)) {
    throw new AlvhError(name, `${name} must be one number, not a range`);
  }
  throw new AlvhError(name, `${name} must be a number (got ${describe(value)})`);
}

/**
 * The history columns of REPLAY: three ranges of equal height (a column or a row each), cell by
 * cell. Rows left empty in all three at the bottom are dropped, so whole columns can be passed;
 * any other empty or non-number cell reaches the engine as NaN, which names its row.
 */
export function historyColumns(
  dates: unknown,
  spx: unknown,
  vix: unknown
): { dates: number[]; spx: number[]; vix: number[] } {
  const columns = [
    historyCells("dates", dates),
    historyCells("spx", spx),
    historyCells("vix", vix),
  ];
  let rows = Math.max(columns[0].length, columns[1].length, columns[2].length);
  while (rows > 0 && columns.every((column) => isOmitted(column[rows - 1]))) rows--;
  const [d, s, v] = columns.map((column) => {
    const numbers: number[] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const cell = column[i];
      numbers[i] = typeof cell === "number" ? cell : Number.NaN;
    }
    return numbers;
  });
  return { dates: d, spx: s, vix: v };
}

function historyCells(name: string, value: unknown): unknown[] {
  const line = lineOf(value);
  if (line) return line.cells;
  throw new AlvhError(
    name,
    `${name} must be one column (or one row) of the history, got a ${blockSize(value as unknown[])} range`
  );
}

/**
 * A list of numbers typed as a row or a column of a range (or one number); undefined when
 * omitted. A block of several rows and columns, or an empty cell inside, is refused.
 */
export function optionalList(name: string, value: unknown): number[] | undefined {
  if (!Array.isArray(value)) {
    const single = optionalNumber(name, value);
    return single === undefined ? undefined : [single];
  }
  const line = lineOf(value);
  if (line?.cells.length === 1 && isOmitted(line.cells[0])) return undefined;
  if (!line) {
    throw new AlvhError(
      name,
      `${name} must be one row or one column of numbers, got a ${blockSize(value)} range`
    );
  }
  const { cells } = line;
  return cells.map((cell, i) => {
    if (isOmitted(cell)) {
      throw new AlvhError(
        name,
        `${name} has an empty cell (number ${i + 1}): fill it or shorten the range`
      );
    }
    return toNumber(name, cell);
  });
}
