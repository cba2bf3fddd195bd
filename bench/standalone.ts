import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { ReplayHistory } from "../src/core";
import { positionRow, BOOK_KEY } from "../src/hosts/standalone/storage";
import { launchBrowser, openPane, field } from "../tests/support/chromium";
import { serveStatic } from "../tests/support/static-server";
import { historyCsv } from "../tests/support/synthetic-history";
import { makePosition } from "../tests/workbook/helpers";
import { median } from "./measure";
import { benchHistory } from "./replay";

/**
 * The standalone app in headless Chromium, served from dist/ with office.js from the npm copy
 * (as a user without Excel gets it): time to interactive (navigation start to the pane's
 * data-ready mark), from clicking "Write schedule" to the rendered preview of a whole book, and,
 * on an imported history of 8,500 days (bench/replay.ts's), from clicking "Replay" to the summary and the
 * previewed "ALVH Replay" sheet, and from "Compare layer spacings" to its tables (the 9 × 9
 * sweep); and one =ALVH.REPLAY of the functions bundle called in the page, as bench/replay.ts
 * calls it in Node. Wall time in the page: reported, not budgeted.
 */
export interface StandaloneTimings {
  interactiveMs: number;
  previewMs: number;
  positions: number;
  runs: number;
  replayRows: number;
  /** "Replay" clicked → summary and preview shown: the engine's replay, its sheet and preview. */
  replayMs: number;
  /** One =ALVH.REPLAY of dist/functions.js called in the page, best of ENGINE_RUNS. */
  engineReplayMs: number;
  /** "Compare layer spacings" clicked → its tables shown: replaySweep in the page. */
  sweepMs: number;
}

const POSITIONS = 50;
const RUNS = 5;
const ENGINE_RUNS = 10;

export async function standaloneTimings(dist: string): Promise<StandaloneTimings> {
  const history = benchHistory();
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const book = JSON.stringify(
    Array.from({ length: POSITIONS }, (_, i) =>
      positionRow(
        makePosition(`IC ${i + 1}`, { shortPut: 5550 + (i % 20) * 5, contracts: 1 + (i % 3) })
      )
    )
  );
  const interactive: number[] = [];
  const preview: number[] = [];
  const replay: number[] = [];
  const sweep: number[] = [];
  let engineMs = NaN;
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each run: the first load is a cold one, as a new user sees it.
      const pane = await openPane(browser, server.url);
      try {
        const { page } = pane;
        interactive.push(
          await page.evaluate(() => performance.getEntriesByName("alvh-ready")[0].startTime)
        );
        await page.evaluate(([key, value]) => localStorage.setItem(key, value), [BOOK_KEY, book]);
        await page.reload();
        await page.waitForSelector("body[data-ready='true']");
        await field(page, "Spot").fill("5712.5");
        await field(page, "VIX").fill("18");
        await page.selectOption("#scope", "book");
        preview.push(await page.evaluate(timeClick, ["write", "status", "written"] as const));
        const shown = await page.textContent("#preview");
        if (!shown?.includes(`IC ${POSITIONS}`))
          throw new Error(
            `the preview does not show IC ${POSITIONS}: ${await page.textContent("#status")} | ${shown?.slice(0, 600)} | book: ${await page.textContent("#book-list")}`.slice(
              0,
              2000
            )
          );
      } finally {
        await pane.close();
      }
    }
    const pane = await openPane(browser, server.url, { width: 1400 });
    try {
      const { page } = pane;
      await page.setInputFiles("#import-history", {
        name: "history.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(historyCsv(history)),
      });
      await page.waitForFunction(() =>
        document.querySelector("#replay-status")?.textContent?.startsWith("Imported")
      );
      for (let run = 0; run < RUNS; run++) {
        replay.push(
          await page.evaluate(timeClick, ["replay", "replay-status", "replayed"] as const)
        );
        sweep.push(await page.evaluate(timeClick, ["sweep", "replay-status", "compared"] as const));
      }
      const cells = await page.locator("#replay-sweep td").count();
      if (cells < 2 * 81) throw new Error(`the sweep shows ${cells} cells, not 2 × 81`);
      engineMs = await replayInPage(page, dist, history);
    } finally {
      await pane.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    interactiveMs: median(interactive),
    previewMs: median(preview),
    positions: POSITIONS,
    runs: RUNS,
    replayRows: history.dates.length,
    replayMs: median(replay),
    engineReplayMs: engineMs,
    sweepMs: median(sweep),
  };
}

/**
 * Runs in the page: clicks the button `buttonId` and resolves with the ms until the next frame
 * after `statusId` says `done` (a word of its message, any case); rejects on an error status.
 */
function timeClick([buttonId, statusId, done]: readonly [string, string, string]): Promise<number> {
  return new Promise((resolve, reject) => {
    const status = document.getElementById(statusId) as HTMLElement;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const text = status.textContent ?? "";
      if (status.classList.contains("is-error")) {
        observer.disconnect();
        reject(new Error(`${buttonId} failed: ${text}`));
      } else if (text.toLowerCase().includes(done)) {
        observer.disconnect();
        // The next frame is the first one that shows the result.
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    setTimeout(
      () => reject(new Error(`${buttonId}: nothing after 60 s: ${status.textContent ?? ""}`)),
      60_000
    );
    (document.getElementById(buttonId) as HTMLButtonElement).click();
  });
}

/**
 * Evaluates dist/functions.js once more in the page, with a stand-in for Excel's CustomFunctions
 * (the page's own copy registers nothing outside Excel), and times its REPLAY on `history` there:
 * milliseconds of the fastest of ENGINE_RUNS calls. Evaluated over the debugging protocol, so the
 * page's script policy, which forbids inline scripts, does not apply.
 */
async function replayInPage(page: Page, dist: string, history: ReplayHistory): Promise<number> {
  // A string, not a function: the bundler that runs the bench would wrap a function's inner
  // functions in a naming helper that the page does not have.
  await page.evaluate(`{
    const registered = {};
    window.__alvhFunctions = registered;
    window.CustomFunctions = {
      associate: (id, fn) => (registered[id] = fn),
      Error: class extends Error {},
      ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
    };
  }`);
  await page.evaluate(`${readFileSync(path.join(dist, "functions.js"), "utf8")}\n;0`);
  const columns = [history.dates, history.spx, history.vix].map((c) => c.map((v) => [v]));
  return page.evaluate(
    ([[dates, spx, vix], runs]) => {
      type Replay = (...args: unknown[]) => unknown[][];
      const { REPLAY } = (window as unknown as { __alvhFunctions: { REPLAY: Replay } })
        .__alvhFunctions;
      let best = Infinity;
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        const table = REPLAY(dates, spx, vix, null, null, null, null, null);
        best = Math.min(best, performance.now() - start);
        if (typeof table[2][3] !== "number") throw new Error(`REPLAY gave ${String(table[2][3])}`);
      }
      return best;
    },
    [columns, ENGINE_RUNS] as const
  );
}
