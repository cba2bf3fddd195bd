/**
 * The Office look: the pane follows Office's theme inside Office (unit tests of the theme
 * decision) and the system's colour scheme standalone, in real headless Chromium: a dark scheme
 * gives dark surfaces with light text, Office's light theme wins over a dark system, and a
 * contrast theme (forced colors) draws the focus ring in the system's Highlight colour. The
 * page's CSP stays intact (no third-party stylesheet or font).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { applyTheme, themeOfOffice } from "../../src/taskpane/theme";
import { paneSessions, type PaneOptions, type PaneSession } from "../support/browser";

const panes = paneSessions();
let session: PaneSession | undefined;

describe("themeOfOffice", () => {
  it("takes Office's word when it gives one", () => {
    expect(themeOfOffice({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("dark");
    expect(themeOfOffice({ isDarkTheme: false })).toBe("light");
  });

  it("otherwise reads the body background: Office's dark grey and black are dark", () => {
    expect(themeOfOffice({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeOfOffice({ bodyBackgroundColor: "#000000" })).toBe("dark");
    expect(themeOfOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeOfOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
  });

  it("leaves the decision to the system when Office says nothing usable", () => {
    expect(themeOfOffice(undefined)).toBeUndefined();
    expect(themeOfOffice({ bodyBackgroundColor: "teal" })).toBeUndefined();
    const root = { dataset: { theme: "dark" } as DOMStringMap };
    applyTheme(root, undefined);
    expect(root.dataset.theme).toBeUndefined();
    applyTheme(root, "light");
    expect(root.dataset.theme).toBe("light");
  });
});

async function open(options: PaneOptions): Promise<Page> {
  session = await panes.open({ officeJs: "block", ...options });
  return session.page;
}

/** WCAG relative luminance of a computed "rgb(r, g, b)" colour. */
async function luminanceOf(page: Page, selector: string, property: string): Promise<number> {
  const color = await page.$eval(
    selector,
    (el, prop) => getComputedStyle(el).getPropertyValue(prop),
    property
  );
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("the pane's colours in a browser", () => {
  it("is light on a light system", async () => {
    const page = await open({ colorScheme: "light" });
    expect(await luminanceOf(page, "html", "background-color")).toBeGreaterThan(0.9);
  });

  it("is dark on a dark system: dark surfaces and fields, light text", async () => {
    const page = await open({ colorScheme: "dark" });
    expect(await luminanceOf(page, "html", "background-color")).toBeLessThan(0.05);
    expect(await luminanceOf(page, "input", "background-color")).toBeLessThan(0.05);
    expect(await luminanceOf(page, "html", "color")).toBeGreaterThan(0.8);
    expect(await luminanceOf(page, "label", "color")).toBeGreaterThan(0.4);
  });

  it("follows Office's light theme even on a dark system", async () => {
    const page = await open({ colorScheme: "dark" });
    await page.evaluate(() => (document.documentElement.dataset.theme = "light"));
    expect(await luminanceOf(page, "html", "background-color")).toBeGreaterThan(0.9);
  });

  it("draws focus in the contrast theme's Highlight colour under forced colors", async () => {
    const page = await open({ forcedColors: "active" });
    expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
    await page.keyboard.press("Tab");
    const { outline, highlight } = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.color = "Highlight";
      document.body.append(probe);
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      const focused = document.activeElement as HTMLElement;
      return { outline: getComputedStyle(focused).outlineColor, highlight };
    });
    expect(outline).toBe(highlight);
  });
});
