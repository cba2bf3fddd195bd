/**
 * The separators of a browser locale (the standalone app's, and Excel's fallback where
 * cultureInfo is missing: ExcelApi below 1.11), read from Intl with Latin digits, since the form
 * takes digits 0–9.
 */
import type { NumberSeparators } from "./host";

export function separatorsOfLocale(tag: string | undefined): NumberSeparators {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(tag, { numberingSystem: "latn" }).formatToParts(1234567.5);
  } catch {
    // A tag Intl does not know (RangeError): the default locale of the runtime.
    parts = new Intl.NumberFormat(undefined, { numberingSystem: "latn" }).formatToParts(1234567.5);
  }
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return { decimal: part("decimal") || ".", group: part("group") };
}

/** The browser's language, when there is a browser (Node in tests has no navigator). */
export function browserLanguage(): string | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.language;
}
