import erfcx from "@stdlib/math-base-special-erfcx";
import { DEFAULTS } from "./defaults";
import { AlvhError } from "./errors";
import { normCdf, normPdf } from "./normal";
import {
  requireFiniteResult,
  OptionType,
  parseOptionType,
  requireFinite,
  requireNonNegative,
  requirePositive,
  requireVol,
} from "./validate";

/** Black-76 for options on VIX futures, and the normalised Black kernel BSM shares with it. */

export interface FuturesOptionInput {
  type: OptionType;
  future: number;
  strike: number;
  dte: number;
  vol: number;
  rate?: number;
}

export interface FuturesOptionResult {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

const DAYS_PER_YEAR = 365;
const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_HALF_PI = 1.2533141373155003;
// Below this half total volatility the two Black terms agree to many digits; a Taylor series in
// t (odd orders to 15, truncation < 1e-17 relative at t = 0.21) replaces their difference.
const SMALL_T = 0.21;
// erfc arguments above this are far enough in the tail that the scaled form erfcx keeps the
// common Gaussian factor out of the subtraction.
const ERFCX_FROM = 0.46875;
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The normalised Black value b = e^{x/2}·N(x/s + s/2) − e^{−x/2}·N(x/s − s/2) of a call
 * (θx for a put), with x = ln(F/K) and s = σ√T, so that price = discount · √(F·K) · b.
 * Computed without subtracting nearly equal numbers anywhere (after P. Jäckel, "Let's Be
 * Rational", 2013): in the money it is the intrinsic 2·sinh(x/2) plus the out-of-the-money
 * value; out of the money it uses erfcx or a series, so deep wings keep their relative precision
 * where F·N(d1) − K·N(d2) would cancel to noise (or below zero).
 */
export function normalisedBlack(x: number, s: number, isCall: boolean): number {
  const theta = isCall ? x : -x;
  return theta > 0
    ? 2 * Math.sinh(0.5 * theta) + outOfTheMoney(-theta, s)
    : outOfTheMoney(theta, s);
}

/** b for x ≤ 0. With Y(z) = N(z)/φ(z): b = φ(h)·e^{−t²/2}·(Y(h+t) − Y(h−t)), h = x/s, t = s/2. */
function outOfTheMoney(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  const gauss = Math.exp(-0.5 * (h * h + t * t));
  if (t < SMALL_T) {
    if (gauss === 0) return 0;
    // Y' = 1 + zY, so Y⁽ⁿ⁺¹⁾ = z·Y⁽ⁿ⁾ + n·Y⁽ⁿ⁻¹⁾: the odd derivatives give Y(h+t) − Y(h−t).
    let previous = SQRT_HALF_PI * erfcx(-h * Math.SQRT1_2);
    let current = 1 + h * previous;
    let power = t;
    let sum = current * t;
    for (let n = 1; n < 15; n++) {
      const next = h * current + n * previous;
      previous = current;
      current = next;
      if (n % 2 === 0) {
        power *= (t * t) / (n * (n + 1));
        sum += current * power;
      }
    }
    return 2 * INV_SQRT_2PI * gauss * sum;
  }
  const q1 = -(h + t) * Math.SQRT1_2;
  const q2 = (t - h) * Math.SQRT1_2;
  const first = q1 < ERFCX_FROM ? 2 * Math.exp(0.5 * x) * normCdf(h + t) : gauss * erfcx(q1);
  const second = q2 < ERFCX_FROM ? 2 * Math.exp(-0.5 * x) * normCdf(h - t) : gauss * erfcx(q2);
  return 0.5 * (first - second);
}

/**
 * ln(a/b); near the money via log1p of an exact difference, so x/s stays accurate for tiny s.
 * A ratio that leaves the normal double range (spot 1e-300, strike 1e300) falls back to
 * ln a − ln b rather than ln 0 = −∞.
 */
export function logMoneyness(a: number, b: number): number {
  const ratio = a / b;
  if (ratio > 0.5 && ratio < 2) return Math.log1p((a - b) / b);
  return ratio >= MIN_NORMAL && ratio <= Number.MAX_VALUE
    ? Math.log(ratio)
    : Math.log(a) - Math.log(b);
}

export function yearFraction(dte: number): number {
  return dte / DAYS_PER_YEAR;
}

/**
 * Delta at expiry (dte = 0): 1 in the money, 0 out of it, and ½ exactly at the money, the limit
 * of N(d1) as T → 0 there (it keeps call delta − put delta = 1). Gamma, vega, theta and rho are 0.
 */
export function expiryDelta(isCall: boolean, underlying: number, strike: number): number {
  const sign = isCall ? 1 : -1;
  if (underlying === strike) return 0.5 * sign;
  return (isCall ? underlying > strike : underlying < strike) ? sign : 0;
}

export function isCallType(name: string, type: OptionType): boolean {
  if (type === "call") return true;
  if (type === "put") return false;
  return parseOptionType(name, type) === "call";
}

/** A continuously compounded rate as a decimal: above 1 (100 %) it was almost surely typed in percent. */
export function requireRate(name: string, value: number): number {
  requireFinite(name, value);
  if (Math.abs(value) > 1) {
    const decimal = Number((value / 100).toPrecision(12));
    throw new AlvhError(
      name,
      `${name} ${value} looks like a percentage: enter ${decimal} for ${value} %`
    );
  }
  return value;
}

/** Option results overflow only for a huge spot or future with a long dte. */
export function requireFiniteOptionResult(value: number, what: string): number {
  return requireFiniteResult(value, what, "dte", "spot/future, strike, dte and rate");
}

function validateFutures(input: FuturesOptionInput): boolean {
  const isCall = isCallType("type", input.type);
  requirePositive("future", input.future);
  requirePositive("strike", input.strike);
  requireNonNegative("dte", input.dte);
  requireVol("vol", input.vol);
  requireRate("rate", input.rate ?? DEFAULTS.rate);
  return isCall;
}

/** The price of already validated inputs (t in years), from plain numbers. */
export function futuresPrice(
  isCall: boolean,
  future: number,
  strike: number,
  t: number,
  vol: number,
  rate: number
): number {
  if (t === 0) return Math.max(isCall ? future - strike : strike - future, 0);
  const s = vol * Math.sqrt(t);
  const b = normalisedBlack(logMoneyness(future, strike), s, isCall);
  return requireFiniteOptionResult(
    Math.exp(-rate * t) * Math.sqrt(future) * Math.sqrt(strike) * b,
    "the price"
  );
}

export function black76(input: FuturesOptionInput): FuturesOptionResult {
  const isCall = validateFutures(input);
  const { future, strike, vol } = input;
  const rate = input.rate ?? DEFAULTS.rate;
  const t = yearFraction(input.dte);
  const price = futuresPrice(isCall, future, strike, t, vol, rate);
  if (t === 0)
    return { price, delta: expiryDelta(isCall, future, strike), gamma: 0, vega: 0, theta: 0 };
  const sqrtT = Math.sqrt(t);
  const s = vol * sqrtT;
  const d1 = logMoneyness(future, strike) / s + 0.5 * s;
  const discount = Math.exp(-rate * t);
  const density = normPdf(d1);
  const delta = isCall ? discount * normCdf(d1) : -discount * normCdf(-d1);
  // With F held fixed, dV/dT = −r·V + e^{−rT}·F·φ(d1)·σ/(2√T); theta is per calendar day of decay.
  const dVdT = -rate * price + (discount * future * density * vol) / (2 * sqrtT);
  return {
    price,
    delta,
    gamma: requireFiniteOptionResult((discount * density) / (future * s), "gamma"),
    vega: requireFiniteOptionResult((discount * future * density * sqrtT) / 100, "vega"),
    theta: requireFiniteOptionResult(-dVdT / DAYS_PER_YEAR, "theta"),
  };
}
