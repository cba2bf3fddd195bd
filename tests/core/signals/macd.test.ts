import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ema, macd } from "../../../src/core";
import { expectSeries, references, series } from "./reference";

describe("macd (SPEC §3.9)", () => {
  it("matches the exact rational reference to 1e-12: line, signal and histogram", () => {
    for (const ref of references.macd) {
      const got = macd(series(ref.series), ref.fast, ref.slow, ref.signal);
      const label = `MACD(${ref.fast}, ${ref.slow}, ${ref.signal}) of ${ref.series}`;
      expectSeries(got.line, ref.line, `${label} line`);
      expectSeries(got.signal, ref.signalLine, `${label} signal`);
      expectSeries(got.histogram, ref.histogram, `${label} histogram`);
    }
  });

  it("line from the slow-th value, signal seeded with the SMA of the first `signal` line values", () => {
    const vix = series("vix");
    const { line, signal } = macd(vix);
    expect(line.findIndex((v) => v !== undefined)).toBe(25);
    expect(signal.findIndex((v) => v !== undefined)).toBe(33);
    const firstNine = line.slice(25, 34) as number[];
    expect(signal[33]).toBeCloseTo(firstNine.reduce((a, b) => a + b, 0) / 9, 13);
    const fast = ema(vix, 12);
    const slow = ema(vix, 26);
    expect(line[200]).toBe(fast[200]! - slow[200]!);
  });

  it("histogram is line − signal, wherever the signal is defined", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 5, max: 90, noNaN: true }), { minLength: 12, maxLength: 60 }),
        (values) => {
          const { line, signal, histogram } = macd(values, 3, 8, 4);
          values.forEach((_, i) => {
            if (signal[i] === undefined) expect(histogram[i]).toBeUndefined();
            else expect(histogram[i]).toBe(line[i]! - signal[i]!);
          });
        }
      )
    );
  });

  it("refuses fast not shorter than slow, and data too short for one signal value", () => {
    const vix = series("vix");
    expect(() => macd(vix, 26, 12)).toThrow(/fast \(26\) must be shorter than slow \(12\)/);
    expect(() => macd(vix.slice(0, 33))).toThrow(
      /MACD\(12, 26, 9\) needs at least 34 values and got 33/
    );
    expect(() => macd(vix, 12, 26, 0)).toThrow(/signal must be 1 or more/);
    expect(macd(vix.slice(0, 34)).histogram[33]).toBeDefined();
  });
});
