import {
  AlvhError,
  DEFAULTS,
  requireAnnualDays,
  coverageParams,
  scheduleLayerCount,
  describe,
  requirePositive,
  requireVol,
  parseClosures,
  vixForEdr,
  termStructure,
  requireRate,
} from "../core";
import type { ExposureMethod, HedgeInstrumentKind, HedgeSettings, Rounding } from "./model";

/** The document-settings key the hedge settings travel under (one JSON object). */
export const SETTINGS_KEY = "alvh.settings";

/**
 * Defaults from SPEC §3.4–3.5. `vixRise` (10 VIX points to max loss) and `callVol` (0.9) are
 * this add-in's choices where the methodology gives no number: a 10-point VIX spike is about what
 * accompanies the SPX move that takes a typical 30–45-day condor to its wing, and VIX options
 * usually trade at 80–100 % implied volatility.
 */
export const DEFAULT_SETTINGS: HedgeSettings = {
  threshold: DEFAULTS.threshold,
  step: DEFAULTS.step,
  perLayer: DEFAULTS.perLayer,
  cap: DEFAULTS.cap,
  instrument: "future",
  vixRise: 10,
  rounding: "up",
  exposureMethod: "maxLoss",
  callVol: 0.9,
  rate: DEFAULTS.rate,
  annualDays: DEFAULTS.annualDays,
  bias: DEFAULTS.bias,
  kappa: DEFAULTS.kappa,
  longRunVix: DEFAULTS.longRunVix,
  closures: "",
};

const INSTRUMENTS: readonly HedgeInstrumentKind[] = ["future", "call"];
const ROUNDINGS: readonly Rounding[] = ["up", "nearest", "down"];
const METHODS: readonly ExposureMethod[] = ["maxLoss", "vega"];

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  const found = allowed.find((option) => option === value);
  if (found === undefined) {
    throw new AlvhError(
      name,
      `${name} must be one of ${allowed.join(", ")} (got ${describe(value)})`
    );
  }
  return found;
}

/**
 * Settings with every optional field filled in; the call strike (it follows the future) and beta
 * (e^(−κτ) of the hedge month, SPEC §3.7) stay optional: undefined means "follow the model".
 */
export type ResolvedSettings = Required<Omit<HedgeSettings, "callStrike" | "beta">> &
  Pick<HedgeSettings, "callStrike" | "beta">;

const round12 = (x: number): number => Number(x.toPrecision(12));

/**
 * Threshold and step are EDR levels in percent already (0.9 means 0.90 %): a level the EDR never
 * reaches (above 5 %, a VIX of about 79, above any close but 2008's and 2020's peaks; a step above
 * 1 %, 16 VIX points per layer) is a percentage typed as a whole number, and would switch the
 * hedge off. The message names the VIX the entry would mean and the entry that was meant.
 */
function requireEdrSetting(name: "threshold" | "step", value: number, most: number): void {
  if (typeof value !== "number" || !(value > most)) return;
  const vix = Math.round(vixForEdr(value)).toLocaleString("en-US");
  const meant = round12(value / 100);
  const effect =
    name === "threshold"
      ? `would start the hedge only at a VIX of about ${vix}`
      : `would add a layer only every ${vix} VIX points`;
  const example = name === "threshold" ? "0.9 means 0.90 %" : "0.05 means 0.05 %";
  throw new AlvhError(
    name,
    `${name} ${value} ${effect}: the ${name} is an EDR in percent already (${example}), so enter ${meant} for ${meant} %`
  );
}

/** A pure-number setting typed in percent (beta 45 for 0.45, bias 110 for 1.1). */
function requireBelowPercent(name: string, value: number, most: number, example: string): void {
  if (typeof value !== "number" || !(value > most)) return;
  throw new AlvhError(
    name,
    `${name} ${value} looks like a percentage: ${name} is a pure number (${example}), enter ${round12(value / 100)} for ${value} %`
  );
}

