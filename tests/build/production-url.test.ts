import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkManifest } from "../manifest/check-manifest";

// A production build for a real host must not leave one localhost URL behind: the usual add-in
// template rewrites only the first, and the add-in then loads half its parts from the developer's PC.
const root = path.resolve(__dirname, "../..");
const webpack = path.join(root, "node_modules/webpack/bin/webpack.js");
const HOST = "https://example.org/alvh/";
const out = mkdtempSync(path.join(os.tmpdir(), "alvh-prod-"));

function webpackArgs(outputPath: string): string[] {
  return [webpack, "--mode", "production", "--env", `outputPath=${outputPath}`];
}

function helpUrls(functionsJson: string): string[] {
  const metadata = JSON.parse(functionsJson) as { functions: Array<{ helpUrl?: string }> };
  return metadata.functions
    .map((fn) => fn.helpUrl)
    .filter((url): url is string => url !== undefined);
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe(`a production build with ALVH_URL=${HOST}`, () => {
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, webpackArgs(out), {
      cwd: root,
      env: { ...process.env, ALVH_URL: HOST },
      maxBuffer: 64 * 1024 * 1024,
    });
  }, 300_000);

  it("leaves no localhost in manifest.xml or functions.json", () => {
    for (const file of ["manifest.xml", "functions.json"]) {
      const text = readFileSync(path.join(out, file), "utf8");
      expect(text, file).not.toMatch(/localhost/i);
    }
  });

  it("emits a manifest whose every loaded URL lives on the production host and passes the load checks", () => {
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain(`${HOST}taskpane.html`);
    expect(checkManifest(manifest, { baseUrl: HOST, root: out })).toEqual([]);
  });

  it("points every function's help link at the production host", () => {
    const urls = helpUrls(readFileSync(path.join(out, "functions.json"), "utf8"));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(HOST), url).toBe(true);
  });
});

describe("a production build with a plain-http ALVH_URL", () => {
  it("is refused before anything is written", () => {
    const target = path.join(out, "refused");
    const run = spawnSync(process.execPath, webpackArgs(target), {
      cwd: root,
      env: { ...process.env, ALVH_URL: "http://example.org/alvh/" },
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain("must be an https:// URL");
    expect(existsSync(path.join(target, "manifest.xml"))).toBe(false);
  });
});
