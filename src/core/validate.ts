import { AlvhError } from "./errors";

/** Input checks shared by every engine function; each message names the argument and the fix. */

export function requireFinite(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new AlvhError(name, `${name} must be a finite number (got ${describe(value)})`);
  }
  return value;
}

export function requirePositive(name: string, value: number): number {
  requireFinite(name, value);
  if (value <= 0) throw new AlvhError(name, `${name} must be above 0 (got ${value})`, "num");
  return value;
}

/**
 * NaN or ±Infinity out of valid inputs means numbers beyond double range (1e308), which no trader
 * types: report it against the argument to check rather than hand a cell a non-number.
 */
export function requireFiniteResult(
  value: number,
  what: string,
  argument: string,
  inputs: string = argument
): number {
  if (!Number.isFinite(value)) {
    throw new AlvhError(
      argument,
      `${what} is beyond double precision for these inputs: check ${inputs}`,
      "num"
    );
  }
  return value;
}

export function requireNonNegative(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0) throw new AlvhError(name, `${name} must be 0 or more (got ${value})`, "num");
  return value;
}

/** Annualised volatility as a decimal; a value above 5 is almost surely typed in percent. */
export function requireVol(name: string, value: number): number {
  requireFinite(name, value);
  if (value > 5) {
    throw new AlvhError(
      name,
      `${name} ${value} looks like a percentage: enter ${fmt(value / 100)} for ${fmt(value)} %`
    );
  }
  if (value <= 0)
    throw new AlvhError(
      name,
      `${name} must be above 0, as a decimal: 0.16 for 16 % (got ${value})`,
      "num"
    );
  return value;
}

export type OptionType = "call" | "put";

export function parseOptionType(name: string, value: unknown): OptionType {
  // The words as typed most often, without building a trimmed lower-case copy per call.
  if (value === "call" || value === "put") return value;
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "call" || text === "c") return "call";
  if (text === "put" || text === "p") return "put";
  throw new AlvhError(name, `${name} must be "call" or "put" (or "c"/"p"), got ${describe(value)}`);
}

export function describe(value: unknown): string {
  if (typeof value === "string") return value === "" ? "an empty value" : JSON.stringify(value);
  if (value === null || value === undefined) return "an empty value";
  return String(value);
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(12)));
}
