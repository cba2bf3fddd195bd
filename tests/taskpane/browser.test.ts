/**
 * The standalone task pane in a real browser (Debian's Chromium, headless), served from dist/ with
 * office.js answered from node_modules in place of Microsoft's CDN. Every test fails on a request
 * to another origin, an uncaught page error or a Content-Security-Policy violation.
 *
 * Expected figures are worked by hand from SPEC §3 for the condor 5800/5900/6100/6200, credit 20,
 * 2 contracts, VIX 18, default settings:
 *   break-evens 5900 − 20 = 5880 and 6100 + 20 = 6120; max profit 20·100·2 = $4,000;
 *   max loss (100 − 20)·100·2 = $16,000; EDR 18/√252 = 1.13389… %; layers ⌊(1.1339 − 0.90)/0.05⌋ + 1 = 5;
 *   coverage min(5·0.25, 0.60) = 60 %; exposure 16,000/10 = $1,600 per VIX point;
 *   contracts 0.6·1600/(1·1·1000) = 0.96 → 1 VIX future (rounded up); ⌈0.60/0.25⌉ = 3 layer rows.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { field, paneSessions, type PaneOptions, type PaneSession } from "../support/browser";
import { recalculate } from "../support/libreoffice";
import { readXlsx, sheetNamed } from "../workbook/xlsx/read";
import { sameValue } from "../workbook/xlsx/support";
import { isoDaysFromNow } from "../support/dates";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "tests/.artifacts");
const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

const panes = paneSessions();
let session: PaneSession | undefined;

async function open(options: PaneOptions = {}): Promise<Page> {
  session = await panes.open(options);
  return session.page;
}

const CONDOR: Record<string, string> = {
  Label: "SPX 5900/6100",
  Expiry: isoDaysFromNow(30),
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

async function fillCondor(page: Page, values: Record<string, string> = CONDOR): Promise<void> {
  for (const [label, value] of Object.entries(values)) await field(page, label).fill(value);
}

const summary = (page: Page, key: string) => page.locator(`[data-summary="${key}"]`);

async function storedBook(page: Page): Promise<unknown[][]> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("alvh.book") ?? "[]"));
}

/** The value shown in column B beside a label in column A of the preview's schedule grid. */
async function figure(page: Page, label: string): Promise<string> {
  return page.evaluate((wanted) => {
    const cells = [...document.querySelectorAll<HTMLElement>("#panel-schedule td[data-cell]")];
    const a = cells.find((td) => /^A\d+$/.test(td.dataset.cell ?? "") && td.textContent === wanted);
    const b = a && cells.find((td) => td.dataset.cell === `B${a.dataset.cell?.slice(1)}`);
    return b?.textContent ?? `no figure labelled ${wanted}`;
  }, label);
}

async function axeSerious(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (context) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown
          ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(context ?? document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
  }, selector);
}

