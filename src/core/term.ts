import { DEFAULTS } from "./defaults";
import { requireVixPoints } from "./edr";
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from "./validate";

/**
 * SPEC §3.7: the VIX futures term structure as a mean-reverting estimate,
 * F(τ) = θV + (VIX − θV)·e^(−κτ), and its sensitivity to spot VIX, β(τ) = e^(−κτ).
 * The defaults are statistical (spot) figures: quoted futures carry a risk premium this omits.
 */

export interface TermStructure {
  /** Mean reversion speed per year. */
  kappa: number;
  /** The level VIX reverts to, in VIX points. */
  longRunVix: number;
}

export function termStructure(params: Partial<TermStructure> = {}): TermStructure {
  const kappa = requireNonNegative("kappa", params.kappa ?? DEFAULTS.kappa);
  const longRunVix = requireVixPoints(
    "longRunVix",
    params.longRunVix ?? DEFAULTS.longRunVix,
    "VIX points"
  );
  return { kappa, longRunVix };
}

/** β(τ) = e^(−κτ): points a future τ years out moves per point of spot VIX. */
export function vixFutureBeta(tauYears: number, params: Partial<TermStructure> = {}): number {
  requireNonNegative("days", tauYears);
  return futureBetaOf(termStructure(params).kappa, tauYears);
}

/**
 * β and F of already validated inputs, from plain numbers: the replay's loop over every history
 * row, which validates the term structure once and τ ≥ 0 by construction.
 */
export function futureBetaOf(kappa: number, tauYears: number): number {
  return Math.exp(-kappa * tauYears);
}

export function futureOf(vix: number, beta: number, longRunVix: number): number {
  return longRunVix + (vix - longRunVix) * beta;
}

/** F(τ) = θV + (VIX − θV)·e^(−κτ), in VIX points. */
export function vixFuture(
  vix: number,
  tauYears: number,
  params: Partial<TermStructure> = {}
): number {
  requireFinite("vix", vix);
  const { longRunVix } = termStructure(params);
  return requireFiniteResult(
    futureOf(vix, vixFutureBeta(tauYears, params), longRunVix),
    "the estimated future",
    "vix",
    "vix, days and kappa"
  );
}

/** The hedge month's future as SPEC §3.7 prices it: quoted when entered, else estimated. */
export interface HedgeMonthFuture {
  /** In VIX points. */
  future: number;
  /** True when no quoted future was entered: the sheet marks it "estimate", its cost a lower bound. */
  estimated: boolean;
  /** The hedge's beta to spot VIX: the trader's when set, else e^(−κτ). */
  beta: number;
  /** Cost per unit of holding the hedge if VIX stays where it is, F − VIX (negative: a gain). */
  carry: number;
}

export function hedgeMonthFuture(
  vix: number,
  tauYears: number,
  options: Partial<TermStructure> & { quoted?: number; beta?: number } = {}
): HedgeMonthFuture {
  const term = termStructure(options);
  const estimate = vixFuture(vix, tauYears, term);
  const future =
    options.quoted === undefined ? estimate : requirePositive("vixFuture", options.quoted);
  const beta =
    options.beta === undefined
      ? vixFutureBeta(tauYears, term)
      : requirePositive("beta", options.beta);
  return { future, estimated: options.quoted === undefined, beta, carry: future - vix };
}

/**
 * The carry in words, per contract: "contango: costs $1,234 per contract if VIX stays at 18",
 * "backwardation: gains $…", so a negative cost is never read as a discount.
 */
export function carryText(carry: number, multiplier: number, vix: number): string {
  requireFinite("carry", carry);
  requirePositive("multiplier", multiplier);
  const dollars = Math.round(Math.abs(carry) * multiplier).toLocaleString("en-US");
  if (dollars === "0") return `no carry: the future is at the VIX (${vix})`;
  return carry > 0
    ? `contango: costs $${dollars} per contract if VIX stays at ${vix}`
    : `backwardation: gains $${dollars} per contract if VIX stays at ${vix}`;
}
