/**
 * The engine's messages in the form's words: the engine names its arguments as code does
 * (`shortCall 6150 must be above shortPut 6160`), the trader reads the field's label and the
 * number as typed ("Short call 6,150 must be above short put 6,160").
 */
import { isAlvhError } from "../core";
import { FIELDS, fieldFor } from "./fields";

/** A label inside a sentence: "Short put" → "short put", but "VIX future" keeps its capitals. */
function midSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?`;
const IDS = FIELDS.map((f) => f.id).sort((a, b) => b.length - a.length);

/**
 * Rewrites an engine message about `argument`: the argument at the start and any other field's
 * camel-case name become labels; a number right after a field's name, or in "(got …)" for the
 * argument itself, is shown as the trader typed it when it is the number that was read.
 */
export function labelledMessage(
  argument: string,
  message: string,
  typed: (id: string) => { text: string; value: number } | undefined
): string {
  const own = fieldFor(argument);
  const asTyped = (id: string, number: string): string => {
    const entry = typed(id);
    return entry && entry.value === Number(number) ? entry.text : number;
  };
  let text = message;
  if (own) {
    text = text.replace(
      new RegExp(String.raw`\(got (${NUMBER})\)`),
      (_, n: string) => `(got ${asTyped(own.id, n)})`
    );
  }
  const names = new RegExp(String.raw`\b(${IDS.join("|")})\b(?: (${NUMBER})\b)?`, "g");
  return text.replace(names, (whole, id: string, number: string | undefined, offset: number) => {
    const spec = FIELDS.find((f) => f.id === id);
    // Plain words (credit, spot, step) are renamed only where they name the argument itself.
    const isName = /[A-Z]/.test(id) || (offset === 0 && spec === own);
    if (!spec || !isName) return whole;
    const label = offset === 0 ? spec.label : midSentence(spec.label);
    return number === undefined ? label : `${label} ${asTyped(id, number)}`;
  });
}

/**
 * What a failed action tells the trader: the engine's message as it is (it names the input and the
 * fix), anything else as the unexpected fault it is.
 */
export function failureMessage(error: unknown): string {
  if (isAlvhError(error)) return error.message;
  return error instanceof Error ? `Something went wrong: ${error.message}` : String(error);
}
