import { ceilOnDecimals, cleanDecimal, floorOnDecimals, snapToWhole } from "./decimal";
import { DEFAULTS } from "./defaults";
import { vixForEdr } from "./edr";
import { AlvhError } from "./errors";
import { coverageParams, layerTrigger, scheduleLayerCount } from "./layers";
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from "./validate";

/** SPEC §3.5: exposure to a VIX rise, hedge contracts per coverage, and the full layer schedule. */

export interface HedgeInstrument {
  /** The instrument's beta to spot VIX (futures move less than spot: below 1). */
  beta: number;
  /** Its delta to its underlying: 1 for a future, the Black-76 delta for a VIX call. */
  hedgeDelta: number;
  multiplier: number;
}

export type Rounding = "up" | "nearest" | "down";

export interface ScheduleParams extends HedgeInstrument {
  perLayer: number;
  cap: number;
  threshold: number;
  step: number;
  annualDays: number;
  bias: number;
  /** How exact counts become whole ones, never above the cap (SPEC §3.5). Default: "up". */
  rounding: Rounding;
}

export interface ScheduleRow {
  layer: number;
  edrTrigger: number;
  vixTrigger: number;
  cumulativeCoverage: number;
  addedCoverage: number;
  exactContracts: number;
  /** Whole contracts to hold: rounded in the chosen mode, never above the cap (SPEC §3.5). */
  wholeContracts: number;
  /** The coverage those whole contracts actually give, as a fraction of the exposure. */
  heldCoverage: number;
  /** Why the layer holds 0 contracts when the cap allows no whole one; absent otherwise. */
  zeroReason?: string;
}

/** Vega method: a 1-point VIX rise taken as a 1-point rise in the IC's vol; a short IC loses −vega. */
export function exposureFromVega(positionVega: number): number {
  return -requireFinite("vega", positionVega);
}

/** Max-loss method: the IC reaches max loss after a VIX rise of `vixRise` points. */
export function exposureFromMaxLoss(maxLoss: number, vixRise: number): number {
  requireNonNegative("maxLoss", maxLoss);
  requirePositive("vixRise", vixRise);
  return requireFiniteResult(maxLoss / vixRise, "the exposure", "vixRise", "maxLoss and vixRise");
}

/** contracts = coverage · |exposure| / (β · Δh · mh), exact (not rounded). */
export function hedgeContracts(
  exposure: number,
  coverageFraction: number,
  instrument: Partial<HedgeInstrument> = {}
): number {
  requireFinite("exposure", exposure);
  requireNonNegative("coverage", coverageFraction);
  if (coverageFraction > 1) {
    throw new AlvhError(
      "coverage",
      `coverage ${coverageFraction} is above 1: enter a fraction, 0.5 for 50 %`
    );
  }
  const { beta, hedgeDelta, multiplier } = hedgeInstrument(instrument);
  const contracts = (coverageFraction * Math.abs(exposure)) / (beta * hedgeDelta * multiplier);
  return requireFiniteResult(
    contracts,
    "the contract count",
    "exposure",
    "exposure, beta, hedgeDelta and multiplier"
  );
}

/** Whole contracts to hold; an exact count within 1e-9 of a whole number is that number. */
export function wholeContracts(exact: number, rounding: Rounding = "up"): number {
  requireNonNegative("contracts", exact);
  if (rounding === "up") return ceilOnDecimals(exact);
  if (rounding === "down") return floorOnDecimals(exact);
  if (rounding === "nearest") return Math.round(snapToWhole(exact));
  throw new AlvhError(
    "rounding",
    `rounding must be "up", "nearest" or "down" (got ${JSON.stringify(rounding)})`
  );
}

/**
 * SPEC §3.5: whole contracts never break the cap. The whole count is the exact count rounded in
 * the chosen mode, but at most ⌊capExact⌋ (decided on decimals), where capExact is the exact count
 * the cap itself would need; an exact count of 0 is 0.
 */
export function wholeContractsWithinCap(
  exact: number,
  capExact: number,
  rounding: Rounding = "up"
): number {
  requireNonNegative("capContracts", capExact);
  if (exact === 0) return 0;
  return Math.min(wholeContracts(exact, rounding), floorOnDecimals(capExact));
}

/** The coverage whole contracts actually give: whole · β · Δh · mh / |exposure| (0 with no exposure). */
export function heldCoverage(
  whole: number,
  exposure: number,
  instrument: Partial<HedgeInstrument> = {}
): number {
  requireNonNegative("contracts", whole);
  requireFinite("exposure", exposure);
  if (exposure === 0) return 0;
  const { beta, hedgeDelta, multiplier } = hedgeInstrument(instrument);
  return requireFiniteResult(
    (whole * beta * hedgeDelta * multiplier) / Math.abs(exposure),
    "the coverage held",
    "exposure",
    "exposure, beta, hedgeDelta and multiplier"
  );
}

