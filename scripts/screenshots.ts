/**
 * The README's screenshots, taken from the built standalone app in headless Chromium: `npm run
 * build`, then `npm run screenshots`. It builds nothing itself; it serves dist/ with the browser
 * tests' static server and office.js from node_modules (tests/support/browser.ts), and writes
 * assets/screenshots/*.png at a device scale of 1.
 *
 * Each shot starts from an empty book and "Load example", on a fixed clock, locale and time zone,
 * so running it again after a UI change redraws the same scenes with only that change.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPane, type PaneOptions } from "../tests/support/chromium";
import { serveStatic } from "../tests/support/static-server";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "assets/screenshots");

/** The page's "today": a Monday morning in New York, so the example expires 2027-01-15. */
const NOW = new Date("2026-11-30T15:00:00Z");
const PANE_WIDTH = 350;
const DESKTOP_WIDTH = 1280;
/** Space kept below the last element of a shot cut from the page's top. */
const MARGIN = 12;

/** What a shot keeps: the window, one element, or the page from its top to an element's bottom. */
type Frame = { viewport: true } | { element: string } | { downTo: string };

interface Shot {
  file: string;
  width: number;
  colorScheme: "light" | "dark";
  /** Brings the page from an empty book to the scene. */
  scene(page: Page): Promise<void>;
  frame: Frame;
}

/** Fills the form with the app's own example condor and waits for its summary. */
async function loadExample(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Load example", exact: true }).click();
  await page.locator("#action li").first().waitFor();
}

/** The example, then "Write schedule": the form beside the previewed schedule sheet. */
async function withPreview(page: Page): Promise<void> {
  await loadExample(page);
  await page.getByRole("button", { name: "Write schedule" }).click();
  await page.locator("#preview:not([hidden]) svg[role=img]").first().waitFor();
}

async function withRiskGrid(page: Page): Promise<void> {
  await loadExample(page);
  await page.locator("#risk-grid td").first().waitFor();
}

const SCHEMES = ["light", "dark"] as const;

const SHOTS: Shot[] = [
  // The pane as Excel shows it: the form, the action line and the summary.
  ...SCHEMES.map((colorScheme): Shot => ({
    file: `pane-${colorScheme}.png`,
    width: PANE_WIDTH,
    colorScheme,
    scene: loadExample,
    frame: { downTo: ".summary" },
  })),
  // The standalone app in a desktop window: the form beside the schedule's preview.
  ...SCHEMES.map((colorScheme): Shot => ({
    file: `app-${colorScheme}.png`,
    width: DESKTOP_WIDTH,
    colorScheme,
    scene: withPreview,
    frame: { viewport: true },
  })),
  {
    file: "risk.png",
    width: PANE_WIDTH,
    colorScheme: "light",
    scene: withRiskGrid,
    frame: { element: "#risk" },
  },
];

async function photograph(page: Page, frame: Frame, file: string): Promise<void> {
  const settings = { path: file, animations: "disabled", caret: "hide" } as const;
  if ("element" in frame) {
    await page.locator(frame.element).screenshot(settings);
    return;
  }
  // Back to the top: clicking a button below the fold scrolled the window.
  await page.evaluate(() => window.scrollTo(0, 0));
  if ("viewport" in frame) {
    await page.screenshot(settings);
    return;
  }
  const box = await page.locator(frame.downTo).boundingBox();
  if (!box) throw new Error(`${frame.downTo} is not shown`);
  const width = page.viewportSize()?.width ?? 0;
  const height = Math.ceil(box.y + box.height + MARGIN);
  await page.screenshot({ ...settings, fullPage: true, clip: { x: 0, y: 0, width, height } });
}

async function take(browser: Browser, baseUrl: string, shot: Shot): Promise<number> {
  const options: PaneOptions = {
    width: shot.width,
    colorScheme: shot.colorScheme,
    now: NOW,
    locale: "en-US",
    timezoneId: "America/New_York",
  };
  const pane = await openPane(browser, baseUrl, options);
  try {
    const { page } = pane;
    await shot.scene(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = path.join(OUT, shot.file);
    await photograph(page, shot.frame, file);
    const problems = [
      ...pane.foreign.map((url) => `request to another origin: ${url}`),
      ...pane.errors.map((message) => `page error: ${message}`),
      ...(await pane.violations()).map((violation) => `CSP violation: ${violation}`),
    ];
    if (problems.length) throw new Error(`${shot.file}: ${problems.join("; ")}`);
    return statSync(file).size;
  } finally {
    await pane.close();
  }
}

async function main(): Promise<void> {
  if (!statSync(path.join(DIST, "taskpane.html"), { throwIfNoEntry: false })) {
    throw new Error("dist/taskpane.html is missing: run `npm run build` first");
  }
  mkdirSync(OUT, { recursive: true });
  const server = await serveStatic(DIST);
  const browser = await launchBrowser();
  let total = 0;
  try {
    for (const shot of SHOTS) {
      const size = await take(browser, server.url, shot);
      total += size;
      console.log(
        `${path.relative(ROOT, path.join(OUT, shot.file))}  ${(size / 1024).toFixed(1)} KiB`
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`total ${(total / 1024).toFixed(1)} KiB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
