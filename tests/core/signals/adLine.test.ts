import { describe, expect, it } from "vitest";
import { adLine } from "../../../src/core";
import { expectSeries, references } from "./reference";

describe("adLine (SPEC §3.9)", () => {
  it("matches the exact running sum of 300 days of advances − declines", () => {
    const { advances, declines, out } = references.adLine;
    expect(advances.length).toBeGreaterThanOrEqual(300);
    expectSeries(adLine(advances, declines), out, "A/D line");
  });

  it("is defined from the first day", () => {
    expect(adLine([1500, 1200, 900], [1400, 1500, 900])).toEqual([100, -200, -200]);
  });

  it("refuses unequal lengths, negative counts and no data", () => {
    expect(() => adLine([1, 2], [1])).toThrow(/advances has 2 values and declines 1/);
    expect(() => adLine([1, -2], [1, 1])).toThrow(/advances row 2 must be a count of issues/);
    expect(() => adLine([], [])).toThrow(/advances must hold at least one count/);
  });
});
