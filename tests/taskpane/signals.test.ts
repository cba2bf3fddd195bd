import { describe, expect, it } from "vitest";
import { macd, signalState } from "../../src/core";
import { readForm } from "../../src/taskpane/form";
import { initialValues } from "../../src/taskpane/fields";
import { parseVixCloses } from "../../src/taskpane/signals/closes";
import { describeSignals } from "../../src/taskpane/signals/describe";
import { formFigures, liveSummary } from "../../src/taskpane/summary";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";

const TODAY = 45658;
const context = { today: TODAY, baseSettings: DEFAULT_SETTINGS, entryDate: null, notes: "" };

/** 15 closes, 14 changes: ten rises of 1 and four falls of 1 (the falls first). */
const TEN_UP_FOUR_DOWN = [20, 19, 18, 17, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26];

/**
 * A VIX path that falls faster and faster for 45 closes (so the MACD line stays under its signal)
 * and then rises: the line crosses its signal upward.
 */
const V_SHAPE = [
  ...Array.from({ length: 45 }, (_, i) => 32 - 0.005 * i * i),
  ...Array.from({ length: 30 }, (_, i) => 22.5 + i * 0.5),
];

/** The first prefix of V_SHAPE whose last close is the day MACD crosses above its signal. */
function crossingUpPrefix(): number[] {
  for (let n = 34; n <= V_SHAPE.length; n++) {
    const state = signalState(V_SHAPE.slice(0, n)).macd;
    if (state?.crossedToday && state.position === "above") return V_SHAPE.slice(0, n);
  }
  throw new Error("V_SHAPE never crosses up");
}

describe("parseVixCloses", () => {
  it("reads a column pasted from a sheet, or commas and semicolons, skipping blank rows", () => {
    expect(parseVixCloses("18.5\r\n19.25\n\n20\n")).toEqual({ closes: [18.5, 19.25, 20] });
    expect(parseVixCloses("18.5, 19.25; 20")).toEqual({ closes: [18.5, 19.25, 20] });
    expect(parseVixCloses("  ")).toEqual({ closes: [] });
  });

  it("reads a decimal comma where the locale writes one: 15,5 is one close, not two", () => {
    expect(parseVixCloses("15,5\r\n16,25\n\n17\n", ",")).toEqual({ closes: [15.5, 16.25, 17] });
    expect(parseVixCloses("15,5; 16,25\t17", ",")).toEqual({ closes: [15.5, 16.25, 17] });
    expect(parseVixCloses("15,5\n1,000,5", ",")).toEqual({
      error: expect.stringMatching(/^VIX close 2 \("1,000,5"\)/),
    });
    expect(parseVixCloses("15,5\n16,2")).toEqual({ closes: [15, 5, 16, 2] });
  });

  it("names the bad entry and the fix", () => {
    expect(parseVixCloses("VIX\n18.5")).toEqual({
      error: expect.stringMatching(
        /^VIX close 1 \("VIX"\) must be a number above 0: paste the closes alone/
      ),
    });
    expect(parseVixCloses("18.5\n0\n19")).toEqual({
      error: expect.stringMatching(/^VIX close 2 \("0"\)/),
    });
  });
});

describe("describeSignals", () => {
  it("RSI in words: (10/14)/(4/14) = 2.5, RSI 100 − 100/3.5 = 71.43, above 70", () => {
    const state = signalState(TEN_UP_FOUR_DOWN);
    expect(describeSignals(state, TEN_UP_FOUR_DOWN.length)).toBe(
      "RSI(14) 71.4 — above 70; MACD needs 34 closes (got 15)"
    );
  });

  it("says how many closes each signal needs", () => {
    expect(describeSignals(signalState([18, 19, 20]), 3)).toBe(
      "RSI(14) needs 15 closes (got 3); MACD needs 34 closes (got 3)"
    );
  });

  it("MACD's position and a cross on the last close", () => {
    const closes = crossingUpPrefix();
    const { line, signal } = macd(closes);
    const last = closes.length - 1;
    expect(line[last]! > signal[last]!).toBe(true);
    expect(line[last - 1]! <= signal[last - 1]!).toBe(true);
    expect(describeSignals(signalState(closes), closes.length)).toMatch(
      /; MACD above signal \(crossed up today\)$/
    );
    const falling = V_SHAPE.slice(0, 30);
    expect(describeSignals(signalState(falling), 30)).toMatch(
      /^RSI\(14\) 0\.0 — below 30; MACD needs 34/
    );
    expect(describeSignals(signalState(V_SHAPE), V_SHAPE.length)).toMatch(
      /^RSI\(14\) \d+\.\d — above 70; MACD above signal$/
    );
  });
});

describe("liveSummary's VIX signals line", () => {
  const reading = readForm({ ...initialValues(), vix: "18" }, context);
  const keys = (lines: ReturnType<typeof liveSummary>) => lines.map((l) => l.key);

  it("sits right after the EDR when closes are given, and is absent without them", () => {
    const figures = formFigures(reading, TODAY);
    const lines = liveSummary(reading, figures, { vixCloses: TEN_UP_FOUR_DOWN });
    const at = keys(lines).indexOf("edr");
    expect(lines[at + 1]).toEqual({
      key: "vixSignals",
      label: "VIX signals",
      value: "RSI(14) 71.4 — above 70; MACD needs 34 closes (got 15)",
    });
    expect(keys(liveSummary(reading, figures))).not.toContain("vixSignals");
    expect(keys(liveSummary(reading, figures, { vixCloses: [] }))).not.toContain("vixSignals");
  });
});
