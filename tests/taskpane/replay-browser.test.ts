/**
 * The standalone Replay through the real page in headless Chromium: import a synthetic 30-year
 * history CSV (made here, deterministic), keep it in the browser, replay, read the summary and the
 * limits, preview the "ALVH Replay" sheet with its charts, compare layer spacings, and download
 * the workbook; its Replay sheet read back against the engine and recomputed in LibreOffice.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { isoFromSerial, replay, replaySweep } from "../../src/core";
import { REPLAY_LIMITS } from "../../src/workbook/replay/limits";
import { field, paneSessions, type PaneSession } from "../support/browser";
import { recalculate } from "../support/libreoffice";
import { historyCsv, syntheticHistory } from "../support/synthetic-history";
import { readXlsx, sheetNamed } from "../workbook/xlsx/read";
import { sameValue } from "../workbook/xlsx/support";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "tests/.artifacts");
/** 30 years of business days, with two crashes and two calm stretches. */
const ROWS = 7560;
const history = syntheticHistory(ROWS, 20260101, 3780);
const csv = historyCsv(history);
const engine = replay(history);

const panes = paneSessions();
let session: PaneSession | undefined;

async function importHistory(page: Page): Promise<void> {
  await page.setInputFiles("#import-history", {
    name: "spx-vix-30y.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.waitForFunction(() =>
    document.querySelector("#replay-status")?.textContent?.startsWith("Imported")
  );
}

const dollars = (x: number): string =>
  (x < 0 ? "-$" : "$") + Math.round(Math.abs(x)).toLocaleString("en-US");

describe("Replay in the standalone app", () => {
  it("imports a 30-year CSV, keeps it in the browser, replays, previews and sweeps", async () => {
    session = await panes.open({ width: 1400 });
    const page = session.page;
    await expect(page.textContent("#history-status")).resolves.toContain("none yet");
    await importHistory(page);
    const described = `7,560 rows, ${isoFromSerial(history.dates[0])} to ${isoFromSerial(history.dates[ROWS - 1])}`;
    await expect(page.textContent("#replay-status")).resolves.toBe(
      `Imported ${described} from spx-vix-30y.csv.`
    );
    // Kept in the browser: a reload still knows it.
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    await expect(page.textContent("#history-status")).resolves.toBe(
      `History: ${described} (spx-vix-30y.csv), kept in this browser.`
    );

    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await page.waitForSelector("#replay-results:not([hidden])", { timeout: 30_000 });
    const summary = await page
      .locator("#replay-summary tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? ""))
      );
    expect(summary.map((r) => r[0])).toEqual([
      "cycles",
      "total P&L ($)",
      "hedge P&L ($)",
      "max drawdown ($)",
      "worst cycle ($)",
      "winning cycles",
      "hedge contracts traded",
      "days hedged",
    ]);
    expect(summary[0].slice(1)).toEqual(Array(3).fill(String(engine.summary.alvh.cycles)));
    expect(summary[1].slice(1)).toEqual([
      dollars(engine.summary.unhedged.totalPnl),
      dollars(engine.summary.static.totalPnl),
      dollars(engine.summary.alvh.totalPnl),
    ]);
    expect(summary[3][3]).toBe(dollars(engine.summary.alvh.maxDrawdown));
    const limits = await page.textContent("#replay-limits");
    for (const note of REPLAY_LIMITS) expect(limits).toContain(note);

    // The preview shows the Replay sheet, selected, with its two charts of four curves each
    // (unhedged, static, ALVH and the MACD-gated ALVH).
    await page.waitForSelector("#panel-replay:not([hidden])");
    await expect(page.textContent("#tab-replay")).resolves.toBe("ALVH Replay");
    const curves = await page
      .locator("#panel-replay svg.chart")
      .evaluateAll((charts) => charts.map((c) => c.querySelectorAll("polyline").length));
    expect(curves).toEqual([4, 4]);
    await expect(
      page.getAttribute("#panel-replay [data-more-rows]", "data-more-rows")
    ).resolves.toBe(String(ROWS + 5 - 200));

    // Which layer spacing would have helped: 9 × 9 ALVH replays, as the engine's sweep says.
    await page.getByRole("button", { name: "Compare layer spacings" }).click();
    await page.waitForSelector("#replay-sweep:not([hidden])", { timeout: 30_000 });
    const drawdowns = await page
      .locator("#sweep-drawdown tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent))
      );
    const sweep = replaySweep(history);
    expect(drawdowns).toHaveLength(9);
    expect(drawdowns[4][3]).toBe(
      (sweep.cells[4][3].maxDrawdown / 1000).toLocaleString("en-US", {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      })
    );
    await expect(page.locator("#sweep-pnl td.current").count()).resolves.toBe(1);
  }, 120_000);

  it("downloads the workbook with the Replay sheet, which LibreOffice recomputes", async () => {
    session = await panes.open();
    const page = session.page;
    await importHistory(page);
    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await page.waitForSelector("#replay-results:not([hidden])", { timeout: 30_000 });
    const condor: Record<string, string> = {
      Label: "IC",
      Expiry: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10),
      "Long put": "5800",
      "Short put": "5900",
      "Short call": "6100",
      "Long call": "6200",
      Credit: "20",
      Contracts: "1",
      "Implied vol": "0.16",
      Spot: "6000",
      VIX: "18",
    };
    for (const [label, value] of Object.entries(condor)) await field(page, label).fill(value);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook" }).click(),
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, "standalone-replay.xlsx");
    await download.saveAs(file);
    const bytes = new Uint8Array(readFileSync(file));
    const written = await readXlsx(bytes);
    expect(written.sheets.map((s) => s.name)).toEqual([
      "ALVH Schedule",
      "ALVH Positions",
      "ALVH Replay",
    ]);
    const sheet = sheetNamed(written, "ALVH Replay");
    // Every day is in the file: the first and last dates and the last ALVH equity.
    const last = 5 + ROWS;
    expect(sheet.cells.get("N6")?.value).toBe(history.dates[0]);
    expect(sheet.cells.get(`N${last}`)?.value).toBe(history.dates[ROWS - 1]);
    expect(sheet.cells.get(`X${last}`)?.value).toBeCloseTo(engine.summary.alvh.totalPnl, 6);

    const { recalculated } = await recalculate({ recalculated: bytes });
    const again = sheetNamed(await readXlsx(recalculated), "ALVH Replay");
    const mismatches: string[] = [];
    let checked = 0;
    for (const [address, cell] of sheet.cells) {
      if (!cell.formula || typeof cell.value !== "number") continue;
      checked++;
      if (!sameValue(again.cells.get(address), cell.value)) {
        mismatches.push(
          `${address} =${cell.formula}: ${String(again.cells.get(address)?.value)} vs ${cell.value}`
        );
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Each variant's drawdowns (the MACD-gated ALVH's too), 2 × 3 summary and 2 × 2 gate formulas.
    expect(checked).toBe(4 * ROWS + 6 + 4);
    const maxDrawdown = again.cells.get("D21")?.value;
    expect(
      typeof maxDrawdown === "number" && Math.abs(maxDrawdown - engine.summary.alvh.maxDrawdown)
    ).toBeLessThan(1e-6);
  }, 180_000);
});
