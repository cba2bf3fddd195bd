import { describe, expect, it } from "vitest";
import { macd, rsi, signalState } from "../../../src/core";
import { references, series } from "./reference";

describe("signalState: today's RSI(14) and MACD(12, 26, 9) of VIX closes", () => {
  it("agrees day by day with the reference's RSI, position and crossings", () => {
    const vix = series("vix");
    const days = references.stateByDay;
    expect(days.filter((d) => d.crossed).length).toBeGreaterThan(5);
    for (let last = 0; last < vix.length; last++) {
      const state = signalState(vix.slice(0, last + 1));
      const want = days[last];
      if (want.rsi === null) expect(state.rsi).toBeUndefined();
      else expect(Math.abs(state.rsi! - want.rsi)).toBeLessThanOrEqual(1e-10);
      expect(state.macd?.position, `day ${last + 1}`).toBe(want.position ?? undefined);
      expect(state.macd?.crossedToday ?? false, `day ${last + 1}`).toBe(want.crossed);
    }
  });

  it("reports the last row of the full signals", () => {
    const vix = series("vix");
    const state = signalState(vix);
    const full = macd(vix);
    expect(state.rsi).toBe(rsi(vix).at(-1));
    expect(state.macd).toMatchObject({
      line: full.line.at(-1),
      signal: full.signal.at(-1),
      histogram: full.line.at(-1)! - full.signal.at(-1)!,
    });
  });

  it("says what is not known yet instead of failing on short series", () => {
    expect(signalState([])).toEqual({ rsi: undefined, macd: undefined });
    const vix = series("vix");
    expect(signalState(vix.slice(0, 15)).rsi).toBeDefined();
    expect(signalState(vix.slice(0, 33)).macd).toBeUndefined();
    const first = signalState(vix.slice(0, 34)).macd!;
    expect(first.crossedToday).toBe(false);
  });

  it("refuses a close that is not a number", () => {
    expect(() => signalState([18, Number.NaN])).toThrow(/closes row 2 must be a finite number/);
  });
});
