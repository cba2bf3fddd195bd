/**
 * "ALVH Schedule" when free, else "ALVH Schedule (2)", "(3)", ...: the add-in never writes into
 * a sheet it did not create. Excel compares sheet names case-insensitively.
 */
export function nextFreeSheetName(preferred: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(preferred.toLowerCase())) return preferred;
  for (let n = 2; ; n++) {
    const candidate = `${preferred} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
