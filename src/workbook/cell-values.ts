/** Cell values as Excel, a pasted table or a CSV file hand them over: blanks and numbers typed as text. */

/** Nothing in the cell: null, undefined, or text of spaces only. */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** A number typed as text, "$5,700.25" or " 16.5 ": NaN when blank or not a number. */
export function numberFromText(value: string): number {
  const trimmed = value.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed.replace(/^\$/, "").replace(/,/g, ""));
}
