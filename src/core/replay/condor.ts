import quantile from "@stdlib/stats-base-dists-normal-quantile";
import { bsmPrice, spotOptionPrice } from "../bsm";

/**
 * SPEC §6's condor: strikes from deltas at one vol σ = VIX/100 with r = q = 0, rounded to
 * multiples of 5, and its model mark (debit to close, per share).
 */

export interface CondorStrikes {
  longPut: number;
  shortPut: number;
  shortCall: number;
  longCall: number;
}

const STRIKE_GRID = 5;

/** The strike of a put of delta −d (side "put") or a call of delta d (side "call"), unrounded. */
export function strikeForDelta(
  side: "put" | "call",
  delta: number,
  spot: number,
  vol: number,
  years: number
): number {
  const d1 = quantile(side === "put" ? 1 - delta : delta, 0, 1);
  return spot * Math.exp((vol * vol * years) / 2 - vol * Math.sqrt(years) * d1);
}

/** To the nearest multiple of 5; a tie goes down for puts and up for calls (further out). */
export function roundStrike(strike: number, side: "put" | "call"): number {
  const units = strike / STRIKE_GRID;
  const below = Math.floor(units);
  const fraction = units - below;
  const up = fraction > 0.5 || (fraction === 0.5 && side === "call");
  return (up ? below + 1 : below) * STRIKE_GRID;
}

/**
 * Short legs at shortDelta, wings at wingDelta, each rounded; then, in SPEC's order, the long put
 * at least 5 below the short put, the short call at least 5 above the short put, the long call at
 * least 5 above the short call.
 */
export function condorStrikes(
  spot: number,
  vol: number,
  years: number,
  shortDelta: number,
  wingDelta: number
): CondorStrikes {
  const at = (side: "put" | "call", delta: number): number =>
    roundStrike(strikeForDelta(side, delta, spot, vol, years), side);
  const shortPut = at("put", shortDelta);
  const longPut = Math.min(at("put", wingDelta), shortPut - STRIKE_GRID);
  const shortCall = Math.max(at("call", shortDelta), shortPut + STRIKE_GRID);
  const longCall = Math.max(at("call", wingDelta), shortCall + STRIKE_GRID);
  return { longPut, shortPut, shortCall, longCall };
}

/** P(K2) − P(K1) + C(K3) − C(K4) at one vol, dte in calendar days (0: the payoff at expiry). */
export function condorMark(k: CondorStrikes, spot: number, vol: number, dte: number): number {
  if (dte === 0) return condorPayoff(k, spot);
  const price = (type: "call" | "put", strike: number): number =>
    bsmPrice({ type, spot, strike, dte, vol });
  return (
    price("put", k.shortPut) -
    price("put", k.longPut) +
    price("call", k.shortCall) -
    price("call", k.longCall)
  );
}

/**
 * {@link condorMark} before expiry of inputs already validated (strikes, spot and vol as bsmPrice
 * checks them), t in years above 0: the replay's mark of every row of a cycle.
 */
export function condorValue(k: CondorStrikes, spot: number, vol: number, t: number): number {
  return (
    spotOptionPrice(false, spot, k.shortPut, t, vol, 0, 0) -
    spotOptionPrice(false, spot, k.longPut, t, vol, 0, 0) +
    spotOptionPrice(true, spot, k.shortCall, t, vol, 0, 0) -
    spotOptionPrice(true, spot, k.longCall, t, vol, 0, 0)
  );
}

/** What the condor costs to close at expiry with SPX at `spot`, per share (0 between the shorts). */
export function condorPayoff(k: CondorStrikes, spot: number): number {
  return (
    Math.max(k.shortPut - spot, 0) -
    Math.max(k.longPut - spot, 0) +
    Math.max(spot - k.shortCall, 0) -
    Math.max(spot - k.longCall, 0)
  );
}

export function widerWing(k: CondorStrikes): number {
  return Math.max(k.shortPut - k.longPut, k.longCall - k.shortCall);
}
