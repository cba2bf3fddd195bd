import {
  expiryDelta,
  isCallType,
  logMoneyness,
  normalisedBlack,
  requireFiniteOptionResult,
  requireRate,
  yearFraction,
} from "./black76";
import { DEFAULTS } from "./defaults";
import { normCdf, normPdf } from "./normal";
import { OptionType, requireNonNegative, requirePositive, requireVol } from "./validate";

/** Black–Scholes–Merton for spot (SPX) options with a continuous dividend yield (SPEC §3.1). */

export interface SpotOptionInput {
  type: OptionType;
  spot: number;
  strike: number;
  dte: number;
  vol: number;
  rate?: number;
  divYield?: number;
}

export interface SpotOptionResult {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
}

function validateSpot(
  type: OptionType,
  spot: number,
  strike: number,
  dte: number,
  vol: number,
  rate: number,
  divYield: number
): boolean {
  const isCall = isCallType("type", type);
  requirePositive("spot", spot);
  requirePositive("strike", strike);
  requireNonNegative("dte", dte);
  requireVol("vol", vol);
  requireRate("rate", rate);
  requireRate("divYield", divYield);
  return isCall;
}

/**
 * The price of already validated inputs (t in years), from plain numbers: the inner loop of
 * scenario grids, which reprice thousands of legs without building an input object for each.
 * BSM is Black on the forward F = S·e^{(r−q)T}: discount·√(F·K) = √(S·K)·e^{−(r+q)T/2}.
 */
export function spotOptionPrice(
  isCall: boolean,
  spot: number,
  strike: number,
  t: number,
  vol: number,
  rate: number,
  divYield: number
): number {
  if (t === 0) return Math.max(isCall ? spot - strike : strike - spot, 0);
  const x = logMoneyness(spot, strike) + (rate - divYield) * t;
  const b = normalisedBlack(x, vol * Math.sqrt(t), isCall);
  const price = Math.sqrt(spot) * Math.sqrt(strike) * Math.exp(-0.5 * (rate + divYield) * t) * b;
  return requireFiniteOptionResult(price, "the price");
}

/** Price only, without allocating: the hot path of tables, charts and benchmarks. */
export function bsmPrice(input: SpotOptionInput): number {
  return bsmPriceOf(
    input.type,
    input.spot,
    input.strike,
    input.dte,
    input.vol,
    input.rate ?? DEFAULTS.rate,
    input.divYield ?? DEFAULTS.divYield
  );
}

/**
 * {@link bsmPrice} from plain arguments, validated the same way: ALVH.BS calls it once per cell,
 * where building an input object per call showed up as garbage collection in profiles.
 */
export function bsmPriceOf(
  type: OptionType,
  spot: number,
  strike: number,
  dte: number,
  vol: number,
  rate: number,
  divYield: number
): number {
  const isCall = validateSpot(type, spot, strike, dte, vol, rate, divYield);
  return spotOptionPrice(isCall, spot, strike, yearFraction(dte), vol, rate, divYield);
}

/** Price and Greeks per share: vega per vol point, theta per calendar day, rho per 1 % of rate. */
export function bsm(input: SpotOptionInput): SpotOptionResult {
  const rate = input.rate ?? DEFAULTS.rate;
  const divYield = input.divYield ?? DEFAULTS.divYield;
  const { type, spot, strike, dte, vol } = input;
  const isCall = validateSpot(type, spot, strike, dte, vol, rate, divYield);
  const out: SpotOptionResult = { price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0 };
  const t = yearFraction(input.dte);
  spotGreeksInto(out, isCall, input, t, rate, divYield, true);
  return out;
}

/**
 * The Greeks of already validated inputs written into `out`, so that icGreeks' four legs reuse
 * one object (a condor sheet recalculates thousands of them); rho only when asked for.
 */
export function spotGreeksInto(
  out: SpotOptionResult,
  isCall: boolean,
  input: SpotOptionInput,
  t: number,
  rate: number,
  divYield: number,
  withRho: boolean
): void {
  const { spot, strike, vol } = input;
  out.price = spotOptionPrice(isCall, spot, strike, t, vol, rate, divYield);
  if (t === 0) {
    out.delta = expiryDelta(isCall, spot, strike);
    out.gamma = out.vega = out.theta = out.rho = 0;
    return;
  }
  const sqrtT = Math.sqrt(t);
  const s = vol * sqrtT;
  const d1 = (logMoneyness(spot, strike) + (rate - divYield) * t) / s + 0.5 * s;
  const carry = Math.exp(-divYield * t);
  const density = normPdf(d1);
  const delta = isCall ? carry * normCdf(d1) : -carry * normCdf(-d1);
  // dV/dT written with the price itself: the textbook r·K·e^{−rT}·N(d2) − q·S·e^{−qT}·N(d1)
  // cancels to noise in the wings when r ≈ q, while −r·V + (r−q)·S·Δ does not.
  const dVdT =
    (spot * carry * density * vol) / (2 * sqrtT) -
    rate * out.price +
    (rate - divYield) * spot * delta;
  out.delta = delta;
  out.gamma = requireFiniteOptionResult((carry * density) / (spot * s), "gamma");
  out.vega = requireFiniteOptionResult((spot * carry * density * sqrtT) / 100, "vega");
  out.theta = requireFiniteOptionResult(-dVdT / 365, "theta");
  if (!withRho) return;
  const d2 = d1 - s;
  const discounted = strike * t * Math.exp(-rate * t);
  out.rho = requireFiniteOptionResult(
    (isCall ? discounted * normCdf(d2) : -discounted * normCdf(-d2)) / 100,
    "rho"
  );
}
