/**
 * The standalone pane in Debian's headless Chromium, without vitest: the browser tests' harness
 * (browser.ts) and the scripts outside vitest (the benchmarks, the README's screenshots) share it.
 */
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { contentType, safeJoin } from "./static-server";

export const CHROMIUM = process.env.ALVH_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The CDN the page names; in tests it is answered from the npm copy of office.js. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** office.js's logging frame (OSF.Logger), which the page's policy keeps out. */
const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com";
const OFFICE_DIST = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

/** One headless Chromium per test file; playwright gives it a fresh profile directory. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** Requests that left the machine's own origin (anything but the static server and the routed CDN). */
  foreign: string[];
  /** Uncaught page errors. */
  errors: string[];
  /**
   * Content-Security-Policy violations the page reported, except those raised by Microsoft's
   * office.js itself: outside Office it opens a telemetry frame on another host (with an inline
   * style), which the page's policy blocks on purpose. Ours — the page and its bundles — must be none.
   */
  violations(): Promise<string[]>;
  close(): Promise<void>;
}

export interface PaneOptions {
  /** "serve": office.js from node_modules; "block": the CDN is unreachable (offline machine). */
  officeJs?: "serve" | "block";
  width?: number;
  /** Query string for the page, e.g. Office's `_host_Info` as Excel passes it. */
  query?: string;
  /** Whether to wait for the pane to report it is ready (default true). */
  waitForReady?: boolean;
  /** The system's colour scheme (`prefers-color-scheme`), light by default. */
  colorScheme?: "light" | "dark";
  /** Windows contrast themes (`forced-colors`), off by default. */
  forcedColors?: "active" | "none";
  /** A fixed wall clock for the page (`Date`), for figures and stamps that depend on today. */
  now?: Date;
  /** The browser's locale (navigator.language, Intl's default), en-US by default; the time zone, the machine's. */
  locale?: string;
  timezoneId?: string;
}

/** Opens the task pane page in a fresh context (empty localStorage) at the task pane's width. */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  options: PaneOptions = {}
): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 350, height: 900 },
    acceptDownloads: true,
    colorScheme: options.colorScheme ?? "light",
    forcedColors: options.forcedColors ?? "none",
    locale: options.locale ?? "en-US",
    timezoneId: options.timezoneId,
  });
  if (options.now) await context.clock.setFixedTime(options.now);
  const foreign: string[] = [];
  const errors: string[] = [];
  const origin = new URL(baseUrl).origin;
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const file =
        options.officeJs === "block"
          ? undefined
          : safeJoin(OFFICE_DIST, url.slice(OFFICE_CDN.length));
      if (!file) return route.abort("internetdisconnected");
      return route
        .fulfill({ path: file, contentType: contentType(file) })
        .catch(() => route.abort());
    }
    if (url.startsWith("blob:") || url.startsWith("data:") || new URL(url).origin === origin) {
      return route.continue();
    }
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(
    ([cdn, telemetry]: string[]) => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener("securitypolicyviolation", (e) => {
        const officeJs =
          e.sourceFile.startsWith(cdn) ||
          (e.violatedDirective === "frame-src" && e.blockedURI.startsWith(telemetry));
        if (!officeJs) {
          seen.push(`${e.violatedDirective} ${e.blockedURI} from ${e.sourceFile}:${e.lineNumber}`);
        }
      });
    },
    [OFFICE_CDN, OFFICE_TELEMETRY]
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/taskpane.html${options.query ? `?${options.query}` : ""}`);
  if (options.waitForReady ?? true) {
    await page.waitForSelector("body[data-ready]", { timeout: 15_000 });
  }
  return {
    context,
    page,
    foreign,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    close: () => context.close(),
  };
}

/** A label that maps to one form control, matched exactly (so "Cap" is not "Coverage per layer"). */
export function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

/** Types each value into the form control of its label. */
export async function fillFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await field(page, label).fill(value);
}
