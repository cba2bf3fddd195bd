import { logMoneyness, requireRate, yearFraction } from "./black76";
import { spotGreeksInto, type SpotOptionInput, type SpotOptionResult } from "./bsm";
import { DEFAULTS } from "./defaults";
import { AlvhError } from "./errors";
import { normCdf } from "./normal";
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
  requireVol,
} from "./validate";

/** The iron condor of SPEC §3.2: long put K1 < short put K2 ≤ short call K3 < long call K4, credit C. */

/** The four strikes and the size: all that the mark and the Greeks depend on. */
export interface CondorLegsInput {
  longPut: number;
  shortPut: number;
  shortCall: number;
  longCall: number;
  contracts?: number;
  multiplier?: number;
}

export interface IronCondorInput extends CondorLegsInput {
  credit: number;
}

export interface CondorLegs extends Readonly<Required<CondorLegsInput>> {}

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
  /** Lower break-even; null when that side has none (a broken put wing): unbounded below. */
  lower: number | null;
  /** Upper break-even; null when that side has none (a broken call wing): unbounded above. */
  upper: number | null;
  dte: number;
  vol: number;
  rate?: number;
  divYield?: number;
}

const LEGS = ["longPut", "shortPut", "shortCall", "longCall"] as const;

/** Validated strikes and size: K1 < K2 ≤ K3 < K4, contracts and multiplier above 0. */
export function condorLegs(input: CondorLegsInput): CondorLegs {
  const longPut = requirePositive("longPut", input.longPut);
  const shortPut = requirePositive("shortPut", input.shortPut);
  const shortCall = requirePositive("shortCall", input.shortCall);
  const longCall = requirePositive("longCall", input.longCall);
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
  // Every dollar figure of the position is at most longCall × multiplier × contracts.
  requireFiniteResult(
    longCall * multiplier * contracts,
    "the position's size",
    "contracts",
    "the strikes, contracts and multiplier"
  );
  // Readonly by type, not frozen: Object.freeze costs V8 a slow object shape on a hot path.
  return { longPut, shortPut, shortCall, longCall, contracts, multiplier };
}

/** Validated construction; every other function here re-validates, so a hand-built object is safe. */
export function ironCondor(input: IronCondorInput): IronCondor {
  const legs = condorLegs(input);
  const credit = requirePositive("credit", input.credit);
  const wing = Math.max(legs.shortPut - legs.longPut, legs.longCall - legs.shortCall);
  if (credit >= wing) {
    throw new AlvhError(
      "credit",
      `credit ${credit} is at or above the wider wing ${wing}: no risk is left, check the credit`
    );
  }
  return { ...legs, credit };
}

export function breakEvens(ic: IronCondor): { lower: number; upper: number } {
  const { shortPut, shortCall, credit } = ironCondor(ic);
  return breakEvensOf(shortPut, shortCall, credit);
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
  const upper = requireFiniteResult(
    shortCall + credit,
    "the upper break-even",
    "credit",
    "shortCall and credit"
  );
  return { lower: shortPut - credit, upper };
}

/** The break-evens of SPEC §3.2; null on a side whose wing the credit covers (it never loses). */
export interface BreakEvenSides {
  lower: number | null;
  upper: number | null;
}

export interface BreakEvenInput {
  shortPut: number;
  shortCall: number;
  credit: number;
  /** Omitted: the put wing is taken as wider than the credit (the side has a break-even). */
  longPut?: number;
  /** Omitted: the call wing is taken as wider than the credit. */
  longCall?: number;
}

export const NO_LOWER_BREAK_EVEN = "no lower break-even: the credit covers the put wing";
export const NO_UPPER_BREAK_EVEN = "no upper break-even: the credit covers the call wing";

/**
 * SPEC §3.2 break-evens with the wings known: lower = K2 − C, upper = K3 + C, except on a side
 * whose wing is not wider than the credit (K2 − K1 ≤ C or K4 − K3 ≤ C), which never loses and
 * so has none. A credit at least as wide as the wider wing leaves no risk: refused as a typo.
 */
export function breakEvenSides(input: BreakEvenInput): BreakEvenSides {
  const { shortPut, shortCall, credit } = input;
  const { lower, upper } = breakEvensOf(shortPut, shortCall, credit);
  const putWing = input.longPut === undefined ? undefined : wingBelow(input.longPut, shortPut);
  const callWing = input.longCall === undefined ? undefined : wingAbove(input.longCall, shortCall);
  if (putWing !== undefined && callWing !== undefined && credit >= Math.max(putWing, callWing)) {
    const wing = Math.max(putWing, callWing);
    throw new AlvhError(
      "credit",
      `credit ${credit} is at or above the wider wing ${wing}: no risk is left, check the credit`
    );
  }
  return {
    lower: putWing !== undefined && putWing <= credit ? null : lower,
    upper: callWing !== undefined && callWing <= credit ? null : upper,
  };
}

/** The condor's break-evens, a broken-wing side as null (SPEC §3.2). */
export function condorBreakEvens(ic: IronCondor): BreakEvenSides {
  return breakEvenSides(ironCondor(ic));
}

