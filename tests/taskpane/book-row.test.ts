import { describe, expect, it } from "vitest";
import { bsmPrice, ironCondor, maxLoss, maxProfit, payoffAtExpiry } from "../../src/core";
import { bookRowFacts } from "../../src/taskpane/book-row";
import type { Position } from "../../src/workbook/model";

// 45658 is 2025-01-01; the condor expires 30 days later.
const TODAY = 45658;
const POSITION: Position = {
  label: "SPX Jan",
  expiry: TODAY + 30,
  longPut: 5800,
  shortPut: 5900,
  shortCall: 6100,
  longCall: 6200,
  credit: 20,
  contracts: 2,
  entryDate: null,
  impliedVol: 0.16,
  notes: "",
};
const IC = ironCondor({ ...POSITION, multiplier: 100 });

describe("the book list's facts for a position (issue 18)", () => {
  it("shows strikes, expiry, days left and contracts, and no P&L before a spot is known", () => {
    expect(bookRowFacts(POSITION, TODAY + 0.6)).toEqual({
      strikes: "5800/5900/6100/6200",
      expiry: "2025-01-31",
      daysLeft: 30,
      contracts: 2,
      pnlNow: undefined,
    });
    expect(bookRowFacts(POSITION, TODAY + 45).daysLeft).toBe(0);
  });

  it("gives the payoff at expiry once no days are left", () => {
    // At 6000 all legs expire worthless: the whole credit, 20·100·2 = $4,000; at 5000 the put
    // spread is worth its width: (20 − 100)·100·2 = −$16,000.
    expect(bookRowFacts(POSITION, TODAY + 30, 6000).pnlNow).toBeCloseTo(maxProfit(IC), 9);
    expect(bookRowFacts(POSITION, TODAY + 30, 5000).pnlNow).toBeCloseTo(-maxLoss(IC), 9);
    expect(bookRowFacts(POSITION, TODAY + 30, 5850).pnlNow).toBeCloseTo(
      payoffAtExpiry(IC, 5850),
      9
    );
  });

  it("prices the condor at the model before expiry: credit less the cost to close", () => {
    const price = (type: "put" | "call", strike: number) =>
      bsmPrice({ type, spot: 6000, strike, dte: 30, vol: 0.16 });
    const close =
      price("put", 5900) - price("put", 5800) + price("call", 6100) - price("call", 6200);
    const pnl = bookRowFacts(POSITION, TODAY, 6000).pnlNow as number;
    expect(pnl).toBeCloseTo((20 - close) * 100 * 2, 9);
    // Between the two extremes, and below the full credit with 30 days left.
    expect(pnl).toBeLessThan(maxProfit(IC));
    expect(pnl).toBeGreaterThan(-maxLoss(IC));
  });
});
