/**
 * Issue 18 in the real pane (standalone, headless Chromium): Spot, VIX, VIX future and Held are
 * remembered across a reload, and a de-DE browser types and reads numbers with a decimal comma.
 * Figures for the condor 5800/5900/6100/6200, credit 20, 2 lots, VIX 18 as in browser.test.ts:
 * break-evens 5880 and 6120, max loss $16,000, EDR 18/√252 = 1.134 %.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { field, fillFields, paneSessions } from "../support/browser";
import { isoDaysFromNow } from "../support/dates";

const panes = paneSessions();

/** Types a value and leaves the field, which commits it (the "change" the pane saves on). */
async function enter(page: Page, label: string, value: string): Promise<void> {
  await field(page, label).fill(value);
  await field(page, label).blur();
}

async function stored(page: Page): Promise<unknown> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("alvh.market") ?? "null"));
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector("body[data-ready='true']", { timeout: 15_000 });
}

const summary = (page: Page, key: string) => page.locator(`[data-summary="${key}"]`);

describe("market inputs remembered", () => {
  it("brings Spot, VIX, VIX future and Held back after a reload", async () => {
    const { page } = await panes.open();
    await enter(page, "Spot", "6,000.5");
    await enter(page, "VIX", "18.5");
    await enter(page, "VIX future", "19.25");
    await enter(page, "Held", "2");
    await expect
      .poll(() => stored(page))
      .toEqual({ spot: 6000.5, vix: 18.5, vixFuture: 19.25, held: 2 });

    // A value that does not validate is not saved: the last good one stays.
    await enter(page, "VIX", "abc");
    await enter(page, "Held", "1.5");
    await enter(page, "VIX future", "");
    await expect.poll(() => stored(page)).toEqual({ spot: 6000.5, vix: 18.5, held: 2 });

    await reload(page);
    expect(await field(page, "Spot").inputValue()).toBe("6000.5");
    expect(await field(page, "VIX").inputValue()).toBe("18.5");
    expect(await field(page, "VIX future").inputValue()).toBe("");
    expect(await field(page, "Held").inputValue()).toBe("2");
    await expect.poll(() => summary(page, "edr").textContent()).toBe("1.165 %");
  });
});

describe("numbers in the browser's locale", () => {
  it("reads 6100,5 and shows the summary with a decimal comma in de-DE", async () => {
    const { page } = await panes.open({ locale: "de-DE" });
    // The settings' defaults are shown as de-DE writes them, and read back without an error.
    expect(await field(page, "Threshold").inputValue()).toBe("0,9");
    expect(await field(page, "Cap").inputValue()).toBe("0,6");
    const condor: Record<string, string> = {
      Label: "SPX 5900/6100",
      Expiry: isoDaysFromNow(30),
      "Long put": "5.800",
      "Short put": "5 900",
      "Short call": "6100",
      "Long call": "6.200",
      Credit: "20",
      Contracts: "2",
      "Implied vol": "16 %",
      VIX: "18",
    };
    await fillFields(page, condor);
    await field(page, "Spot").pressSequentially("6100,5");
    await field(page, "Spot").blur();
    await expect.poll(() => summary(page, "breakEvens").textContent()).toBe("5.880,00 – 6.120,00");
    expect(await summary(page, "maxLoss").textContent()).toBe("$16.000,00");
    expect(await summary(page, "edr").textContent()).toBe("1,134 %");
    expect(await page.locator("#f-spot-error").isHidden()).toBe(true);
    expect(await page.locator("[aria-invalid='true']").count()).toBe(0);
    await expect.poll(() => stored(page)).toMatchObject({ spot: 6100.5, vix: 18 });

    // en-US text is refused, naming the field and the format this locale expects.
    await enter(page, "Spot", "6100.5");
    expect(await page.locator("#f-spot-error").textContent()).toBe(
      'Spot must be a number (got "6100.5"); write numbers with a decimal comma, as 6.100,5 or 6100,5'
    );
    expect(await summary(page, "contracts").textContent()).toBe("—");
    await enter(page, "Spot", "6.100,5");
    expect(await page.locator("#f-spot-error").isHidden()).toBe(true);
    // The hints show their examples in the locale's format too.
    await expect(page.locator("#f-impliedVol-hint").textContent()).resolves.toBe("0,16 or 16 %");
    // The risk view writes its figures, grid and axes the same way.
    await page.locator('[data-risk="pnlNow"]').waitFor();
    expect(await page.locator('[data-risk="pnlNow"]').textContent()).toMatch(
      /^-?\$\d{1,3}(\.\d{3})*$/
    );
    expect(await page.locator('[data-risk="dte"]').textContent()).toMatch(/^\d+,\d$/);
    expect(await page.locator("#risk-vix-value").textContent()).toBe("0,0");
    const grid = await page.locator("#risk-grid td").allTextContents();
    expect(grid.length).toBeGreaterThan(0);
    for (const cell of grid) expect(cell).toMatch(/^-?\$\d{1,3}(\.\d{3})*$/);
    expect(await page.locator("#risk-grid th[data-spx-move]").first().textContent()).toMatch(
      /^-\d+,\d%$/
    );

    await reload(page);
    expect(await field(page, "Spot").inputValue()).toBe("6100,5");
    expect(await field(page, "VIX").inputValue()).toBe("18");
  });
});
