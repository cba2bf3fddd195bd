/**
 * Numbers as the trader's locale writes them (issue 18): the form reads "6.100,5" or "6 100,5" in
 * de-DE and "6,100.5" in en-US, and the pane shows its figures with the same separators. The
 * separators come from the host (Excel's cultureInfo, or the browser locale standalone,
 * src/hosts/locale.ts). Text that is a number only under the other convention ("6100.5" where the
 * decimal is a comma) is refused with the format this locale expects, never guessed at.
 */
import { AlvhError, describe } from "../core";
import type { NumberSeparators } from "../hosts/host";
import { FIELDS, type FormValues } from "./fields";

/** What the pane uses when the host gives no separators, and the text the engine composes in. */
export const EN_US: NumberSeparators = { decimal: ".", group: "," };

/** Spaces a locale groups digits with: space, no-break space, narrow no-break space, thin space. */
const SPACES = " \u00a0\u202f\u2009";
const APOSTROPHES = "'\u2019";

const escapeClass = (chars: string): string => chars.replace(/[\]\\^-]/g, "\\$&");
const escapeText = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Separators as the pane can use them. A decimal separator that is not one character (or is a
 * digit, sign or space) falls back to en-US; a group separator that is unusable or equal to the
 * decimal is dropped (digits are then grouped with spaces only).
 */
export function numberLocale(separators: Partial<NumberSeparators> | undefined): NumberSeparators {
  const usable = (c: unknown): c is string =>
    typeof c === "string" && c.length === 1 && !/[\d+\-eE%]/.test(c);
  const decimal = usable(separators?.decimal) && !SPACES.includes(separators.decimal);
  if (!decimal) return EN_US;
  const group = usable(separators?.group) && separators.group !== separators.decimal;
  return {
    decimal: separators.decimal as string,
    group: group ? (separators.group as string) : "",
  };
}

/** Every character that groups digits in this locale: its own, and spaces, which never mislead. */
function groupChars(locale: NumberSeparators): string {
  if (APOSTROPHES.includes(locale.group) && locale.group !== "") return SPACES + APOSTROPHES;
  return SPACES + locale.group;
}

const patterns = new Map<string, RegExp>();

/** sign, grouped integer (threes, or India's lakh), fraction | plain integer, fraction, exponent. */
function numberPattern(locale: NumberSeparators): RegExp {
  const key = locale.decimal + locale.group;
  const known = patterns.get(key);
  if (known) return known;
  const g = `[${escapeClass(groupChars(locale))}]`;
  const d = escapeText(locale.decimal);
  const grouped = String.raw`(\d{1,3}(?:${g}\d{3})+|\d{1,2}(?:${g}\d{2})*${g}\d{3})`;
  const pattern = new RegExp(
    String.raw`^([+-]?)(?:${grouped}(?:${d}(\d*))?|(\d*)(?:${d}(\d*))?(e[+-]?\d+)?)$`,
    "i"
  );
  patterns.set(key, pattern);
  return pattern;
}

/** The number the text is in this locale's format, or undefined. */
export function readLocaleNumber(text: string, locale: NumberSeparators): number | undefined {
  const match = numberPattern(locale).exec(text.replace(/\u2212/g, "-"));
  if (!match) return undefined;
  const [, sign, grouped, groupedFraction, plain, plainFraction, exponent] = match;
  const whole = grouped !== undefined ? grouped.replace(/\D/g, "") : plain;
  const fraction = (grouped !== undefined ? groupedFraction : plainFraction) ?? "";
  if (whole === "" && fraction === "") return undefined;
  const value = Number(`${sign}${whole || "0"}.${fraction}${exponent ?? ""}`);
  return Number.isFinite(value) ? value : undefined;
}

/** A number as the form shows it for editing: no grouping, so it reads back the same. */
export function inputText(value: number, locale: NumberSeparators): string {
  return String(value).replace(".", locale.decimal);
}

/** "6.100,5 or 6100,5": the two ways this locale writes 6100.5. */
function example(locale: NumberSeparators): string {
  const plain = inputText(6100.5, locale);
  const group = locale.group || "\u202f";
  return `${plain.slice(0, 1)}${group}${plain.slice(1)} or ${plain}`;
}

function decimalName(locale: NumberSeparators): string {
  if (locale.decimal === ".") return "a decimal point";
  if (locale.decimal === ",") return "a decimal comma";
  return `"${locale.decimal}" as the decimal separator`;
}

/**
 * A number as typed in this locale; with `percent`, "16%", "16 %" (or "16,5 %" in de-DE) is a
 * fraction. Anything else is the argument's error; text made of digits and separators that is not
 * this locale's format also names the format ("write numbers with a decimal comma, as 6.100,5 or
 * 6100,5"), since it would read as another number in another locale.
 */
export function parseLocaleNumber(
  argument: string,
  raw: string,
  locale: NumberSeparators,
  percent = false
): number {
  const text = raw.trim();
  const typedPercent = percent && text.endsWith("%");
  const body = typedPercent ? text.slice(0, -1).replace(new RegExp(`[${SPACES}]+$`), "") : text;
  const value = readLocaleNumber(body, locale);
  if (value !== undefined) return typedPercent ? value / 100 : value;
  const fraction = percent ? `: enter ${inputText(0.16, locale)} or 16 %` : "";
  const numberLike = /\d/.test(body) && /^[+\-\u2212]?[\d.,'\u2019\s]+$/.test(body);
  const format = numberLike
    ? `; write numbers with ${decimalName(locale)}, as ${example(locale)}`
    : "";
  throw new AlvhError(
    argument,
    `${argument} must be a number${fraction} (got ${describe(text)})${format}`
  );
}

/**
 * The form's number fields as this locale types them: the pane composes field text with
 * String(number) ("0.25", "15.5"); in de-DE the field shows "0,25".
 */
export function localizeValues(values: FormValues, locale: NumberSeparators): FormValues {
  if (locale.decimal === ".") return values;
  const numeric = new Set(FIELDS.filter((f) => f.kind === "number").map((f) => f.id));
  return Object.fromEntries(
    Object.entries(values).map(([id, text]) => [
      id,
      numeric.has(id) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)
        ? text.replace(".", locale.decimal)
        : text,
    ])
  );
}

/**
 * Text the pane composed with en-US separators ("$17,500.00", "1.134 %") in this locale's
 * ("$17.500,00", "1,134 %"). Only a "," or "." between two digits is a separator in that text;
 * dates (2025-03-21), times and prose keep theirs.
 */
export function showNumbers(text: string, locale: NumberSeparators): string {
  if (locale.decimal === "." && locale.group === ",") return text;
  // No lookbehind: older Safari (Excel on the Mac) has none.
  return text.replace(
    /(\d)([.,])(?=\d)/g,
    (_, digit: string, c: string) => digit + (c === "," ? locale.group : locale.decimal)
  );
}
