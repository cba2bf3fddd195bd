/**
 * Step counting decided on decimals, not raw binary floats: (0.95 − 0.90) / 0.05 is
 * 0.9999999999999991 in doubles but exactly 1 in the decimals the trader typed. A quotient
 * within TOLERANCE of a whole number counts as that whole number.
 */
const TOLERANCE = 1e-9;

export function floorOnDecimals(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= TOLERANCE * Math.max(1, Math.abs(x)) ? nearest : Math.floor(x);
}

export function ceilOnDecimals(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= TOLERANCE * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}
