/**
 * |actual − expected| ≤ tolerance · max(1, |expected|): relative closeness for figures computed in
 * different ways (the engine, a plan's formulas, LibreOffice, the mpmath references); at the
 * default 1e-9, dollars of a grid agree to a billionth. False for anything but a number.
 */
export function close(actual: unknown, expected: number, tolerance = 1e-9): boolean {
  return (
    typeof actual === "number" &&
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected))
  );
}
