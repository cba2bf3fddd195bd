import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { launchBrowser, openPane, type PaneOptions, type PaneSession } from "./chromium";
import { serveStatic, type StaticServer } from "./static-server";

export * from "./chromium";

/**
 * The harness every browser test file shares: one static server over dist/ and one Chromium for
 * the file, and each test's pane closed after the test, failing it on any request to another
 * origin, any uncaught page error and any CSP violation.
 */
export function paneSessions(): { open(options?: PaneOptions): Promise<PaneSession> } {
  let server: StaticServer;
  let browser: Browser;
  let session: PaneSession | undefined;
  beforeAll(async () => {
    server = await serveStatic(path.resolve(__dirname, "../../dist"));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    if (!session) return;
    const { foreign, errors } = session;
    const violations = await session.violations();
    await session.close();
    session = undefined;
    expect(foreign, "requests to another origin").toEqual([]);
    expect(errors, "uncaught page errors").toEqual([]);
    expect(violations, "CSP violations").toEqual([]);
  });
  return {
    async open(options: PaneOptions = {}) {
      session = await openPane(browser, server.url, options);
      return session;
    },
  };
}
