import erfcx from "@stdlib/math-base-special-erfcx";
import cdf from "@stdlib/stats-base-dists-normal-cdf";
import { AlvhError } from "./errors";

const INV_SQRT_2PI = 0.3989422804014327;
// Below this the lower tail is evaluated as ½·erfcx(−x/√2)·e^{−x²/2} (see normCdf).
const LOWER_TAIL = -1;
// e^{−x²/2} is below the smallest subnormal double (≈ e^{−744.4}) beyond |x| = 38.6; past this
// bound the split in gaussian() would multiply 0 by an overflowing correction (and ±∞ by NaN).
const UNDERFLOW = 40;

/**
 * Standard normal CDF to full double precision in both tails, from stdlib's maintained erfc and
 * erfcx (no short polynomial: iron-condor wings are priced far out in the tails). In the lower
 * tail, erfc(−x/√2) would inherit the rounding of x/√2 magnified x² times (≈ 500 ulp at
 * x = −30); the scaled form keeps that rounding harmless and takes e^{−x²/2} from exact parts.
 */
export function normCdf(x: number): number {
  requireNumber(x);
  return x < LOWER_TAIL ? 0.5 * erfcx(-x * Math.SQRT1_2) * gaussian(x) : cdf(x, 0, 1);
}

export function normPdf(x: number): number {
  requireNumber(x);
  return INV_SQRT_2PI * gaussian(x);
}

/**
 * e^{−x²/2} without the rounding of x² (which would cost x²/2 ulp): x = hi + lo with hi on 24
 * bits, so hi² and hi²/2 are exact and x² = hi² + lo·(x + hi).
 */
function gaussian(x: number): number {
  if (Math.abs(x) > UNDERFLOW) return 0;
  const hi = Math.fround(x);
  const lo = x - hi;
  return Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * lo * (x + hi));
}

// ±Infinity are meaningful here (the CDF is 0 or 1 there); only NaN is an error.
function requireNumber(x: number): void {
  if (typeof x !== "number" || Number.isNaN(x)) {
    throw new AlvhError("x", `x must be a number (got ${String(x)})`);
  }
}