/** Checks a complete settings object; missing optional fields take DEFAULT_SETTINGS. */
export function validateSettings(settings: HedgeSettings): ResolvedSettings {
  const s = { ...DEFAULT_SETTINGS, ...stripUndefined(settings) };
  requireEdrSetting("threshold", s.threshold, 5);
  requireEdrSetting("step", s.step, 1);
  // The engine's own rules for the layer grid, the coverage and the schedule's size.
  coverageParams(s);
  scheduleLayerCount(s.perLayer, s.cap);
  if (s.beta !== undefined) {
    requirePositive("beta", s.beta);
    requireBelowPercent("beta", s.beta, 2, "0.4 when the hedge moves 0.4 points per VIX point");
  }
  requirePositive("vixRise", s.vixRise);
  requireVol("callVol", s.callVol as number);
  requireRate("rate", s.rate as number);
  requireAnnualDays(s.annualDays as number);
  requirePositive("bias", s.bias as number);
  requireBelowPercent("bias", s.bias as number, 5, "1 for none, 1.1 for 10 % more");
  const term = termStructure({ kappa: s.kappa, longRunVix: s.longRunVix });
  if (term.kappa > 100) {
    throw new AlvhError(
      "kappa",
      `kappa ${term.kappa} is mean reversion per year: above 100, VIX would revert in under 2.5 days; enter ${DEFAULTS.kappa} (Cboe's VIX 1990–2026) or your own fit`
    );
  }
  if (term.longRunVix > 100) {
    throw new AlvhError(
      "longRunVix",
      `longRunVix ${term.longRunVix} is above any VIX close: enter VIX points, ${DEFAULTS.longRunVix} for the 1990–2026 mean`
    );
  }
  const closures = typeof s.closures === "string" ? s.closures : undefined;
  if (closures === undefined) {
    throw new AlvhError(
      "closures",
      `closures must be text: dates such as 2026-03-02, separated by commas (got ${describe(s.closures)})`
    );
  }
  parseClosures(closures);
  if (s.callStrike !== undefined) requirePositive("callStrike", s.callStrike);
  return {
    threshold: s.threshold,
    ...(s.beta === undefined ? {} : { beta: s.beta }),
    step: s.step,
    perLayer: s.perLayer,
    cap: s.cap,
    instrument: oneOf("instrument", s.instrument, INSTRUMENTS),
    vixRise: s.vixRise,
    rounding: oneOf("rounding", s.rounding, ROUNDINGS),
    exposureMethod: oneOf("exposureMethod", s.exposureMethod, METHODS),
    callVol: s.callVol as number,
    callStrike: s.callStrike,
    rate: s.rate as number,
    annualDays: s.annualDays as number,
    bias: s.bias as number,
    kappa: term.kappa,
    longRunVix: term.longRunVix,
    closures,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The plain object saved in document settings (no undefined fields: Office serialises JSON). */
export function settingsToDocument(settings: HedgeSettings): Record<string, string | number> {
  return stripUndefined(validateSettings(settings)) as Record<string, string | number>;
}

/**
 * Reads settings saved in a workbook. Unknown keys are ignored and each bad or missing field falls
 * back to its default, so a settings object edited by another version never blocks the pane;
 * `problems` says which fields were replaced.
 */
export function settingsFromDocument(raw: unknown): {
  settings: HedgeSettings;
  problems: string[];
} {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: { ...DEFAULT_SETTINGS }, problems };
  if (typeof raw !== "object") {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [`saved settings are not an object (${describe(raw)})`],
    };
  }
  const saved = raw as Record<string, unknown>;
  const keys = (
    Object.keys(DEFAULT_SETTINGS).concat("callStrike", "beta") as (keyof HedgeSettings)[]
  ).filter((key) => key in saved);
  // Whole first: rules that tie fields together (perLayer with cap) must see the saved pair,
  // not one saved field beside a default.
  const whole = {
    ...DEFAULT_SETTINGS,
    ...Object.fromEntries(keys.map((key) => [key, saved[key]])),
  } as HedgeSettings;
  try {
    validateSettings(whole);
    return { settings: whole, problems };
  } catch {
    // Some field is bad: keep every field that is good on its own, one at a time.
  }
  let settings: HedgeSettings = { ...DEFAULT_SETTINGS };
  for (const key of keys) {
    const candidate = { ...settings, [key]: saved[key] } as HedgeSettings;
    try {
      validateSettings(candidate);
      settings = candidate;
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { settings, problems };
}
