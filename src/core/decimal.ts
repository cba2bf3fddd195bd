/**
 * Step counting decided on decimals, not raw binary floats: (0.95 − 0.90) / 0.05 is
 * 0.9999999999999991 in doubles but exactly 1 in the decimals the trader typed. A quotient
 * within TOLERANCE of a whole number counts as that whole number (SPEC §3.5). The tolerance is
 * absolute, as in SPEC and in the schedule sheet's formulas (src/workbook/schedule/), so the engine
 * and the sheet decide every count alike; counts stay far below 10^6, where a double's spacing
 * would reach it.
 */
const TOLERANCE = 1e-9;

const nearWhole = (x: number, nearest: number): boolean => Math.abs(x - nearest) <= TOLERANCE;

export function floorOnDecimals(x: number): number {
  const nearest = Math.round(x);
  return nearWhole(x, nearest) ? nearest : Math.floor(x);
}

export function ceilOnDecimals(x: number): number {
  const nearest = Math.round(x);
  return nearWhole(x, nearest) ? nearest : Math.ceil(x);
}

/** A whole number when x is within TOLERANCE of one, x itself otherwise. */
export function snapToWhole(x: number): number {
  const nearest = Math.round(x);
  return nearWhole(x, nearest) ? nearest : x;
}

/**
 * Sums and products of typed decimals (0.9 + 2·0.05, 3·0.1) carry binary noise in the 17th
 * digit; 15 significant digits is what a double holds exactly for any decimal, so rounding there
 * gives back the decimal the trader meant.
 */
export function cleanDecimal(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(15));
}
