/**
 * Issue 17 in the real standalone page (headless Chromium): the trader pastes a column of VIX
 * closes, the summary shows today's RSI(14) and MACD beside the EDR, the closes are remembered,
 * a bad entry is named, and the written schedule gets its "Signals" section.
 */
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { field, paneSessions, type PaneSession } from "../support/browser";

vi.setConfig({ testTimeout: 90_000 });
const panes = paneSessions();
let session: PaneSession | undefined;

/** 15 closes, 14 changes: four falls of 1, then ten rises of 1 — RSI(14) 100 − 100/3.5 = 71.43. */
const COLUMN = "20\n19\n18\n17\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n";

const signalsLine = (page: Page) => page.locator('[data-summary="vixSignals"]');

async function pasteCloses(page: Page, text: string): Promise<void> {
  const box = page.locator("#vix-closes-box");
  if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await page.getByText("VIX closes for the signals").click();
  }
  await field(page, "VIX closes (oldest first)").fill(text);
}

describe("VIX signals in the standalone pane", () => {
  it("shows RSI and MACD of pasted closes beside the EDR, and remembers them", async () => {
    session = await panes.open();
    const { page } = session;
    await field(page, "VIX").fill("18");
    await expect(signalsLine(page).count()).resolves.toBe(0);

    await pasteCloses(page, COLUMN);
    await expect(signalsLine(page).textContent()).resolves.toBe(
      "RSI(14) 71.4 — above 70; MACD needs 34 closes (got 15)"
    );
    // Right after the EDR.
    const keys = await page.$$eval("#summary-list dd", (dds) =>
      dds.map((d) => d.getAttribute("data-summary"))
    );
    expect(keys[keys.indexOf("edr") + 1]).toBe("vixSignals");

    await page.reload();
    await page.waitForSelector("body[data-ready]");
    await expect(field(page, "VIX closes (oldest first)").inputValue()).resolves.toBe(COLUMN);
    await expect(signalsLine(page).textContent()).resolves.toMatch(/^RSI\(14\) 71\.4/);
  });

  it("names a bad entry and the fix, and shows no signals for it", async () => {
    session = await panes.open();
    const { page } = session;
    await pasteCloses(page, "VIX\n18.5\n19");
    const area = field(page, "VIX closes (oldest first)");
    await expect(area.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#vix-closes-error").textContent()).resolves.toMatch(
      /^VIX close 1 \("VIX"\) must be a number above 0: paste the closes alone/
    );
    await expect(signalsLine(page).count()).resolves.toBe(0);
    await pasteCloses(page, "18.5; 19, 20");
    await expect(area.getAttribute("aria-invalid")).resolves.toBeNull();
    await expect(page.locator("#vix-closes-error").isHidden()).resolves.toBe(true);
    await expect(signalsLine(page).textContent()).resolves.toBe(
      "RSI(14) needs 15 closes (got 3); MACD needs 34 closes (got 3)"
    );
  });

  it("writes the Signals section into the schedule", async () => {
    session = await panes.open();
    const { page } = session;
    const expiry = new Date(Date.now() + 40 * 86400000).toISOString().slice(0, 10);
    const values: Record<string, string> = {
      Label: "SPX",
      Expiry: expiry,
      "Long put": "5800",
      "Short put": "5900",
      "Short call": "6100",
      "Long call": "6200",
      Credit: "20",
      Contracts: "2",
      "Implied vol": "0.16",
      Spot: "6000",
      VIX: "18",
    };
    for (const [label, value] of Object.entries(values)) await field(page, label).fill(value);
    await pasteCloses(page, COLUMN);
    await page.getByRole("button", { name: "Save position" }).click();
    await page.waitForSelector("#position-form:not([aria-busy])");
    await page.getByRole("button", { name: "Write schedule" }).click();
    await page.waitForSelector("#position-form:not([aria-busy])");
    const preview = page.locator("#preview");
    await expect(preview.isVisible()).resolves.toBe(true);
    await expect(
      preview.getByText("Signals of VIX (computed at the time above)").count()
    ).resolves.toBe(1);
    await expect(preview.getByText("RSI(14)", { exact: true }).count()).resolves.toBe(1);
  });
});