function wingBelow(longPut: number, shortPut: number): number {
  requirePositive("longPut", longPut);
  if (!(shortPut > longPut)) {
    throw new AlvhError("longPut", `longPut ${longPut} must be below shortPut ${shortPut}`);
  }
  return shortPut - longPut;
}

function wingAbove(longCall: number, shortCall: number): number {
  requireFinite("longCall", longCall);
  if (!(longCall > shortCall)) {
    throw new AlvhError("longCall", `longCall ${longCall} must be above shortCall ${shortCall}`);
  }
  return longCall - shortCall;
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

/** One vol, or four in leg order (longPut, shortPut, shortCall, longCall), as four checked vols. */
export function condorLegVols(vol: number | readonly number[]): readonly number[] {
  if (typeof vol === "number") {
    requireVol("vol", vol);
    return [vol, vol, vol, vol];
  }
  if (!Array.isArray(vol) || (vol.length !== 1 && vol.length !== 4)) {
    const count = Array.isArray(vol) ? vol.length : 0;
    throw new AlvhError(
      "vol",
      `vol must be one number or four, one per leg in the order longPut, shortPut, shortCall, longCall (got ${count})`
    );
  }
  if (vol.length === 1) return condorLegVols(vol[0]);
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
export function icGreeks(ic: CondorLegsInput, market: IcMarket): PositionGreeks {
  const c = condorLegs(ic);
  const vols = condorLegVols(market.vol);
  const leg: SpotOptionInput = {
    type: "put",
    spot: requirePositive("spot", market.spot),
    strike: c.longPut,
    dte: requireNonNegative("dte", market.dte),
    vol: vols[0],
    rate: requireRate("rate", market.rate ?? DEFAULTS.rate),
    divYield: requireRate("divYield", market.divYield ?? DEFAULTS.divYield),
  };
  const t = yearFraction(leg.dte);
  const strikes = [c.longPut, c.shortPut, c.shortCall, c.longCall];
  const size = c.multiplier * c.contracts;
  const greeks: SpotOptionResult = { price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0 };
  const total: PositionGreeks = { mark: 0, delta: 0, gamma: 0, vega: 0, theta: 0 };
  for (let i = 0; i < 4; i++) {
    // Long wings (i = 0, 3) are held +1, short legs −1; the mark is the debit to close.
    const held = i === 0 || i === 3 ? 1 : -1;
    leg.strike = strikes[i];
    leg.vol = vols[i];
    spotGreeksInto(greeks, i >= 2, leg, t, leg.rate as number, leg.divYield as number, false);
    total.mark -= held * greeks.price;
    total.delta += held * greeks.delta * size;
    total.gamma += held * greeks.gamma * size;
    total.vega += held * greeks.vega * size;
    total.theta += held * greeks.theta * size;
  }
  for (const key of ["delta", "gamma", "vega", "theta"] as const) {
    requireFiniteResult(
      total[key],
      `the position's ${key}`,
      "spot",
      "spot, dte, vol, contracts and multiplier"
    );
  }
  return total;
}

/**
 * Risk-neutral lognormal probability that the index ends strictly between the break-evens:
 * N(d2(lower)) − N(d2(upper)), taken from whichever tails keep the two terms small. A side
 * without a break-even (null, SPEC §3.2) is unbounded: its term is 1 or 0. At expiry (dte = 0)
 * it is 1 or 0; settling exactly on a break-even is not a profit.
 */
export function probabilityOfProfit(input: PopInput): number {
  const spot = requirePositive("spot", input.spot);
  const lower = input.lower === null ? null : requirePositive("lower", input.lower);
  const upper = input.upper === null ? null : requireFinite("upper", input.upper);
  if (lower !== null && upper !== null && !(upper > lower)) {
    throw new AlvhError("upper", `upper ${upper} must be above lower ${lower}`);
  }
  if (lower === null && upper === null) {
    throw new AlvhError(
      "upper",
      "lower and upper are both missing: a condor with no break-even has no risk, check the credit"
    );
  }
  const t = yearFraction(requireNonNegative("dte", input.dte));
  const vol = requireVol("vol", input.vol);
  const rate = requireRate("rate", input.rate ?? DEFAULTS.rate);
  const divYield = requireRate("divYield", input.divYield ?? DEFAULTS.divYield);
  if (t === 0) return (lower === null || lower < spot) && (upper === null || spot < upper) ? 1 : 0;
  const s = vol * Math.sqrt(t);
  const drift = (rate - divYield - 0.5 * vol * vol) * t;
  // a = d2(lower), b = d2(upper); an unbounded side is d2 = +∞ below, −∞ above.
  const a = lower === null ? Infinity : (logMoneyness(spot, lower) + drift) / s;
  const b = upper === null ? -Infinity : (logMoneyness(spot, upper) + drift) / s;
  if (b > 0) return normCdf(-b) - normCdf(-a);
  if (a < 0) return normCdf(a) - normCdf(b);
  return 1 - normCdf(-a) - normCdf(b);
}
