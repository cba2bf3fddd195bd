/** A1 addresses from 0-based row/column indexes (row 0 is sheet row 1, column 0 is "A"). */

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function absoluteAddress(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const topLeft = cellAddress(row, col);
  return rows === 1 && cols === 1
    ? topLeft
    : `${topLeft}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

export function absoluteRange(row: number, col: number, rows: number, cols: number): string {
  const topLeft = absoluteAddress(row, col);
  return rows === 1 && cols === 1
    ? topLeft
    : `${topLeft}:${absoluteAddress(row + rows - 1, col + cols - 1)}`;
}

/** Parses "B5" or "$B$5" into 0-based indexes; undefined when it is not a single-cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(address.toUpperCase());
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}
