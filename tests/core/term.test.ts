import { describe, expect, it } from "vitest";
import { vixFuture, vixFutureBeta } from "../../src/core";

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
