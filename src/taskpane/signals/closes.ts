/**
 * VIX closes as the trader gives them to the pane: pasted from a sheet's column (one a line) or
 * typed with commas or semicolons between them, oldest first. Pure, so the standalone textarea and
 * the tests read text the same way.
 */
/** The closes, or why the text is not a list of them (naming the entry and the fix). */
export type ParsedCloses = { closes: number[] } | { error: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Splits on newlines, commas, semicolons and tabs; blank entries (a trailing newline, a blank
 * row) are skipped. Commas separate closes, never group digits: a VIX close is below 1,000. Where
 * the locale's `decimal` is a comma ("15,5" in de-DE), a comma is the decimal and only newlines,
 * semicolons and tabs separate.
 */
export function parseVixCloses(text: string, decimal = "."): ParsedCloses {
  const comma = decimal === ",";
  const entries = text
    .split(comma ? /[\r\n;\t]+/ : /[\r\n,;\t]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const closes: number[] = [];
  for (const [i, entry] of entries.entries()) {
    const plain = comma ? entry.replace(",", ".") : entry;
    const value = NUMBER.test(plain) ? Number(plain) : NaN;
    if (!Number.isFinite(value) || value <= 0) {
      return {
        error: `VIX close ${i + 1} ("${entry}") must be a number above 0: paste the closes alone, oldest first, without the header or dates`,
      };
    }
    closes.push(value);
  }
  return { closes };
}

/** Where the pane gets VIX closes: the standalone textarea, or Excel's ALVH_History table. */
export interface VixClosesSource {
  /** The closes, oldest first; undefined when there are none (the signals line is not shown). */
  closes(): readonly number[] | undefined;
  /** Calls `listener` whenever the closes change. */
  onChange(listener: () => void): void;
}
