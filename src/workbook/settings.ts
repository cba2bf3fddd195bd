import {
  AlvhError,
  DEFAULTS,
  requireAnnualDays,
  coverageParams,
  scheduleLayerCount,
  describe,
  requirePositive,
  requireVol,
} from "../core";
import { requireRate } from "../core/black76";
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
  beta: DEFAULTS.beta,
  vixRise: 10,
  rounding: "up",
  exposureMethod: "maxLoss",
  callVol: 0.9,
  rate: DEFAULTS.rate,
  annualDays: DEFAULTS.annualDays,
  bias: DEFAULTS.bias,
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

/** Settings with every optional field filled in (the call strike stays optional: it follows the future). */
export type ResolvedSettings = Required<Omit<HedgeSettings, "callStrike">> &
  Pick<HedgeSettings, "callStrike">;

/** Checks a complete settings object; missing optional fields take DEFAULT_SETTINGS. */
export function validateSettings(settings: HedgeSettings): ResolvedSettings {
  const s = { ...DEFAULT_SETTINGS, ...stripUndefined(settings) };
  // The engine's own rules for the layer grid, the coverage and the schedule's size.
  coverageParams(s);
  scheduleLayerCount(s.perLayer, s.cap);
  requirePositive("beta", s.beta);
  requirePositive("vixRise", s.vixRise);
  requireVol("callVol", s.callVol as number);
  requireRate("rate", s.rate as number);
  requireAnnualDays(s.annualDays as number);
  requirePositive("bias", s.bias as number);
  if (s.callStrike !== undefined) requirePositive("callStrike", s.callStrike);
  return {
    threshold: s.threshold,
    step: s.step,
    perLayer: s.perLayer,
    cap: s.cap,
    instrument: oneOf("instrument", s.instrument, INSTRUMENTS),
    beta: s.beta,
    vixRise: s.vixRise,
    rounding: oneOf("rounding", s.rounding, ROUNDINGS),
    exposureMethod: oneOf("exposureMethod", s.exposureMethod, METHODS),
    callVol: s.callVol as number,
    callStrike: s.callStrike,
    rate: s.rate as number,
    annualDays: s.annualDays as number,
    bias: s.bias as number,
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
    Object.keys(DEFAULT_SETTINGS).concat("callStrike") as (keyof HedgeSettings)[]
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

/** Where the hedge settings live: document settings in Excel, localStorage in standalone mode. */
export interface SettingsStore {
  load(): Promise<{ settings: HedgeSettings; problems: string[] }>;
  save(settings: HedgeSettings): Promise<void>;
}
