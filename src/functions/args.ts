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

const LEGS = ["longPut", "shortPut", "shortCall", "longCall"] as const;

/** One vol for every leg, or a 1×4 (or 4×1) range with one vol per leg in leg order. */
export function legVols(name: string, value: unknown): number | number[] {
  if (!Array.isArray(value)) return requiredNumber(name, value);
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  const width = rows.length > 0 ? rows[0].length : 0;
  const cells = rows.flat();
  if (cells.length === 1) return requiredNumber(name, cells[0]);
  const isLine = rows.length === 1 || rows.every((row) => row.length === 1);
  if (cells.length !== LEGS.length || !isLine) {
    throw new AlvhError(
      name,
      `${name} must be one number or a 1×4 range (one vol per leg: ${LEGS.join(", ")}), got a ${rows.length}×${width} range`
    );
  }
  return cells.map((cell, i) => requiredNumber(`${name} for ${LEGS[i]}`, cell));
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
  const columns = [cellsOf("dates", dates), cellsOf("spx", spx), cellsOf("vix", vix)];
  let rows = Math.max(...columns.map((column) => column.length));
  while (rows > 0 && columns.every((column) => isOmitted(column[rows - 1]))) rows--;
  const [d, s, v] = columns.map((column) =>
    column.slice(0, rows).map((cell) => (typeof cell === "number" ? cell : Number.NaN))
  );
  return { dates: d, spx: s, vix: v };
}

function cellsOf(name: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  const isLine = rows.length === 1 || rows.every((row) => row.length === 1);
  if (!isLine) {
    throw new AlvhError(
      name,
      `${name} must be one column (or one row) of the history, got a ${rows.length}×${rows[0]?.length ?? 0} range`
    );
  }
  return rows.flat();
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
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  const cells = rows.flat();
  if (cells.length === 1 && isOmitted(cells[0])) return undefined;
  const isLine = rows.length === 1 || rows.every((row) => row.length === 1);
  if (!isLine) {
    const width = rows.length > 0 ? rows[0].length : 0;
    throw new AlvhError(
      name,
      `${name} must be one row or one column of numbers, got a ${rows.length}×${width} range`
    );
  }
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
