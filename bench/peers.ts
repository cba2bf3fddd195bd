import cdf from "@stdlib/stats-base-dists-normal-cdf";

import { normCdf, normPdf } from "../src/core";

/**
 * The peers the custom functions are judged against, measured in the same process and the same
 * run, so a slower machine slows both alike and only their ratio is a budget. They are benchmark
 * peers, not a second engine: no argument reading, no validation, no error mapping, and their
 * accuracy is reported beside the engine's, against the same mpmath references.
 */

/**
 * Black–Scholes price of one option on @stdlib's normal CDF (the ceiling of ALVH.BS), no dividend
 * yield (the inputs the npm peer can take).
 */
export function inlineBsPrice(
  type: "call" | "put",
  spot: number,
  strike: number,
  dte: number,
  vol: number,
  rate: number
): number {
  const t = dte / 365;
  const s = vol * Math.sqrt(t);
  const d1 = (Math.log(spot / strike) + rate * t) / s + 0.5 * s;
  const d2 = d1 - s;
  const discounted = strike * Math.exp(-rate * t);
  return type === "call"
    ? spot * cdf(d1, 0, 1) - discounted * cdf(d2, 0, 1)
    : discounted * cdf(-d2, 0, 1) - spot * cdf(-d1, 0, 1);
}

/**
 * Mark, delta, gamma, vega and theta of a short iron condor (SPEC §2's position units): four
 * Black–Scholes–Merton prices and Greeks written inline, long wings held +1 and short legs −1,
 * dte > 0. On the engine's own normal CDF and density: four legs put the wings deep in the lower
 * tail, where SPEC §3.1 asks for full precision and @stdlib's plain CDF loses hundreds of ulp, so
 * a peer on it would not compute the same figures (BENCHMARKS.md).
 */
export function inlineCondorGreeks(
  strikes: readonly [number, number, number, number],
  spot: number,
  dte: number,
  vols: readonly [number, number, number, number],
  contracts: number,
  rate: number,
  divYield: number,
  multiplier: number
): [number, number, number, number, number] {
  const t = dte / 365;
  const sqrtT = Math.sqrt(t);
  const carry = Math.exp(-divYield * t);
  const discount = Math.exp(-rate * t);
  const size = multiplier * contracts;
  let mark = 0;
  let delta = 0;
  let gamma = 0;
  let vega = 0;
  let theta = 0;
  for (let i = 0; i < 4; i++) {
    const isCall = i >= 2;
    const held = i === 0 || i === 3 ? 1 : -1;
    const strike = strikes[i];
    const s = vols[i] * sqrtT;
    const d1 = (Math.log(spot / strike) + (rate - divYield) * t) / s + 0.5 * s;
    const d2 = d1 - s;
    const density = normPdf(d1);
    const n1 = normCdf(isCall ? d1 : -d1);
    const n2 = normCdf(isCall ? d2 : -d2);
    const price = isCall
      ? spot * carry * n1 - strike * discount * n2
      : strike * discount * n2 - spot * carry * n1;
    const legDelta = isCall ? carry * n1 : -carry * n1;
    const dVdT =
      (spot * carry * density * vols[i]) / (2 * sqrtT) -
      rate * price +
      (rate - divYield) * spot * legDelta;
    mark -= held * price;
    delta += held * legDelta * size;
    gamma += held * ((carry * density) / (spot * s)) * size;
    vega += held * ((spot * carry * density * sqrtT) / 100) * size;
    theta += held * (-dVdT / 365) * size;
  }
  return [mark, delta, gamma, vega, theta];
}
