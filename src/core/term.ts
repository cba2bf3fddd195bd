import { DEFAULTS } from "./defaults";
import { AlvhError } from "./errors";
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
  const longRunVix = requirePositive("longRunVix", params.longRunVix ?? DEFAULTS.longRunVix);
  if (longRunVix < 1) {
    throw new AlvhError(
      "longRunVix",
      `longRunVix ${longRunVix} looks like a decimal: enter VIX points, ${longRunVix * 100} for ${longRunVix}`
    );
  }
  return { kappa, longRunVix };
}

/** β(τ) = e^(−κτ): points a future τ years out moves per point of spot VIX. */
export function vixFutureBeta(tauYears: number, params: Partial<TermStructure> = {}): number {
  requireNonNegative("days", tauYears);
  return Math.exp(-termStructure(params).kappa * tauYears);
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
    longRunVix + (vix - longRunVix) * vixFutureBeta(tauYears, params),
    "the estimated future",
    "vix",
    "vix, days and kappa"
  );
}
