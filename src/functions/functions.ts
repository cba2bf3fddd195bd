/**
 * Placeholder until the functions issue lands.
 * @customfunction
 * @param x A number.
 * @returns The number.
 */
export function echo(x: number): number {
  return x;
}
