import { expect } from "vitest";
import type { Series } from "../../../src/core";
import references from "./references.json";

/**
 * The exact rational values of make_references.py (fractions.Fraction, SPEC §3.9 word for word,
 * rounded once to a double). CI never runs Python: the JSON is the reference.
 */
export { references };

export type SeriesName = keyof typeof references.series;

export const series = (name: string): number[] => references.series[name as SeriesName];

/** Agreement to 1e-12, relative above 1 and absolute below (MACD lines hover around 0). */
export const TOLERANCE = 1e-12;

export function expectSeries(actual: Series, expected: (number | null)[], label: string): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  const misses: string[] = [];
  expected.forEach((want, i) => {
    const got = actual[i];
    if (want === null) {
      if (got !== undefined) misses.push(`row ${i + 1}: ${got} where nothing is defined yet`);
    } else if (
      got === undefined ||
      !(Math.abs(got - want) <= TOLERANCE * Math.max(1, Math.abs(want)))
    ) {
      misses.push(`row ${i + 1}: ${got} vs ${want}`);
    }
  });
  expect(misses, label).toEqual([]);
}

/** The defined entries, for properties that hold where a signal exists. */
export const defined = (values: Series): number[] =>
  values.filter((v): v is number => v !== undefined);