describe("standalone task pane in Chromium", () => {
  it("runs standalone when office.js reports no host, with the form's exact labels", async () => {
    const page = await open();
    expect(await page.getAttribute("body", "data-mode")).toBe("standalone");
    for (const label of [
      ...Object.keys(CONDOR),
      "VIX future",
      "Held",
      "Threshold",
      "Step",
      "Coverage per layer",
      "Cap",
      "Hedge instrument",
      "Beta",
      "Kappa (κ)",
      "Long-run VIX (θV)",
      "Extra closures",
      "VIX rise at max loss",
      "Rounding",
    ]) {
      await expect(field(page, label).count(), label).resolves.toBe(1);
    }
    for (const name of ["Save position", "Write schedule", "Download workbook"]) {
      await expect(page.getByRole("button", { name, exact: true }).isVisible(), name).resolves.toBe(
        true
      );
    }
    // Defaults from SPEC §3.4 (θ, s, c, cap) and the settings module (instrument, rounding).
    expect(await field(page, "Threshold").inputValue()).toBe("0.9");
    expect(await field(page, "Step").inputValue()).toBe("0.05");
    expect(await field(page, "Coverage per layer").inputValue()).toBe("0.25");
    expect(await field(page, "Cap").inputValue()).toBe("0.6");
    expect(await field(page, "Hedge instrument").inputValue()).toBe("future");
    // SPEC §3.7: beta empty (e^(−κτ) of the hedge month), κ 5.9 and θV 19.4 from Cboe's VIX.
    expect(await field(page, "Beta").inputValue()).toBe("");
    expect(await field(page, "Kappa (κ)").inputValue()).toBe("5.9");
    expect(await field(page, "Long-run VIX (θV)").inputValue()).toBe("19.4");
    expect(await field(page, "Extra closures").inputValue()).toBe("");
    expect(await axeSerious(page)).toEqual([]);
  });

  it("runs standalone at once when office.js cannot be fetched", async () => {
    const page = await open({ officeJs: "block" });
    expect(await page.getAttribute("body", "data-mode")).toBe("standalone");
    expect(await page.textContent("#mode")).toContain("office.js is not available");
  });

  it("waits for Excel when Office opened the page, instead of running standalone", async () => {
    // Excel passes its host information in the URL; with no Excel around, office.js never
    // reports ready, and the pane must keep waiting (past its 1.5 s standalone fallback).
    const page = await open({
      query: "_host_Info=Excel$Web$16.01$en-US$$$$0",
      waitForReady: false,
    });
    await page.waitForTimeout(2500);
    expect(await page.getAttribute("body", "data-mode")).toBeNull();
    expect(await page.getAttribute("body", "data-ready")).toBeNull();
    expect(await page.textContent("#mode")).toMatch(/^Starting: waiting for Excel/);
    // office.js itself fails to reach the Excel that is not there ("conversationId" null): its
    // error, not the pane's, and the only one allowed here.
    const officeJsErrors = session!.errors.splice(0);
    expect(
      officeJsErrors.every((e) => /conversationId/.test(e)),
      officeJsErrors.join("; ")
    ).toBe(true);
  });

  it("shows the live summary while the trader types", async () => {
    const page = await open();
    await fillCondor(page);
    // Beta 1 keeps the hand-worked 0.960 exact contracts (SPEC §3.5); one contract would then
    // hedge 62.5 % of the exposure, above the 60 % cap, so the pane holds 0 and says why.
    await page.getByText("Settings", { exact: true }).click();
    await field(page, "Beta").fill("1");
    await expect(summary(page, "breakEvens").textContent()).resolves.toBe("5,880.00 – 6,120.00");
    await expect(summary(page, "maxProfit").textContent()).resolves.toBe("$4,000.00");
    await expect(summary(page, "maxLoss").textContent()).resolves.toBe("$16,000.00");
    await expect(summary(page, "edr").textContent()).resolves.toBe("1.134 %");
    await expect(summary(page, "layers").textContent()).resolves.toBe("5 (cap reached at 3)");
    await expect(summary(page, "coverage").textContent()).resolves.toBe("60%");
    await expect(summary(page, "contracts").textContent()).resolves.toBe(
      "0 VIX futures (0.960 exact), coverage held 0%: one contract would hedge 63 % of the exposure, above the 60 % cap"
    );
    // VIX 14 gives EDR 0.882 %, below the threshold: no layer, no coverage, no contracts.
    await field(page, "VIX").fill("14");
    await expect(summary(page, "layers").textContent()).resolves.toBe("0");
    await expect(summary(page, "contracts").textContent()).resolves.toBe(
      "0 VIX futures (0.000 exact), coverage held 0%"
    );
  });

  it("rejects each bad input beside its field and writes nothing", async () => {
    const page = await open();
    await fillCondor(page);
    const cases: [string, string, string][] = [
      ["Long put", "", "Long put must be a number (got an empty value)"],
      ["Short put", "abc", 'Short put must be a number (got "abc")'],
      ["Credit", "-5", "Credit must be above 0 (got -5)"],
      ["Short call", "5800", "Short call 5800 must be above short put 5900"],
      ["Credit", "100", "Credit 100 is at or above the wider wing 100"],
      ["Implied vol", "16", "Implied vol 16 looks like a percentage: enter 0.16 for 16 %"],
      ["Expiry", "2020-01-17", "Expiry 2020-01-17 is in the past"],
      ["Label", "x".repeat(10_000), "Label is 10000 characters long: keep it to 100 or fewer"],
    ];
    for (const [label, bad, message] of cases) {
      await field(page, label).fill(bad);
      for (const button of ["Save position", "Write schedule", "Download workbook"]) {
        await page.getByRole("button", { name: button, exact: true }).click();
        const control = field(page, label);
        const errorId = (await control.getAttribute("aria-describedby"))?.split(" ").pop();
        await expect(
          page.locator(`#${errorId}`).textContent(),
          `${label}=${bad.slice(0, 12)}`
        ).resolves.toContain(message);
        await expect(control.getAttribute("aria-invalid")).resolves.toBe("true");
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
          await control.getAttribute("id")
        );
        await expect(page.textContent("#status")).resolves.toMatch(/^Nothing was written/);
      }
      expect(await storedBook(page), `${label}: book`).toEqual([]);
      expect(await page.isHidden("#preview"), `${label}: preview`).toBe(true);
      await field(page, label).fill(CONDOR[label]);
    }
    expect(await axeSerious(page)).toEqual([]);
  });

  it("validates only what an action needs, and counts the messages it shows (issue 18)", async () => {
    const page = await open();
    const invalid = () => page.locator('[aria-invalid="true"]');
    const shown = () => page.locator(".error:not([hidden]), #general-errors li");
    // A save needs the position, not the market: Spot and VIX stay as they are.
    await fillCondor(
      page,
      Object.fromEntries(Object.entries(CONDOR).filter(([k]) => k !== "Spot" && k !== "VIX"))
    );
    await page.getByRole("button", { name: "Save position" }).click();
    await expect(page.textContent("#status")).resolves.toBe(`Saved "${CONDOR.Label}".`);
    await expect(invalid().count()).resolves.toBe(0);
    // The whole book needs the market and settings: the empty position fields stay quiet.
    await page.getByRole("button", { name: "New position" }).click();
    await field(page, "Spot").fill(CONDOR.Spot);
    await field(page, "VIX").fill(CONDOR.VIX);
    await page.selectOption("#scope", "book");
    await page.getByRole("button", { name: "Write schedule" }).click();
    await expect(page.textContent("#status")).resolves.toMatch(/^Schedule written/);
    await expect(invalid().count()).resolves.toBe(0);
    // "N inputs need fixing" says as many as the messages shown.
    await page.selectOption("#scope", "position");
    await fillCondor(page, { ...CONDOR, "Long put": "x", Contracts: "two", VIX: "abc", Spot: "" });
    await page.getByRole("button", { name: "Write schedule" }).click();
    const status = (await page.textContent("#status")) ?? "";
    const count = Number(/(\d+) inputs? needs? fixing/.exec(status)?.[1]);
    expect(count).toBe(await shown().count());
    expect(count).toBe(4);
    // Vol typed in percent is read as the fraction.
    await fillCondor(page, { ...CONDOR, "Implied vol": "16 %" });
    await expect(page.locator("#f-impliedVol-error").isHidden()).resolves.toBe(true);
  });

  it("offers an example on first run and puts the action first (issue 18)", async () => {
    const page = await open();
    // The example: SPX 6000, 5850/5900/6100/6150, credit 15, 5 lots, VIX 15. Max loss
    // (50 − 15)·100·5 = $17,500, exposure $1,750 per VIX point; EDR 15/√252 = 0.9449 %: 1 layer,
    // coverage 25 %, 0.25·1750/1000 = 0.4375 → 1 VIX future; layer 2 at 0.95 % → VIX 15.0808.
    await page.getByRole("button", { name: "Load example", exact: true }).click();
    await expect(field(page, "Long put").inputValue()).resolves.toBe("5850");
    await expect(field(page, "Long call").inputValue()).resolves.toBe("6150");
    await expect(field(page, "Credit").inputValue()).resolves.toBe("15");
    await expect(field(page, "Contracts").inputValue()).resolves.toBe("5");
    await expect(summary(page, "maxLoss").textContent()).resolves.toBe("$17,500.00");
    const action = page.locator("#action li");
    await expect(action.nth(0).textContent()).resolves.toMatch(
      /^Hold 1 VIX [A-Z][a-z]{2}-\d\d future \(VX[FGHJKMNQUVXZ]\d\) — buy 1$/
    );
    await expect(action.nth(1).textContent()).resolves.toBe("next layer at VIX 15.09");
    await field(page, "Held").fill("1");
    await expect(action.nth(0).textContent()).resolves.toMatch(/— nothing to trade$/);
    await field(page, "Held").fill("3");
    await expect(action.nth(0).textContent()).resolves.toMatch(/— sell 2$/);
    await field(page, "Held").fill("1.5");
    await field(page, "Held").press("Tab");
    await expect(page.locator("#f-held-error").textContent()).resolves.toBe(
      "Held must be a whole number of contracts, 0 or more (got 1.5)"
    );
    await expect(action.count()).resolves.toBe(0);
    // Once the book has a position, the example is no longer offered.
    await field(page, "Held").fill("");
    await page.getByRole("button", { name: "Save position" }).click();
    await expect(page.getByRole("button", { name: "Load example" }).isVisible()).resolves.toBe(
      false
    );
    expect(await axeSerious(page)).toEqual([]);
  });

  it("updates a position saved twice under the same label instead of duplicating it", async () => {
    const page = await open();
    await fillCondor(page);
    await page.getByRole("button", { name: "Save position" }).click();
    await expect(page.textContent("#status")).resolves.toBe(`Saved "${CONDOR.Label}".`);
    await field(page, "Credit").fill("22.5");
    await field(page, "Label").fill(CONDOR.Label.toLowerCase());
    await page.getByRole("button", { name: "Save position" }).click();
    await expect(page.textContent("#status")).resolves.toBe(
      `Updated "${CONDOR.Label.toLowerCase()}".`
    );
    const book = await storedBook(page);
    expect(book).toHaveLength(1);
    expect(book[0][6]).toBe(22.5);
    // Entered today (the exchange's date, New York), kept by the update, as are notes the form
    // has no field for.
    const [y, m, d] = new Date()
      .toLocaleDateString("en-CA", { timeZone: "America/New_York" })
      .split("-")
      .map(Number);
    const today = Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
    expect(book[0][8]).toBe(today);
    await page.evaluate(() => {
      const rows = JSON.parse(localStorage.getItem("alvh.book")!);
      rows[0][10] = "rolled from Jan";
      localStorage.setItem("alvh.book", JSON.stringify(rows));
    });
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    // A label is a position's identity: the saved one is loaded from the book to be changed.
    await page.getByRole("button", { name: CONDOR.Label.toLowerCase(), exact: true }).click();
    await fillCondor(page);
    await page.getByRole("button", { name: "Save position" }).click();
    await expect(page.textContent("#status")).resolves.toBe(`Updated "${CONDOR.Label}".`);
    expect((await storedBook(page))[0].slice(6)).toEqual([20, 2, today, 0.16, "rolled from Jan"]);
    await expect(page.locator("#book-list li").count()).resolves.toBe(1);
    // Deleting empties the book.
    await page.getByRole("button", { name: `Delete ${CONDOR.Label.toLowerCase()}` }).click();
    await expect(page.locator("#book-list li").count()).resolves.toBe(0);
    expect(await storedBook(page)).toEqual([]);
  });

  it("keeps a valid settings change as soon as it is committed, and never a bad one", async () => {
    const page = await open();
    await page.getByText("Settings", { exact: true }).click();
    await field(page, "Cap").fill("0.5");
    await field(page, "Cap").press("Tab");
    await page.waitForFunction(
      () => document.querySelector("#status")?.textContent === "Settings saved."
    );
    await field(page, "Cap").fill("50");
    await field(page, "Cap").press("Tab");
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    await expect(field(page, "Cap").inputValue()).resolves.toBe("0.5");
  });

  it("writes the whole saved book with the position fields left empty", async () => {
    const page = await open();
    await fillCondor(page);
    await page.getByRole("button", { name: "Save position" }).click();
    await page.getByRole("button", { name: "New position" }).click();
    await fillCondor(page, { ...CONDOR, Label: "SPX wide", "Long put": "5700", Contracts: "1" });
    await page.getByRole("button", { name: "Save position" }).click();
    await expect(page.locator("#book-list li").count()).resolves.toBe(2);
    // "New position" clears the condor but keeps the market; the book alone is written.
    await page.getByRole("button", { name: "New position" }).click();
    await expect(field(page, "Label").inputValue()).resolves.toBe("");
    await field(page, "Spot").fill(CONDOR.Spot);
    await field(page, "VIX").fill(CONDOR.VIX);
    await page.selectOption("#scope", "book");
    await page.getByRole("button", { name: "Write schedule" }).click();
    await expect(page.textContent("#status")).resolves.toMatch(/^Schedule written/);
    const preview = (await page.textContent("#preview")) ?? "";
    expect(preview).toContain(CONDOR.Label);
    expect(preview).toContain("SPX wide");
    // A half-typed condor is not silently ignored: it must be completed first.
    await field(page, "Long put").fill("5800");
    await page.getByRole("button", { name: "Write schedule" }).click();
    await expect(page.textContent("#status")).resolves.toMatch(/^Nothing was written/);
  });

  it("writes the schedule into the preview: sheets, computed figures, active layers, charts", async () => {
    const page = await open();
    await fillCondor(page);
    await field(page, "VIX future").fill("19.35");
    await page.getByRole("button", { name: "Write schedule" }).click();
    await page.waitForSelector("#preview:not([hidden])");
    const tabs = page.getByRole("tab");
    await expect(tabs.allTextContents()).resolves.toEqual(["ALVH Schedule", "ALVH Positions"]);
    expect(await figure(page, "Lower break-even")).toBe("5,880.00");
    expect(await figure(page, "Upper break-even")).toBe("6,120.00");
    expect(await figure(page, "Max loss")).toBe("$16,000.00");
    expect(await figure(page, "EDR")).toBe("1.134");
    expect(await figure(page, "Active layers")).toBe("5");
    expect(await figure(page, "Coverage")).toBe("60%");
    // Beta e^(−κτ) of the hedge month (SPEC §3.7) sizes 0.96 / β exact contracts, held at the cap.
    expect(await figure(page, "Hedge contracts now (whole)")).toBe("2");
    expect(await figure(page, "Active layers, against the schedule")).toBe("5 (cap reached at 3)");
    expect(await figure(page, "VIX future")).toBe("19.35");
    // Three layer rows (⌈0.60/0.25⌉), all active at 5 layers, so the conditional format lights all.
    const layerRows = page.locator("#panel-schedule tr", {
      has: page.locator("td", { hasText: /^(active|next)$/ }),
    });
    await expect(layerRows.count()).resolves.toBe(3);
    await expect(layerRows.locator("td.hl").count()).resolves.toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      await expect(layerRows.nth(i).locator("td").first().getAttribute("class")).resolves.toContain(
        "hl"
      );
    }
    // The Scenarios grids, heat-mapped as the sheet's colour scale: losses red, 0 white.
    await expect(
      page.locator("#panel-schedule td", { hasText: /^Scenarios: / }).count()
    ).resolves.toBe(1);
    const fills = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("#panel-schedule td[data-cell]")]
        .map((td) => td.style.backgroundColor)
        .filter(Boolean)
    );
    expect(fills).toHaveLength(3 * 9 * 7);
    expect(fills).toContain("rgb(248, 105, 107)");
    // This condor's cap allows no whole future (0.96 of one): its hedge grid is all 0, white.
    expect(fills).toContain("rgb(255, 255, 255)");
    const charts = page.locator("#panel-schedule svg[role=img]");
    await expect(charts.count()).resolves.toBe(2);
    await expect(charts.nth(0).locator("title").textContent()).resolves.toBe(
      `Payoff at expiry: ${CONDOR.Label}`
    );
    await expect(charts.nth(1).locator("title").textContent()).resolves.toBe("Coverage by EDR");
    await expect(charts.nth(0).locator("polyline").count()).resolves.toBeGreaterThan(0);
    // Tabs work by keyboard: the arrow key moves to the positions sheet.
    await tabs.first().focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.isVisible("#panel-positions")).resolves.toBe(true);
    await expect(
      page.locator("#panel-positions td", { hasText: CONDOR.Label }).count()
    ).resolves.toBe(1);
    expect(await axeSerious(page, "#preview")).toEqual([]);
  });

  it("puts the preview beside a pane-wide form in a desktop browser window", async () => {
    const page = await open({ width: 1280 });
    await fillCondor(page);
    await page.getByRole("button", { name: "Write schedule" }).click();
    await page.waitForSelector("#preview:not([hidden])");
    const form = (await page.locator("#position-form").boundingBox())!;
    const preview = (await page.locator("#preview").boundingBox())!;
    expect(form.width).toBeLessThanOrEqual(420);
    expect(preview.x).toBeGreaterThanOrEqual(form.x + form.width);
    expect(preview.y).toBeLessThan(form.y + form.height);
    const charts = await page
      .locator("#panel-schedule svg[role=img]")
      .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().top));
    expect(charts).toHaveLength(2);
    expect(charts[0]).toBe(charts[1]);
  });

  it("downloads the workbook as an .xlsx with the schedule's names and formulas", async () => {
    const page = await open();
    await fillCondor(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ALVH-schedule-SPX-5900-6100.xlsx");
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, "standalone-download.xlsx");
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const workbook = await zip.file("xl/workbook.xml")?.async("string");
    expect(workbook).toContain('name="ALVH_EDR"');
    expect(workbook).toMatch(/<sheet [^>]*name="ALVH Schedule"/);
    await expect(page.textContent("#status")).resolves.toBe(
      "Downloaded ALVH-schedule-SPX-5900-6100.xlsx."
    );

    // The very file the browser produced, recalculated by LibreOffice from its formulas: every
    // formula must come back to the value the engine cached in it.
    const downloaded = new Uint8Array(readFileSync(file));
    const { recalculated } = await recalculate({ recalculated: downloaded });
    const before = await readXlsx(downloaded);
    const after = await readXlsx(recalculated);
    const mismatches: string[] = [];
    let checked = 0;
    for (const sheet of before.sheets) {
      const again = sheetNamed(after, sheet.name);
      for (const [address, cell] of sheet.cells) {
        if (!cell.formula || typeof cell.value === "boolean" || cell.value === null) continue;
        checked++;
        if (!sameValue(again.cells.get(address), cell.value)) {
          const got = again.cells.get(address)?.value;
          mismatches.push(
            `${sheet.name}!${address} =${cell.formula}: ${String(got)} vs ${cell.value}`
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  }, 120_000);

  it("works by keyboard alone, with a visible focus ring", async () => {
    const page = await open();
    const focusRing = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          id: el.id || el.textContent,
          outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
        };
      });
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-label");
    await page.keyboard.type(CONDOR.Label);
    const ring = await focusRing();
    expect(ring.outline).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-expiry");
    const [y, m, d] = CONDOR.Expiry.split("-");
    await page.keyboard.type(`${m}${d}${y}`);
    await expect(field(page, "Expiry").inputValue()).resolves.toBe(CONDOR.Expiry);
    // Chromium's date input may keep focus on its own calendar button for one more Tab.
    for (
      let i = 0;
      i < 2 && (await page.evaluate(() => document.activeElement?.id)) === "f-expiry";
      i++
    ) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Shift+Tab");
    for (const label of [
      "Long put",
      "Short put",
      "Short call",
      "Long call",
      "Credit",
      "Contracts",
      "Implied vol",
      "Spot",
      "VIX",
    ]) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => document.activeElement?.id);
      expect(id, `Tab to ${label}`).toBe(await field(page, label).getAttribute("id"));
      await page.keyboard.press("Control+A");
      await page.keyboard.type(CONDOR[label]);
    }
    // The optional VIX future and Held stay empty; the settings open with Enter on their summary, and
    // their fields are next in the Tab order.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-vixFuture");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-held");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getAttribute("#settings", "open")).resolves.toBe("");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-threshold");
    // Enter in a field submits the form: Save position.
    await page.keyboard.press("Enter");
    await expect(page.textContent("#status")).resolves.toBe(`Saved "${CONDOR.Label}".`);
    await page.focus("#scope");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      "Write schedule"
    );
    expect((await focusRing()).width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#preview:not([hidden])");
    expect(await figure(page, "Active layers")).toBe("5");
    expect(await axeSerious(page)).toEqual([]);
  });
});
