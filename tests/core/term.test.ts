import { describe, expect, it } from "vitest";
import { carryText, hedgeMonthFuture, vixFuture, vixFutureBeta } from "../../src/core";

// F and β from mpmath at 40 digits: θV + (VIX − θV)·exp(−κ·days/365), κ = 5.9, θV = 19.4.
const REFERENCES: [vix: number, days: number, future: number, beta: number][] = [
  [18, 60, 18.86921104081888097, 0.37913497084365644694],
  [18, 77, 18.99674465111480054, 0.28803953491799961459],
  [30, 20, 27.071915549421150697, 0.7237656178699198771],
  [12, 365, 19.379728108341114068, 0.0027394448187683692328],
];

describe("VIX term structure (SPEC §3.7)", () => {
  it.each(REFERENCES)("VIX %d, %d days", (vix, days, future, beta) => {
    expect(vixFuture(vix, days / 365)).toBeCloseTo(future, 13);
    expect(vixFutureBeta(days / 365)).toBeCloseTo(beta, 15);
  });

  it("is spot VIX at τ = 0 and the long-run level far out", () => {
    expect(vixFuture(25, 0)).toBe(25);
    expect(vixFuture(25, 50)).toBeCloseTo(19.4, 12);
  });
});

describe("the hedge month's future (SPEC §3.7)", () => {
  const tau = 60 / 365;
  it("is the estimate with β = e^(−κτ) when no future is quoted", () => {
    const hedge = hedgeMonthFuture(18, tau);
    expect(hedge.estimated).toBe(true);
    expect(hedge.future).toBeCloseTo(REFERENCES[0][2], 13);
    expect(hedge.beta).toBeCloseTo(REFERENCES[0][3], 15);
    expect(hedge.carry).toBeCloseTo(REFERENCES[0][2] - 18, 13);
    expect(hedge.carry).not.toBe(0); // issue 14: the future was spot VIX, a "free hedge"
  });

  it("prices with the quoted future; β stays e^(−κτ) unless the trader sets it", () => {
    const quoted = hedgeMonthFuture(18, tau, { quoted: 19.35 });
    expect(quoted).toMatchObject({ future: 19.35, estimated: false });
    expect(quoted.beta).toBeCloseTo(REFERENCES[0][3], 15);
    expect(quoted.carry).toBeCloseTo(1.35, 12);
    expect(hedgeMonthFuture(18, tau, { quoted: 19.35, beta: 0.5 }).beta).toBe(0.5);
    expect(hedgeMonthFuture(18, tau, { kappa: 0 }).beta).toBe(1);
    expect(() => hedgeMonthFuture(18, tau, { quoted: 0 })).toThrow(/vixFuture must be above 0/);
  });

  it("says contango cost or backwardation gain in words", () => {
    expect(carryText(1.35, 1000, 18)).toBe(
      "contango: costs $1,350 per contract if VIX stays at 18"
    );
    expect(carryText(-2.5, 1000, 30)).toBe(
      "backwardation: gains $2,500 per contract if VIX stays at 30"
    );
    expect(carryText(0, 1000, 18)).toBe("no carry: the future is at the VIX (18)");
  });
});
