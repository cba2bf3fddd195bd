import pricing from "./pricing.json";

/**
 * The mpmath reference tables of pricing.json, made by scripts/references/pricing.py (closed forms
 * at 50 significant digits, cross-checked at 80, rounded once to a double). CI never runs Python:
 * the JSON is the reference.
 */
export const header = pricing.header;

interface Table {
  columns: string[];
  rows: unknown[][];
}

/** A table stored as column names plus arrays, turned back into one object per row. */
export function rowsOf<T>(table: Table): T[] {
  return table.rows.map(
    (row) => Object.fromEntries(table.columns.map((name, i) => [name, row[i]])) as T
  );
}

export const tables = {
  normal: rowsOf<{ x: number; cdf: number; pdf: number }>(pricing.normal),
  bsm: rowsOf<Record<string, number> & { type: "call" | "put" }>(pricing.bsm),
  black76: rowsOf<Record<string, number> & { type: "call" | "put" }>(pricing.black76),
  ironCondor: rowsOf<IronCondorRow>(pricing.ironCondor),
  pop: rowsOf<Record<string, number>>(pricing.pop),
};

export interface IronCondorRow {
  legs: [number, number, number, number];
  multiplier: number;
  contracts: number;
  spot: number;
  dte: number;
  vol: number | number[];
  rate: number;
  divYield: number;
  mark: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

/**
 * The tolerance rule of every reference test: relative error, measured against max(|expected|,
 * FLOOR). Down to 1e-300 that is plain relative precision (wing prices of 1e-200 must keep their
 * digits too); below it, where doubles turn subnormal and lose digits, it becomes an absolute
 * bound of tolerance × 1e-300.
 */
export const FLOOR = 1e-300;

export function relativeError(actual: number, expected: number, floor = FLOOR): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}

/** Each field of each row that misses its reference by more than `tolerance`, described for the failure message. */
export function misses<R, F extends string>(
  rows: readonly R[],
  fields: readonly F[],
  compute: (row: R) => Record<F, number>,
  tolerance: number
): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const actual = compute(row);
    for (const field of fields) {
      const expected = (row as Record<F, number>)[field];
      const error = relativeError(actual[field], expected);
      if (!(error <= tolerance)) {
        const where = JSON.stringify(row);
        out.push(`${field} ${actual[field]} vs ${expected} (error ${error}) at ${where}`);
      }
    }
  }
  return out;
}
