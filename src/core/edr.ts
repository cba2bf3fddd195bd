import { DEFAULTS } from "./defaults";
import { cleanDecimal } from "./decimal";
import { AlvhError } from "./errors";
import { requireFiniteResult, requireNonNegative, requirePositive } from "./validate";

/** SPEC §3.3: the expected daily range (EDR) VIX implies, and the expected move over d days. */

/** EDR in percent of the index: bias · VIX / √annualDays (the "rule of 16" for 252 days). */
export function edr(
  vix: number,
  annualDays: number = DEFAULTS.annualDays,
  bias: number = DEFAULTS.bias
): number {
  requireVix(vix);
  requireAnnualDays(annualDays);
  requirePositive("bias", bias);
  return requireFiniteResult(
    (bias * vix) / Math.sqrt(annualDays),
    "the EDR",
    "vix",
    "vix and bias"
  );
}

/** The VIX level at which the EDR reaches `edrLevel`: the inverse of {@link edr}. */
export function vixForEdr(
  edrLevel: number,
  annualDays: number = DEFAULTS.annualDays,
  bias: number = DEFAULTS.bias
): number {
  requireNonNegative("edr", edrLevel);
  requireAnnualDays(annualDays);
  requirePositive("bias", bias);
  return requireFiniteResult(
    (edrLevel * Math.sqrt(annualDays)) / bias,
    "the VIX level",
    "edr",
    "edr and bias"
  );
}

/** Expected move in index points over `days` trading days: S · (VIX/100) · √(days / annualDays). */
export function expectedMove(
  spot: number,
  vix: number,
  days: number = 1,
  annualDays: number = DEFAULTS.annualDays
): number {
  requirePositive("spot", spot);
  requireVix(vix);
  requireNonNegative("days", days);
  requireAnnualDays(annualDays);
  return requireFiniteResult(
    spot * (vix / 100) * Math.sqrt(days / annualDays),
    "the expected move",
    "spot",
    "spot, vix and days"
  );
}

/** Spot VIX in points; a value below 1 is a decimal typed by mistake (0.18 for 18). */
export function requireVix(vix: number): number {
  return requireVixPoints("vix", vix);
}

// VIX has never closed below 9; a level under 1 is one typed as a decimal (0.185 for 18.5).
/**
 * A VIX level in points named `name` (spot VIX, the long-run level): above 0, and not a decimal.
 * `unit` words the fix as the caller's form and sheet already print it.
 */
export function requireVixPoints(
  name: string,
  value: number,
  unit: "VIX in points" | "VIX points" = "VIX in points"
): number {
  requirePositive(name, value);
  if (value < 1) {
    const points = Number((value * 100).toPrecision(12));
    throw new AlvhError(
      name,
      `${name} ${value} looks like a decimal: enter ${unit}, ${points} for ${points}`
    );
  }
  return value;
}

/** Days per year in the EDR: 252 trading or 365 calendar days, never more than a year has. */
export function requireAnnualDays(annualDays: number): number {
  requirePositive("annualDays", annualDays);
  if (annualDays > 366) {
    throw new AlvhError(
      "annualDays",
      `annualDays must be at most 366: 252 trading days or 365 calendar days (got ${annualDays})`,
      "num"
    );
  }
  return annualDays;
}

/**
 * SPEC §3.5 display: a VIX trigger rounded UP at the shown precision (15.0808 → 15.09), so a VIX
 * print at the shown level triggers the layer. Decided on decimals: 15.08 exactly stays 15.08
 * although 15.08 · 100 is 1508.0000000000002 in binary.
 */
export function shownVixTrigger(vixTrigger: number, decimals: number = 2): number {
  requireNonNegative("vixTrigger", vixTrigger);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new AlvhError(
      "decimals",
      `decimals must be a whole number from 0 to 10 (got ${decimals})`,
      "num"
    );
  }
  const scale = 10 ** decimals;
  return requireFiniteResult(
    cleanDecimal(Math.ceil(cleanDecimal(vixTrigger * scale)) / scale),
    "the shown VIX trigger",
    "vixTrigger"
  );
}
