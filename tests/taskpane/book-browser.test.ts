/**
 * Issue 18 in the standalone pane: the book list shows each saved position's strikes, expiry,
 * days left, contracts and P&L now, following the form's spot.
 */
import { describe, expect, it } from "vitest";
import { serialFromYmd } from "../../src/core";
import { bookRowFacts } from "../../src/taskpane/book-row";
import type { Position } from "../../src/workbook/model";
import { exchangeSerialFromDate } from "../../src/workbook/time";
import { field, fillFields, paneSessions } from "../support/browser";
import { isoDaysFromNow } from "../support/dates";

const panes = paneSessions();

const CONDOR: Record<string, string> = {
  Label: "SPX Book",
  Expiry: isoDaysFromNow(30),
  "Long put": "5800",
  "Short put": "5900",
  "Short call": "6100",
  "Long call": "6200",
  Credit: "20",
  Contracts: "10",
  "Implied vol": "0.16",
  Spot: "6000",
  VIX: "15",
};

const dollars = (x: number): string =>
  (x < 0 ? "-$" : "$") + Math.round(Math.abs(x)).toLocaleString("en-US");

describe("the pane's book list (issue 18)", () => {
  it("lists a saved position with its strikes, expiry, days left, contracts and P&L now", async () => {
    const { page } = await panes.open();
    await fillFields(page, CONDOR);
    await page.getByRole("button", { name: "Save position" }).click();
    await page.waitForSelector("#position-form:not([aria-busy])");
    const stored: unknown[][] = await page.evaluate(() =>
      JSON.parse(localStorage.getItem("alvh.book") ?? "[]")
    );
    const [label, expiry, longPut, shortPut, shortCall, longCall, credit, contracts] = stored[0];
    const position: Position = {
      label: label as string,
      expiry: expiry as number,
      longPut: longPut as number,
      shortPut: shortPut as number,
      shortCall: shortCall as number,
      longCall: longCall as number,
      credit: credit as number,
      contracts: contracts as number,
      entryDate: null,
      impliedVol: 0.16,
      notes: "",
    };
    const [y, m, d] = CONDOR.Expiry.split("-").map(Number);
    expect(Math.floor(position.expiry)).toBe(serialFromYmd(y, m, d));
    const today = exchangeSerialFromDate(new Date());
    const daysLeft = serialFromYmd(y, m, d) - Math.floor(today);
    const facts = page.locator('#book-list [data-facts="SPX Book"]');
    const pnlAt = (spot: number) => bookRowFacts(position, today, spot).pnlNow as number;
    await expect(facts.textContent()).resolves.toBe(
      `5800/5900/6100/6200 · exp ${CONDOR.Expiry}, ${daysLeft} days left · 10 contracts · P&L now ${dollars(pnlAt(6000))}`
    );
    // Below the full credit with days left, above the max loss.
    expect(pnlAt(6000)).toBeLessThan(20 * 100 * 10);
    expect(pnlAt(6000)).toBeGreaterThan(-80 * 100 * 10);
    // The P&L follows the form's spot, and waits for one.
    await field(page, "Spot").fill("5850");
    await expect(facts.textContent()).resolves.toMatch(
      new RegExp(`P&L now ${dollars(pnlAt(5850)).replace("$", "\\$")}$`)
    );
    expect(pnlAt(5850)).toBeLessThan(pnlAt(6000));
    await field(page, "Spot").fill("");
    await expect(facts.textContent()).resolves.toMatch(/P&L now — \(needs Spot\)$/);
  });
});
