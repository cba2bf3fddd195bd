/**
 * The form's fields: the label the trader reads (also the accessible name), the engine argument
 * each one feeds (so an AlvhError's `argument` finds its field) and where it goes in the inputs.
 */
import { DEFAULTS } from "../core";
import { DEFAULT_SETTINGS } from "../workbook/settings";

export type FieldGroup = "position" | "market" | "settings";
export type FieldKind = "text" | "number" | "date" | "choice";

export interface FieldSpec {
  /** Element id, and the engine's argument name (AlvhError.argument) for this field. */
  id: string;
  label: string;
  group: FieldGroup;
  kind: FieldKind;
  /** What the form shows before the trader types anything. */
  initial: string;
  hint?: string;
  /** A number the trader may leave empty (the engine then uses its default). */
  optional?: boolean;
  /** A fraction the trader may type in percent: "16%" or "16 %" reads as 0.16. */
  percent?: boolean;
  choices?: readonly { value: string; label: string }[];
}

export const FIELDS: readonly FieldSpec[] = [
  { id: "label", label: "Label", group: "position", kind: "text", initial: "" },
  { id: "expiry", label: "Expiry", group: "position", kind: "date", initial: "" },
  { id: "longPut", label: "Long put", group: "position", kind: "number", initial: "" },
  { id: "shortPut", label: "Short put", group: "position", kind: "number", initial: "" },
  { id: "shortCall", label: "Short call", group: "position", kind: "number", initial: "" },
  { id: "longCall", label: "Long call", group: "position", kind: "number", initial: "" },
  {
    id: "credit",
    label: "Credit",
    group: "position",
    kind: "number",
    initial: "",
    hint: "index points per share",
  },
  {
    id: "contracts",
    label: "Contracts",
    group: "position",
    kind: "number",
    initial: String(DEFAULTS.contracts),
  },
  {
    id: "impliedVol",
    label: "Implied vol",
    group: "position",
    kind: "number",
    initial: "",
    percent: true,
    hint: "0.16 or 16 %",
  },
  { id: "spot", label: "Spot", group: "market", kind: "number", initial: "", hint: "SPX points" },
  { id: "vix", label: "VIX", group: "market", kind: "number", initial: "", hint: "VIX points" },
  {
    id: "vixFuture",
    label: "VIX future",
    group: "market",
    kind: "number",
    initial: "",
    optional: true,
    hint: "hedge month, quoted; empty: estimated from the VIX (κ, θV below)",
  },
  {
    id: "held",
    label: "Held",
    group: "market",
    kind: "number",
    initial: "",
    optional: true,
    hint: "hedge contracts already held; empty: none",
  },
  {
    id: "threshold",
    label: "Threshold",
    group: "settings",
    kind: "number",
    initial: String(DEFAULT_SETTINGS.threshold),
    hint: "EDR % where layer 1 starts",
  },
  {
    id: "step",
    label: "Step",
    group: "settings",
    kind: "number",
    initial: String(DEFAULT_SETTINGS.step),
    hint: "EDR % between layers",
  },
  {
    id: "perLayer",
    label: "Coverage per layer",
    group: "settings",
    kind: "number",
    initial: String(DEFAULT_SETTINGS.perLayer),
    percent: true,
    hint: "fraction of the exposure: 0.25 or 25 %",
  },
  {
    id: "cap",
    label: "Cap",
    group: "settings",
    kind: "number",
    initial: String(DEFAULT_SETTINGS.cap),
    percent: true,
    hint: "most of the exposure hedged: 0.6 or 60 %",
  },
  {
    id: "instrument",
    label: "Hedge instrument",
    group: "settings",
    kind: "choice",
    initial: DEFAULT_SETTINGS.instrument,
    choices: [
      { value: "future", label: "VIX future" },
      { value: "call", label: "VIX call" },
    ],
  },
  {
    id: "beta",
    label: "Beta",
    group: "settings",
    kind: "number",
    initial: "",
    optional: true,
    hint: "hedge move per VIX point; empty: e^(−κτ) of the hedge month",
  },
  {
    id: "kappa",
    label: "Kappa (κ)",
    group: "settings",
    kind: "number",
    initial: String(DEFAULT_SETTINGS.kappa),
    hint: `VIX mean reversion per year; default ${DEFAULTS.kappa}: AR(1) fit of Cboe's VIX closes 1990–2026`,
  },
  {
    id: "longRunVix",
    label: "Long-run VIX (θV)",
    group: "settings",
    kind: "number",
    initial: String(DEFAULT_SETTINGS.longRunVix),
    hint: `VIX points; default ${DEFAULTS.longRunVix}: Cboe's VIX mean 1990–2026`,
  },
  {
    id: "closures",
    label: "Extra closures",
    group: "settings",
    kind: "text",
    initial: DEFAULT_SETTINGS.closures ?? "",
    hint: "exchange closures no rule predicts, e.g. 2026-03-02, 2026-03-03; default none",
  },
  {
    id: "vixRise",
    label: "VIX rise at max loss",
    group: "settings",
    kind: "number",
    initial: String(DEFAULT_SETTINGS.vixRise),
    hint: "VIX points",
  },
  {
    id: "rounding",
    label: "Rounding",
    group: "settings",
    kind: "choice",
    initial: DEFAULT_SETTINGS.rounding,
    choices: [
      { value: "up", label: "Up" },
      { value: "nearest", label: "Nearest" },
      { value: "down", label: "Down" },
    ],
  },
];

/** The fields a saved position is made of (the rest are the market and the settings). */
export const POSITION_FIELD_IDS: readonly string[] = FIELDS.filter(
  (f) => f.group === "position"
).map((f) => f.id);

export type FormValues = Record<string, string>;

/**
 * Engine arguments that have no field of their own but belong beside one (the positions table's
 * column names come back from a bad saved row).
 */
const ALIASES: Record<string, string> = {
  Label: "label",
  Expiry: "expiry",
  "Long put": "longPut",
  "Short put": "shortPut",
  "Short call": "shortCall",
  "Long call": "longCall",
  Credit: "credit",
  Contracts: "contracts",
  "Implied vol": "impliedVol",
};

/** The field an engine argument belongs to, or undefined for figures the form does not show. */
export function fieldFor(argument: string): FieldSpec | undefined {
  const id = ALIASES[argument] ?? argument;
  return FIELDS.find((f) => f.id === id);
}

export function initialValues(): FormValues {
  return Object.fromEntries(FIELDS.map((f) => [f.id, f.initial]));
}