/**
 * One row per layer of the full schedule (⌈cap/c⌉ layers): whole contracts rounded in the chosen
 * mode (up by default) but never above the cap, and the coverage they actually hold.
 */
export function schedule(exposure: number, params: Partial<ScheduleParams> = {}): ScheduleRow[] {
  requireFinite("exposure", exposure);
  const { perLayer, cap, threshold, step } = coverageParams(params);
  const instrument = hedgeInstrument(params);
  const annualDays = params.annualDays ?? DEFAULTS.annualDays;
  const bias = params.bias ?? DEFAULTS.bias;
  const rounding = params.rounding ?? "up";
  const capExact = hedgeContracts(exposure, cap, instrument);
  const rows: ScheduleRow[] = [];
  const layers = scheduleLayerCount(perLayer, cap);
  let previous = 0;
  for (let layer = 1; layer <= layers; layer++) {
    const edrTrigger = layerTrigger(layer, { threshold, step });
    const cumulativeCoverage = Math.min(cleanDecimal(layer * perLayer), cap);
    const exactContracts = hedgeContracts(exposure, cumulativeCoverage, instrument);
    const whole = wholeContractsWithinCap(exactContracts, capExact, rounding);
    const capHoldsNone = whole === 0 && wholeContracts(exactContracts, rounding) > 0;
    rows.push({
      layer,
      edrTrigger,
      vixTrigger: vixForEdr(edrTrigger, annualDays, bias),
      cumulativeCoverage,
      addedCoverage: cleanDecimal(cumulativeCoverage - previous),
      exactContracts,
      wholeContracts: whole,
      heldCoverage: heldCoverage(whole, exposure, instrument),
      ...(capHoldsNone ? { zeroReason: capAllowsNoContract(exposure, cap, instrument) } : {}),
    });
    previous = cumulativeCoverage;
  }
  return rows;
}

/**
 * Why a layer holds 0 although its exact count is above 0: a single contract would hedge more of
 * the exposure than the cap allows ("one contract would hedge 114 % of the exposure, above the
 * 60 % cap").
 */
export function capAllowsNoContract(
  exposure: number,
  cap: number,
  instrument: Partial<HedgeInstrument> = {}
): string {
  const one = heldCoverage(1, exposure, instrument);
  const capText = percentText(cap, 0);
  let decimals = 0;
  while (decimals < 4 && percentText(one, decimals) === capText) decimals++;
  return `one contract would hedge ${percentText(one, decimals)} of the exposure, above the ${capText} cap`;
}

function percentText(fraction: number, decimals: number): string {
  return `${Number((fraction * 100).toFixed(decimals)).toString()} %`;
}

/**
 * SPEC §3.5 direction: the exposure the vega method hedges is −(position vega). A book whose vega
 * is positive gains when VIX rises: it gets no hedge, and this says so in a trader's words.
 * Undefined when the book loses on a VIX rise (the hedge applies).
 */
export function noHedgeReason(exposure: number): string | undefined {
  requireFinite("exposure", exposure);
  if (exposure >= 0) return undefined;
  const gain = Math.round(-exposure).toLocaleString("en-US");
  return `no hedge: the book gains about $${gain} per VIX point (its vega is positive), so a VIX rise helps it and buying VIX would add risk`;
}

/** The exposure a hedge is sized on: the book's exposure, or 0 when a VIX rise helps the book. */
export function hedgedExposure(exposure: number): number {
  return Math.max(requireFinite("exposure", exposure), 0);
}

function hedgeInstrument(instrument: Partial<HedgeInstrument>): HedgeInstrument {
  const beta = requirePositive("beta", instrument.beta ?? DEFAULTS.beta);
  const hedgeDelta = requirePositive("hedgeDelta", instrument.hedgeDelta ?? DEFAULTS.hedgeDelta);
  if (hedgeDelta > 1) {
    throw new AlvhError(
      "hedgeDelta",
      `hedgeDelta must be at most 1: 1 for a future, the call's delta for a VIX call (got ${hedgeDelta})`,
      "num"
    );
  }
  const multiplier = requirePositive(
    "multiplier",
    instrument.multiplier ?? DEFAULTS.vixFuturesMultiplier
  );
  return { beta, hedgeDelta, multiplier };
}
