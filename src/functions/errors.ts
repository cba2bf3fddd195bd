import { AlvhError, isAlvhError } from "../core";

const UNEXPECTED =
  "ALVH could not compute this formula (internal error): check the arguments, and report it if they are right";
const NOT_FINITE =
  "the result is not a finite number for these arguments: check that they are in range";

interface HostRuntime {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  ErrorCode: typeof CustomFunctions.ErrorCode;
}

/** Read lazily: the bundle also runs where office.js (and so the global) is absent. */
function hostRuntime(): HostRuntime | undefined {
  const host = (globalThis as { CustomFunctions?: Partial<HostRuntime> }).CustomFunctions;
  return host && typeof host.Error === "function" && host.ErrorCode
    ? (host as HostRuntime)
    : undefined;
}

/**
 * What a cell shows for a failure: the engine's message as #VALUE! (or #NUM! for a number out of
 * the formula's domain). Anything else is a bug, not bad input, so its details stay out of the cell.
 * Without Excel's runtime there is no cell: the caller gets the AlvhError itself.
 */
export function toCellError(error: unknown): CustomFunctions.Error | AlvhError {
  const alvh = isAlvhError(error) ? error : new AlvhError("", UNEXPECTED);
  const host = hostRuntime();
  if (!host) return alvh;
  const code =
    alvh.kind === "num"
      ? host.ErrorCode.invalidNumber
      : alvh.kind === "na"
        ? host.ErrorCode.notAvailable
        : host.ErrorCode.invalidValue;
  return new host.Error(code, alvh.message);
}

/** The cell error for a result that is not a finite number (inputs beyond double range). */
export function notFiniteError(): CustomFunctions.Error | AlvhError {
  return toCellError(new AlvhError("result", NOT_FINITE, "num"));
}

/** Runs a formula's computation; whatever it throws reaches the cell through toCellError. */
export function computed<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toCellError(error);
  }
}

/** Runs one formula; the cell gets a finite number, a non-empty grid of them, or an error. */
export function evaluate<T extends number | number[][]>(compute: () => T): T {
  const result = computed(compute);
  if (!isFiniteResult(result)) throw notFiniteError();
  return result;
}

/**
 * Runs a formula that spills a grid in which some cells may have no value: the engine marks them
 * with an AlvhError of kind "na", and each becomes #N/A with its message in its own cell.
 */
export function evaluateWithGaps(
  compute: () => (number | AlvhError)[][]
): (number | CustomFunctions.Error | AlvhError)[][] {
  const grid = computed(compute);
  const values = grid.map((row) => row.map((cell) => (isAlvhError(cell) ? 0 : cell)));
  if (!isFiniteResult(values)) throw notFiniteError();
  return grid.map((row) => row.map((cell) => (isAlvhError(cell) ? toCellError(cell) : cell)));
}

function isFiniteResult(result: unknown): boolean {
  if (typeof result === "number") return Number.isFinite(result);
  return (
    Array.isArray(result) &&
    result.length > 0 &&
    result.every(
      (row) =>
        Array.isArray(row) &&
        row.length === result[0].length &&
        row.length > 0 &&
        row.every((cell) => typeof cell === "number" && Number.isFinite(cell))
    )
  );
}

/**
 * Runs a formula that spills a labelled table (REPLAY's header row and metric column): every cell
 * a finite number or a non-empty text, else an error as for {@link evaluate}.
 */
export function evaluateTable(compute: () => (string | number)[][]): (string | number)[][] {
  const result = computed(compute);
  const cellOk = (cell: unknown) =>
    typeof cell === "number" ? Number.isFinite(cell) : typeof cell === "string" && cell !== "";
  const isTable =
    result.length > 0 &&
    result.every((row) => row.length === result[0].length && row.length > 0 && row.every(cellOk));
  if (!isTable) throw notFiniteError();
  return result;
}
