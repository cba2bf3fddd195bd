/**
 * Turns what the trader typed into the engine's inputs, or into messages beside the fields.
 * Every rule about a valid position, market or setting is the engine's (validatePosition,
 * validateSettings, requireVix); this module only parses text and adds the one rule that
 * belongs to a form, not to a workbook: a new position cannot expire in the past (one already in
 * the book may have expired, and can still be corrected and written).
 */
import {
  isoFromSerial,
  serialFromIso,
  AlvhError,
  isAlvhError,
  requireVix,
  describe,
  requirePositive,
} from "../core";
import type { HedgeSettings, MarketInputs, Position } from "../workbook/model";
import { validatePosition } from "../workbook/position";
import { DEFAULT_SETTINGS, validateSettings, type ResolvedSettings } from "../workbook/settings";
import { FIELDS, fieldFor, type FormValues } from "./fields";
import { labelledMessage } from "./messages";
import type { NumberSeparators } from "../hosts/host";
import { EN_US, parseLocaleNumber } from "./number-locale";

export interface FormContext {
  /** Today as an Excel serial (whole days). */
  today: number;
  /** Settings the form does not show (exposure method, call vol, ...) come from here. */
  baseSettings: HedgeSettings;
  /** Kept from the position loaded into the form, so an update does not lose them. */
  entryDate: number | null;
  notes: string;
  /** Whether the book already holds a position of this label (any case). */
  isSaved?: (label: string) => boolean;
  /** The separators numbers are typed with (en-US when not given). */
  locale?: NumberSeparators;
}

export interface FormReading {
  /** Field id → the engine's message for it. */
  errors: Map<string, string>;
  /** Messages about inputs the form has no field for. */
  general: string[];
  /** Every number that parsed, by field id, for partial summaries while the trader types. */
  numbers: Map<string, number>;
  position?: Position;
  market?: MarketInputs;
  settings?: HedgeSettings;
  /** The settings as the engine validated them (defaults filled in), set with `settings`. */
  resolved?: ResolvedSettings;
}

/**
 * A number as typed in the locale (en-US unless given): "5700.25", "5,700.25", "1e3"; with
 * `percent`, "16%" or "16 %" is 0.16. Anything else is the field's error (./number-locale.ts).
 */
export function parseNumber(
  argument: string,
  raw: string,
  percent = false,
  locale: NumberSeparators = EN_US
): number {
  return parseLocaleNumber(argument, raw, locale, percent);
}

/** "2025-03-21" (what a date input gives) as an Excel serial. */
export function parseIsoDate(argument: string, raw: string): number {
  const serial = serialFromIso(raw);
  if (serial !== undefined) return serial;
  throw new AlvhError(
    argument,
    `${argument} must be a date such as 2025-03-21 (got ${describe(raw.trim())})`
  );
}

function requireNotPast(serial: number, today: number): number {
  if (serial < today) {
    throw new AlvhError(
      "expiry",
      `expiry ${isoFromSerial(serial)} is in the past: enter today (${isoFromSerial(today)}) or a later date`
    );
  }
  return serial;
}

/**
 * Records an engine error beside its field, or in `general` when the form has no such field, in
 * the form's words (labels, numbers as typed).
 */
function report(reading: FormReading, values: FormValues, error: unknown): void {
  if (!isAlvhError(error)) throw error;
  const field = fieldFor(error.argument);
  const typed = (id: string) => {
    const value = reading.numbers.get(id);
    return value === undefined ? undefined : { text: (values[id] ?? "").trim(), value };
  };
  const message = labelledMessage(error.argument, error.message, typed);
  if (!field) reading.general.push(message);
  else if (!reading.errors.has(field.id)) reading.errors.set(field.id, message);
}

