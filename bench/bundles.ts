import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** Raw and gzip sizes of what a user downloads, read from the production build in dist/. */
export interface BundleSize {
  name: string;
  files: string[];
  raw: number;
  gzip: number;
}

export function bundleSizes(dist: string): BundleSize[] {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  // The minified page may leave attribute values unquoted.
  const local = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((m) => m[2]).filter((file) => !/^https?:/.test(file));
  const initialJs = local(/<script[^>]*\bsrc=("?)([^"\s>]+)\1/g);
  const initialCss = local(/<link[^>]*\bhref=("?)([^"\s>]+)\1/g).filter((f) => f.endsWith(".css"));
  // Everything else webpack emitted is loaded on demand: the xlsx renderer and exceljs with it.
  const lazy = fs
    .readdirSync(dist)
    .filter((file) => file.endsWith(".js") && file !== "functions.js" && !initialJs.includes(file));
  if (initialJs.length === 0) throw new Error("taskpane.html loads no script from dist/");
  if (!lazy.some((file) => file.startsWith("xlsx"))) throw new Error("no lazy xlsx chunk in dist/");
  return [
    size(dist, "functions bundle", ["functions.js"]),
    size(dist, "task pane initial JS", initialJs),
    size(dist, "task pane initial CSS", initialCss),
    size(dist, "lazy .xlsx chunks", lazy),
  ];
}

function size(dist: string, name: string, files: string[]): BundleSize {
  const contents = files.map((file) => fs.readFileSync(path.join(dist, file)));
  return {
    name,
    files,
    raw: contents.reduce((sum, c) => sum + c.length, 0),
    gzip: contents.reduce((sum, c) => sum + zlib.gzipSync(c, { level: 9 }).length, 0),
  };
}
