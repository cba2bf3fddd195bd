import { logMoneyness, requireRate, yearFraction } from "./black76";
import { bsm } from "./bsm";
import { DEFAULTS } from "./defaults";
import { AlvhError } from "./errors";
import { normCdf } from "./normal";
import { requireFinite, requireNonNegative, requirePositive, requireVol } from "./validate";

/** The iron condor of SPEC §3.2: long put K1 < short put K2 ≤ short call K3 < long call K4, credit C. */

export interface IronCondorInput {
  longPut: number;
  shortPut: number;
  shortCall: number;
  longCall: number;
  credit: number;
  contracts?: number;
  multiplier?: number;
}

export interface IronCondor extends Readonly<Required<IronCondorInput>> {}

export interface IcMarket {
  spot: number;
  dte: number;
  /** One vol for every leg, or four in leg order: longPut, shortPut, shortCall, longCall. */
  vol: number | readonly number[];
  rate?: number;
  divYield?: number;
}

export interface PositionGreeks {
  /** Debit to close, per share. */
  mark: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

export interface PopInput {
  spot: number;
  lower: number;
  upper: number;
  dte: number;
  vol: number;
  rate?: number;
  divYield?: number;
}

const LEGS = ["longPut", "shortPut", "shortCall", "longCall"] as const;

/** Validated construction; every other function here re-validates, so a hand-built object is safe. */
export function ironCondor(input: IronCondorInput): IronCondor {
  const longPut = requirePositive("longPut", input.longPut);
  const shortPut = requirePositive("shortPut", input.shortPut);
  const shortCall = requirePositive("shortCall", input.shortCall);
  const longCall = requirePositive("longCall", input.longCall);
  const credit = requirePositive("credit", input.credit);
  const contracts = requirePositive("contracts", input.contracts ?? DEFAULTS.contracts);
  const multiplier = requirePositive("multiplier", input.multiplier ?? DEFAULTS.spxMultiplier);
  if (!(shortPut > longPut)) {
    throw new AlvhError("shortPut", `shortPut ${shortPut} must be above longPut ${longPut}`);
  }
  if (!(shortCall >= shortPut)) {
    throw new AlvhError(
      "shortCall",
      `shortCall ${shortCall} must be above shortPut ${shortPut} (or equal to it, for an iron butterfly)`
    );
  }
  if (!(longCall > shortCall)) {
    throw new AlvhError("longCall", `longCall ${longCall} must be above shortCall ${shortCall}`);
  }
  const wing = Math.max(shortPut - longPut, longCall - shortCall);
  if (credit >= wing) {
    throw new AlvhError(
      "credit",
      `credit ${credit} is at or above the wider wing ${wing}: no risk is left, check the credit`
    );
  }
  return Object.freeze({ longPut, shortPut, shortCall, longCall, credit, contracts, multiplier });
}

export function breakEvens(ic: IronCondor): { lower: number; upper: number } {
  const { shortPut, shortCall, credit } = ironCondor(ic);
  return { lower: shortPut - credit, upper: shortCall + credit };
}

/** BREAKEVEN's three arguments: no wings, so only their order and a positive credit are checked. */
export function breakEvensOf(
  shortPut: number,
  shortCall: number,
  credit: number
): { lower: number; upper: number } {
  requirePositive("shortPut", shortPut);
  requirePositive("shortCall", shortCall);
  requirePositive("credit", credit);
  if (!(shortCall >= shortPut)) {
    throw new AlvhError(
      "shortCall",
      `shortCall ${shortCall} must be above shortPut ${shortPut} (or equal to it, for an iron butterfly)`
    );
  }
  return { lower: shortPut - credit, upper: shortCall + credit };
}

export function maxProfit(ic: IronCondor): number {
  const { credit, multiplier, contracts } = ironCondor(ic);
  return credit * multiplier * contracts;
}

/** Positive dollars; the wider wing decides. This is the notional risk that layer coverage refers to. */
export function maxLoss(ic: IronCondor): number {
  const c = ironCondor(ic);
  const wing = Math.max(c.shortPut - c.longPut, c.longCall - c.shortCall);
  return (wing - c.credit) * c.multiplier * c.contracts;
}

/** P&L in dollars of the whole position if the index settles at spotAtExpiry. */
export function payoffAtExpiry(ic: IronCondor, spotAtExpiry: number): number {
  const c = ironCondor(ic);
  const s = requireNonNegative("spotAtExpiry", spotAtExpiry);
  const perShare =
    c.credit -
    Math.max(c.shortPut - s, 0) +
    Math.max(c.longPut - s, 0) -
    Math.max(s - c.shortCall, 0) +
    Math.max(s - c.longCall, 0);
  return perShare * c.multiplier * c.contracts;
}

function legVols(vol: number | readonly number[]): readonly number[] {
  if (typeof vol === "number") return [vol, vol, vol, vol].map((v) => requireVol("vol", v));
  if (!Array.isArray(vol) || (vol.length !== 1 && vol.length !== 4)) {
    const count = Array.isArray(vol) ? vol.length : 0;
    throw new AlvhError(
      "vol",
      `vol must be one number or four, one per leg in the order longPut, shortPut, shortCall, longCall (got ${count})`
    );
  }
  if (vol.length === 1) return legVols(vol[0]);
  return vol.map((v: number, i: number) => {
    try {
      return requireVol("vol", v);
    } catch (error) {
      const e = error as AlvhError;
      throw new AlvhError("vol", `${LEGS[i]} leg: ${e.message}`, e.kind);
    }
  });
}

/**
 * Mark (debit to close per share, P(K2) − P(K1) + C(K3) − C(K4)) and the Greeks of the SHORT
 * condor as position totals: per-share Greek × multiplier × contracts, so a short IC shows
 * negative vega ($ per vol point) and positive theta ($ per calendar day).
 */
export function icGreeks(ic: IronCondor, market: IcMarket): PositionGreeks {
  const c = ironCondor(ic);
  const vols = legVols(market.vol);
  const strikes = [c.longPut, c.shortPut, c.shortCall, c.longCall];
  const held = [1, -1, -1, 1];
  const size = c.multiplier * c.contracts;
  const total: PositionGreeks = { mark: 0, delta: 0, gamma: 0, vega: 0, theta: 0 };
  for (let i = 0; i < 4; i++) {
    const leg = bsm({
      type: i < 2 ? "put" : "call",
      spot: market.spot,
      strike: strikes[i],
      dte: market.dte,
      vol: vols[i],
      rate: market.rate,
      divYield: market.divYield,
    });
    total.mark -= held[i] * leg.price;
    total.delta += held[i] * leg.delta * size;
    total.gamma += held[i] * leg.gamma * size;
    total.vega += held[i] * leg.vega * size;
    total.theta += held[i] * leg.theta * size;
  }
  return total;
}

/**
 * Risk-neutral lognormal probability that the index ends strictly between the break-evens:
 * N(d2(lower)) − N(d2(upper)), taken from whichever tails keep the two terms small. At expiry
 * (dte = 0) it is 1 or 0; settling exactly on a break-even is not a profit.
 */
export function probabilityOfProfit(input: PopInput): number {
  const spot = requirePositive("spot", input.spot);
  const lower = requirePositive("lower", input.lower);
  const upper = requireFinite("upper", input.upper);
  if (!(upper > lower)) throw new AlvhError("upper", `upper ${upper} must be above lower ${lower}`);
  const t = yearFraction(requireNonNegative("dte", input.dte));
  const vol = requireVol("vol", input.vol);
  const rate = requireRate("rate", input.rate ?? DEFAULTS.rate);
  const divYield = requireRate("divYield", input.divYield ?? DEFAULTS.divYield);
  if (t === 0) return lower < spot && spot < upper ? 1 : 0;
  const s = vol * Math.sqrt(t);
  const drift = (rate - divYield - 0.5 * vol * vol) * t;
  const a = (logMoneyness(spot, lower) + drift) / s;
  const b = (logMoneyness(spot, upper) + drift) / s;
  if (b > 0) return normCdf(-b) - normCdf(-a);
  if (a < 0) return normCdf(a) - normCdf(b);
  return 1 - normCdf(-a) - normCdf(b);
}