export function readForm(values: FormValues, context: FormContext): FormReading {
  const reading: FormReading = { errors: new Map(), general: [], numbers: new Map() };
  const attempt = <T>(compute: () => T): T | undefined => {
    try {
      return compute();
    } catch (error) {
      report(reading, values, error);
      return undefined;
    }
  };
  const saved = context.isSaved?.(values.label ?? "") ?? false;
  for (const field of FIELDS) {
    const raw = values[field.id] ?? "";
    if (field.optional && raw.trim() === "") continue;
    if (field.kind === "number") {
      const value = attempt(() => parseNumber(field.id, raw, field.percent, context.locale));
      if (value !== undefined) reading.numbers.set(field.id, value);
    } else if (field.kind === "date") {
      const value = attempt(() => {
        const serial = parseIsoDate(field.id, raw);
        return saved ? serial : requireNotPast(serial, context.today);
      });
      if (value !== undefined) reading.numbers.set(field.id, value);
    }
  }
  const n = (id: string): number => reading.numbers.get(id) as number;
  const has = (ids: readonly string[]): boolean => ids.every((id) => reading.numbers.has(id));

  // The label's own rules speak even while other fields are still incomplete.
  attempt(() => validatePosition({ ...probePosition, label: values.label ?? "" }));
  const positionIds = FIELDS.filter((f) => f.group === "position" && f.kind !== "text").map(
    (f) => f.id
  );
  if (has(positionIds)) {
    reading.position = attempt(() =>
      validatePosition({
        label: values.label ?? "",
        expiry: n("expiry"),
        longPut: n("longPut"),
        shortPut: n("shortPut"),
        shortCall: n("shortCall"),
        longCall: n("longCall"),
        credit: n("credit"),
        contracts: n("contracts"),
        entryDate: context.entryDate,
        impliedVol: n("impliedVol"),
        notes: context.notes,
      })
    );
  }

  const futureTyped = (values.vixFuture ?? "").trim() !== "";
  if (has(["spot", "vix"]) && (!futureTyped || has(["vixFuture"]))) {
    reading.market = attempt(() => ({
      spot: requirePositive("spot", n("spot")),
      vix: requireVix(n("vix")),
      ...(futureTyped ? { vixFuture: requirePositive("vixFuture", n("vixFuture")) } : {}),
    }));
  }

  // What the trader already holds is the form's own figure (the action line's), not the engine's.
  const held = reading.numbers.get("held");
  if (held !== undefined && !(Number.isInteger(held) && held >= 0)) {
    reading.numbers.delete("held");
    reading.errors.set(
      "held",
      `Held must be a whole number of contracts, 0 or more (got ${values.held?.trim()})`
    );
  }

  const settingIds = FIELDS.filter(
    (f) => f.group === "settings" && f.kind === "number" && !f.optional
  ).map((f) => f.id);
  const betaTyped = (values.beta ?? "").trim() !== "";
  if (has(settingIds) && (!betaTyped || has(["beta"]))) {
    // An empty beta follows the model (e^(−κτ), SPEC §3.7): it is left out, not defaulted to 1.
    const { beta: _unset, ...base } = context.baseSettings;
    void _unset;
    const settings: HedgeSettings = {
      ...base,
      threshold: n("threshold"),
      step: n("step"),
      perLayer: n("perLayer"),
      cap: n("cap"),
      ...(betaTyped ? { beta: n("beta") } : {}),
      vixRise: n("vixRise"),
      kappa: n("kappa"),
      longRunVix: n("longRunVix"),
      closures: values.closures ?? "",
      instrument: values.instrument as HedgeSettings["instrument"],
      rounding: values.rounding as HedgeSettings["rounding"],
    };
    const resolved = attempt(() => validateSettings(settings));
    if (resolved) {
      reading.settings = settings;
      reading.resolved = resolved;
    }
  }
  return reading;
}

/** A valid condor used only to ask the engine about the label alone. */
const probePosition: Position = {
  label: "",
  expiry: 45658,
  longPut: 1,
  shortPut: 2,
  shortCall: 3,
  longCall: 4,
  credit: 0.5,
  contracts: 1,
  entryDate: null,
  impliedVol: 0.2,
  notes: "",
};

/** The form's text for a saved position (what "Load" puts back into the fields). */
export function positionValues(position: Position): FormValues {
  return {
    label: position.label,
    expiry: isoFromSerial(position.expiry),
    longPut: String(position.longPut),
    shortPut: String(position.shortPut),
    shortCall: String(position.shortCall),
    longCall: String(position.longCall),
    credit: String(position.credit),
    contracts: String(position.contracts),
    impliedVol: String(position.impliedVol),
  };
}

export function settingsValues(settings: HedgeSettings): FormValues {
  return {
    threshold: String(settings.threshold),
    step: String(settings.step),
    perLayer: String(settings.perLayer),
    cap: String(settings.cap),
    instrument: settings.instrument,
    beta: settings.beta === undefined ? "" : String(settings.beta),
    vixRise: String(settings.vixRise),
    kappa: String(settings.kappa ?? DEFAULT_SETTINGS.kappa),
    longRunVix: String(settings.longRunVix ?? DEFAULT_SETTINGS.longRunVix),
    closures: settings.closures ?? "",
    rounding: settings.rounding,
  };
}
