/**
 * The locked-down page (issue 8), checked on the production build in dist/ (built by the global
 * setup): a CSP that allows only this site and the office.js CDN, no inline script or style, and no
 * eval / new Function in any bundle. The browser tests prove the same at
 * run time: they fail on any CSP violation, including while the .xlsx chunk runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIST = path.resolve(__dirname, "../../dist");
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ENTRIES = ["taskpane.js", "functions.js"];
const read = (file: string): string => readFileSync(path.join(DIST, file), "utf8");
const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js"));
const lazy = scripts.filter((f) => !ENTRIES.includes(f));

/** Every way a bundle could compile a string into code. */
const DYNAMIC_CODE = /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/g;

describe("the built task pane page", () => {
  const html = read("taskpane.html");

  it("declares a CSP allowing only its own origin and the office.js CDN", () => {
    const csp = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(
      html
    )?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      (csp as string)
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources])
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["style-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    for (const sources of Object.values(directives) as string[][]) {
      for (const source of sources) {
        expect(["'self'", "'none'", "https://appsforoffice.microsoft.com"]).toContain(source);
      }
    }
  });

  it("has no inline script, style or event handler, and loads office.js from Microsoft's CDN", () => {
    const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(tags.length).toBeGreaterThanOrEqual(3);
    for (const [, attributes, body] of tags) {
      expect(attributes).toMatch(/\ssrc=/);
      expect(body.trim()).toBe("");
    }
    // The minifier drops attribute quotes; office.js comes first, before the add-in's bundles.
    expect(tags[0][1].replace(/"/g, "").trim()).toBe(`src=${CDN_OFFICE_JS}`);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  // exceljs's and jszip's string-compiling fallbacks are replaced at build time
  // (scripts/no-dynamic-code-loader.js), so the lazy chunks pass too.
  it("has no eval or new Function in any bundle, the lazy .xlsx chunks included", () => {
    expect(scripts).toEqual(expect.arrayContaining(ENTRIES));
    for (const script of scripts) {
      expect(read(script).match(DYNAMIC_CODE), script).toBeNull();
    }
  });

  it("keeps the .xlsx writer (exceljs) in lazy chunks", () => {
    expect(lazy.length).toBeGreaterThan(0);
    const xlsx = lazy.filter((f) => read(f).includes("xl/workbook.xml"));
    expect(xlsx.length).toBeGreaterThan(0);
    for (const entry of ENTRIES) expect(read(entry)).not.toContain("xl/workbook.xml");
  });
});
