/**
 * Issue 17 in the pane: after a replay, "Compare MACD gate" shows ALVH's plain rule beside the
 * MACD-gated one (max drawdown, total P&L, days hedged), each figure the engine's
 * `replayGateComparison` over the same history and settings.
 */
import { describe, expect, it } from "vitest";
import { isoFromSerial, replay, replayGateComparison, replayParams } from "../../src/core";
import { field, paneSessions } from "../support/browser";
import { syntheticHistory } from "../support/synthetic-history";

/** Six years of business days with a crash and a calm stretch in each three. */
const ROWS = 1512;
const history = syntheticHistory(ROWS, 20260117, 756);
const csv = [
  "Date,SPX,VIX",
  ...history.dates.map((d, i) => `${isoFromSerial(d)},${history.spx[i]},${history.vix[i]}`),
].join("\n");
const comparison = replayGateComparison(history);

const dollars = (x: number): string =>
  (x < 0 ? "-$" : "$") + Math.round(Math.abs(x)).toLocaleString("en-US");
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

const panes = paneSessions();

describe("the MACD-gated replay in the pane (issue 17)", () => {
  it("shows plain against gated max drawdown, total P&L and days hedged, as the engine", async () => {
    // The gate changes the outcome on this history, so the two columns can tell them apart.
    expect(comparison.macdGated.daysHedged).not.toBe(comparison.plain.daysHedged);
    // The plain column is the replay's own ALVH.
    expect(comparison.plain).toEqual(replay(history).summary.alvh);

    const { page } = await panes.open({ width: 1400 });
    await page.setInputFiles("#import-history", {
      name: "gate.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.waitForFunction(() =>
      document.querySelector("#replay-status")?.textContent?.startsWith("Imported")
    );
    const gate = page.getByRole("button", { name: "Compare MACD gate" });
    await expect(gate.isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await page.waitForSelector("#replay-results:not([hidden])", { timeout: 30_000 });
    await gate.click();
    await page.waitForSelector("#replay-gate:not([hidden])", { timeout: 30_000 });
    const rows = await page
      .locator("#gate-table tbody tr")
      .evaluateAll((trs) =>
        trs.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? ""))
      );
    const { plain, macdGated } = comparison;
    expect(rows).toEqual([
      ["max drawdown ($)", dollars(plain.maxDrawdown), dollars(macdGated.maxDrawdown)],
      ["total P&L ($)", dollars(plain.totalPnl), dollars(macdGated.totalPnl)],
      ["days hedged", percent(plain.daysHedged), percent(macdGated.daysHedged)],
    ]);
    await expect(page.locator("#gate-table thead th").allTextContents()).resolves.toEqual([
      "metric",
      "plain rule",
      "MACD-gated",
    ]);
  }, 120_000);

  it("reads its fields and writes its tables in the browser's locale (de-DE)", async () => {
    const { page } = await panes.open({ width: 1400, locale: "de-DE" });
    await page.setInputFiles("#import-history", {
      name: "gate.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.waitForFunction(() =>
      document.querySelector("#replay-status")?.textContent?.startsWith("Imported")
    );
    await field(page, "Long-run VIX").fill("21,5");
    await field(page, "Fee per contract ($)").fill("1,25");
    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await page.waitForSelector("#replay-results:not([hidden])", { timeout: 30_000 });
    await page.getByRole("button", { name: "Compare MACD gate" }).click();
    await page.waitForSelector("#replay-gate:not([hidden])", { timeout: 30_000 });
    const { plain, macdGated } = replayGateComparison(
      history,
      replayParams({ longRunVix: 21.5, feePerContract: 1.25 })
    );
    // de-DE groups with "." and writes the decimal with ",".
    const de = (text: string): string => text.replace(/[.,]/g, (c) => (c === "," ? "." : ","));
    const rows = await page
      .locator("#gate-table tbody tr")
      .evaluateAll((trs) =>
        trs.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? ""))
      );
    expect(rows).toEqual([
      ["max drawdown ($)", de(dollars(plain.maxDrawdown)), de(dollars(macdGated.maxDrawdown))],
      ["total P&L ($)", de(dollars(plain.totalPnl)), de(dollars(macdGated.totalPnl))],
      ["days hedged", de(percent(plain.daysHedged)), de(percent(macdGated.daysHedged))],
    ]);
    // en-US text in a de-DE field is refused by name, nothing replayed.
    await field(page, "Long-run VIX").fill("21.5");
    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await expect
      .poll(() => page.locator("#replay-status").textContent())
      .toMatch(/Long-run VIX: "21\.5" is not a number/);
  }, 120_000);
});
