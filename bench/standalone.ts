import { positionRow, BOOK_KEY } from "../src/hosts/standalone/storage";
import { launchBrowser, openPane, field } from "../tests/support/pane";
import { serveStatic } from "../tests/support/static-server";
import { makePosition } from "../tests/workbook/helpers";
import { median } from "./measure";

/**
 * The standalone app in headless Chromium, served from dist/ with office.js from the npm copy
 * (as a user without Excel gets it): time to interactive (navigation start to the pane's
 * data-ready mark), and from clicking "Write schedule" to the rendered preview of a whole book.
 */
export interface StandaloneTimings {
  interactiveMs: number;
  previewMs: number;
  positions: number;
  runs: number;
}

const POSITIONS = 50;
const RUNS = 5;

export async function standaloneTimings(dist: string): Promise<StandaloneTimings> {
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
        preview.push(await page.evaluate(timeWrite));
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
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    interactiveMs: median(interactive),
    previewMs: median(preview),
    positions: POSITIONS,
    runs: RUNS,
  };
}

/** Runs in the page: clicks "Write schedule" and resolves with the ms until the preview has painted. */
function timeWrite(): Promise<number> {
  return new Promise((resolve, reject) => {
    const status = document.getElementById("status") as HTMLElement;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const text = status.textContent ?? "";
      if (/written/i.test(text)) {
        observer.disconnect();
        // The next frame is the first one that shows the preview.
        requestAnimationFrame(() => resolve(performance.now() - start));
      } else if (status.classList.contains("is-error")) {
        observer.disconnect();
        reject(new Error(`Write schedule failed: ${text}`));
      }
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    setTimeout(
      () => reject(new Error(`no preview after 10 s: ${status.textContent ?? ""}`)),
      10_000
    );
    (document.getElementById("write") as HTMLButtonElement).click();
  });
}
