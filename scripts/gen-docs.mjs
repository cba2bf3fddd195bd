// Writes docs/functions.md and docs/functions.html (the page the help links open), the reference of
// the ALVH custom functions, from a production build:
// signatures, descriptions and parameters come from functions.json (so from the JSDoc Excel shows),
// each worked example from the function's `@example` JSDoc tag in src/functions/functions.ts, and
// each example's result from calling the built functions bundle, so the page shows what the add-in
// computes, not what someone typed.
//
//   node scripts/gen-docs.mjs                 build into a temporary folder, then write the page
//   node scripts/gen-docs.mjs --dist dist     use an existing build
//   node scripts/gen-docs.mjs --json          print {file: text} instead of writing (the staleness test)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const docsDir = path.join(root, "docs");
const functionsSource = path.join(root, "src/functions/functions.ts");

/**
 * The worked examples, read from the `@example` tag of each custom function's JSDoc in
 * src/functions/functions.ts, so an example lives beside the function it shows:
 *
 *   @example =ALVH.SCHEDULE(4800)          the formula, as Excel would take it
 *   columns: layer | EDR trigger | …       optional: headers of a spilled result
 *   note: text                             optional: a remark printed under the result
 *   result: date                           optional: the result is a date serial
 *   inputs: replayHistory                  optional: fills the formula's ranges (A2:A55, …) with
 *                                          the columns a generator below makes
 *   header: first row                      optional: the result's first row is its header
 */
const EXAMPLE_KEYS = ["columns", "note", "result", "inputs", "header"];

/**
 * REPLAY's worked example: business days from 2025-01-02 to 2025-03-21 (serials 45659 to 45737,
 * less weekends, 9 January, MLK Day and Presidents' Day), SPX 5000 and VIX 20, SPX 4700 on the
 * last day. Shown as cell references: the page cannot print 54 rows inside a formula.
 */
function replayHistory() {
  const closed = new Set([45666, 45677, 45705]);
  const days = [];
  for (let serial = 45659; serial <= 45737; serial++) {
    const weekday = (serial + 6) % 7; // Excel serial 1 (1900-01-01 as Excel counts) was a Sunday
    if (weekday !== 0 && weekday !== 6 && !closed.has(serial)) days.push(serial);
  }
  const column = (value) => days.map((day, i) => [value(day, i)]);
  return [
    column((day) => day),
    column((_, i) => (i === days.length - 1 ? 4700 : 5000)),
    column(() => 20),
  ];
}

const INPUTS = { replayHistory };

function readExamples(file) {
  const examples = {};
  for (const [comment] of fs.readFileSync(file, "utf8").matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    // `@customfunction ID [NAME]`: the name is what a cell types, the id what the code registers.
    const [, id, name = id] = /@customfunction\s+(\w+)(?:[ \t]+(\w+))?/.exec(comment) ?? [];
    if (!id) continue;
    const lines = comment
      .split("\n")
      .map((line) => line.replace(/^\s*\/?\*+\/?\s?/, "").trimEnd())
      .filter((line) => line !== "");
    const at = lines.findIndex((line) => line.startsWith("@example"));
    if (at < 0) throw new Error(`${id} has no @example in ${path.relative(root, file)}`);
    const tail = lines.slice(at + 1);
    const end = tail.findIndex((line) => line.startsWith("@"));
    const fields = Object.fromEntries(
      (end < 0 ? tail : tail.slice(0, end)).map((line) => {
        const colon = line.indexOf(":");
        const key = line.slice(0, colon).trim();
        if (colon < 0 || !EXAMPLE_KEYS.includes(key))
          throw new Error(`${id} @example: "${line}" is not ${EXAMPLE_KEYS.join(", ")}: value`);
        return [key, line.slice(colon + 1).trim()];
      })
    );
    const formula = lines[at].slice("@example".length).trim();
    const call = new RegExp(`^=ALVH\\.${name}\\((.*)\\)$`).exec(formula);
    if (!call) throw new Error(`${id} @example must be =ALVH.${name}(…), not ${formula}`);
    const args = parseArgs(call[1]);
    if (fields.inputs !== undefined) fillRanges(id, args, fields.inputs);
    if (args.map(formatArg).join(", ") !== call[1])
      throw new Error(
        `${id} @example: write ${formula} as =ALVH.${name}(${args.map(formatArg).join(", ")})`
      );
    examples[id] = {
      args,
      columns: fields.columns?.split("|").map((c) => c.trim()),
      note: fields.note,
      isDate: fields.result === "date",
      headerRow: fields.header === "first row",
    };
  }
  return examples;
}

/** A range argument (A2:A55) of an example: what the page shows, and the cells a generator gives. */
class RangeArg {
  constructor(ref) {
    this.ref = ref;
    this.cells = undefined;
  }
}

function fillRanges(id, args, generator) {
  const make = INPUTS[generator];
  if (!make) throw new Error(`${id} @example: no input generator ${generator}`);
  const columns = make();
  const ranges = args.filter((arg) => arg instanceof RangeArg);
  if (ranges.length !== columns.length)
    throw new Error(
      `${id} @example: ${generator} makes ${columns.length} ranges, not ${ranges.length}`
    );
  ranges.forEach((range, i) => (range.cells = columns[i]));
}

/** Excel's argument list: numbers, "text", empty (an omitted argument), {1,2;3,4} array constants. */
function parseArgs(text) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "{") depth++;
    else if (!quoted && ch === "}") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  parts.push(current.trim());
  return parts.map(parseArg);
}

function parseArg(text) {
  if (text === "") return null;
  if (text.startsWith('"')) return JSON.parse(text);
  if (/^[A-Z]+[0-9]+:[A-Z]+[0-9]+$/.test(text)) return new RangeArg(text);
  if (text.startsWith("{"))
    return text
      .slice(1, -1)
      .split(";")
      .map((row) => row.split(",").map((cell) => parseArg(cell.trim())));
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`example argument ${text} is not a number`);
  return value;
}

/** The functions the bundle registers, loaded the way Excel would: no DOM, only CustomFunctions. */
function loadFunctions(dist) {
  const registered = new Map();
  class CellError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const CustomFunctions = {
    associate: (id, fn) => registered.set(id, fn),
    Error: CellError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
  };
  const file = path.join(dist, "functions.js");
  vm.runInContext(fs.readFileSync(file, "utf8"), vm.createContext({ CustomFunctions }), {
    filename: file,
  });
  return registered;
}

function formatNumber(x) {
  return String(Number(x.toPrecision(10)));
}

/** A spilled cell: a number, a label, or "" where a signal is not defined yet. */
function formatCell(cell) {
  return typeof cell === "string" ? cell : formatNumber(cell);
}

function formatArg(arg) {
  if (arg === null) return "";
  if (arg instanceof RangeArg) return arg.ref;
  if (typeof arg === "string") return JSON.stringify(arg);
  if (Array.isArray(arg)) return `{${arg.map((row) => row.map(formatArg).join(",")).join(";")}}`;
  return formatNumber(arg);
}

/** An Excel 1900-system serial as yyyy-mm-dd (serial 25569 is 1970-01-01). */
function isoDate(serial) {
  return new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
}

function typeOf(param) {
  const base =
    param.type === "string" ? "text" : param.type === "any" ? "number or text" : param.type;
  return param.dimensionality === "matrix" ? `${base} or range` : base;
}

function helpAnchor(helpUrl) {
  const url = new URL(helpUrl);
  return `${url.pathname.replace(/^\//, "")}${url.hash}`;
}

/** One function's section as data, so the Markdown and the HTML page say the same thing. */
function describeFunction(meta, fn, example) {
  const formula = `=ALVH.${meta.name}(${example.args.map(formatArg).join(", ")})`;
  let result;
  try {
    result = fn(...example.args.map((arg) => (arg instanceof RangeArg ? arg.cells : arg)));
  } catch (error) {
    throw new Error(`example ${formula} failed: ${error.code ?? ""} ${error.message}`);
  }
  return {
    id: meta.name,
    anchor: meta.name.toLowerCase(),
    signature: `=ALVH.${meta.name}(${meta.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
    description: meta.description,
    parameters: meta.parameters.map((p) => ({
      name: p.name,
      optional: Boolean(p.optional),
      type: typeOf(p),
      description: p.description,
    })),
    shape: meta.result.dimensionality === "matrix" ? "a range that spills" : "one value",
    help: helpAnchor(meta.helpUrl),
    formula,
    result: Array.isArray(result)
      ? {
          shape: `${result.length}×${result[0].length}`,
          columns: example.headerRow ? result[0] : example.columns,
          rows: (example.headerRow ? result.slice(1) : result).map((row) => row.map(formatCell)),
        }
      : {
          value: example.isDate
            ? `${formatNumber(result)} (${isoDate(result)})`
            : formatNumber(result),
        },
    note: example.note,
  };
}

const INTRO = [
  "Type `=ALVH.` in a cell to see these functions. Units follow the specification: prices, strikes",
  "and credit in index points, vol and rates as decimals per year (0.16 for 16 %), time in calendar",
  "days, VIX in VIX points, dates as Excel date serials. An omitted optional argument takes its default.",
  "A wrong argument gives `#VALUE!` (or `#NUM!` for a number out of range) with a message naming it.",
  "Examples show the exact result of the add-in, rounded to 10 significant digits.",
];
const GENERATED =
  "Generated by `npm run docs` (scripts/gen-docs.mjs) from the production build. Do not edit by hand.";

function mdCell(text) {
  return String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function mdTable(header, rows) {
  return [
    `| ${header.map(mdCell).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(mdCell).join(" | ")} |`),
  ].join("\n");
}

function renderMarkdown(sections) {
  const body = sections.map((s) => {
    const result = s.result.rows
      ? [`spills ${s.result.shape}:`, "", mdTable(s.result.columns, s.result.rows)]
      : [`returns \`${s.result.value}\``];
    return [
      `## ${s.id}`,
      "",
      `\`${s.signature}\``,
      "",
      s.description,
      "",
      mdTable(
        ["parameter", "type", "description"],
        s.parameters.map((p) => [
          `\`${p.name}\`${p.optional ? " (optional)" : ""}`,
          p.type,
          p.description,
        ])
      ),
      "",
      `Returns ${s.shape}. Help link: \`${s.help}\`.`,
      "",
      "**Example**",
      "",
      "```",
      s.formula,
      "```",
      "",
      ...result,
      ...(s.note ? ["", `(${s.note})`] : []),
      "",
    ].join("\n");
  });
  return [
    "# ALVH custom functions",
    "",
    `<!-- ${GENERATED} -->`,
    "",
    ...INTRO,
    "",
    sections.map((s) => `- [${s.id}](#${s.anchor})`).join("\n"),
    "",
    ...body,
  ].join("\n");
}

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Inline `code` of the Markdown intro, as <code>. */
function inlineHtml(text) {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

function htmlTable(header, rows) {
  const head = `<tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The page Excel's help links open (/docs/functions.html#id): no script, so it passes any CSP. */
function renderHtml(sections) {
  const body = sections.map((s) => {
    const result = s.result.rows
      ? `<p>spills ${s.result.shape}:</p>\n${htmlTable(
          s.result.columns,
          s.result.rows.map((row) => row.map(escapeHtml))
        )}`
      : `<p>returns <code>${escapeHtml(s.result.value)}</code></p>`;
    return [
      `<section id="${s.anchor}">`,
      `<h2>${escapeHtml(s.id)}</h2>`,
      `<p><code>${escapeHtml(s.signature)}</code></p>`,
      `<p>${escapeHtml(s.description)}</p>`,
      htmlTable(
        ["parameter", "type", "description"],
        s.parameters.map((p) => [
          `<code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}`,
          escapeHtml(p.type),
          escapeHtml(p.description),
        ])
      ),
      `<p>Returns ${escapeHtml(s.shape)}.</p>`,
      "<h3>Example</h3>",
      `<pre><code>${escapeHtml(s.formula)}</code></pre>`,
      result,
      ...(s.note ? [`<p>(${escapeHtml(s.note)})</p>`] : []),
      "</section>",
    ].join("\n");
  });
  return [
    "<!doctype html>",
    `<!-- ${GENERATED} -->`,
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>ALVH custom functions</title>",
    "</head>",
    "<body>",
    "<main>",
    "<h1>ALVH custom functions</h1>",
    `<p>${inlineHtml(INTRO.join(" "))}</p>`,
    `<nav aria-label="Functions"><ul>\n${sections
      .map((s) => `<li><a href="#${s.anchor}">${escapeHtml(s.id)}</a></li>`)
      .join("\n")}\n</ul></nav>`,
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** docs/functions.md and docs/functions.html, rendered from a build in `dist`. */
function renderDocs(dist) {
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
  const functions = loadFunctions(dist);
  const examples = readExamples(functionsSource);
  const sections = metadata.functions.map((meta) => {
    const fn = functions.get(meta.id);
    if (!fn) throw new Error(`${meta.id} is in functions.json but the bundle does not register it`);
    if (!examples[meta.id]) throw new Error(`no @example for ${meta.id} in ${functionsSource}`);
    return describeFunction(meta, fn, examples[meta.id]);
  });
  return { "functions.md": renderMarkdown(sections), "functions.html": renderHtml(sections) };
}

function buildInto(dir) {
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/webpack/bin/webpack.js"),
      "--mode",
      "production",
      "--env",
      `outputPath=${dir}`,
    ],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] }
  );
}

function main(argv) {
  const distAt = argv.indexOf("--dist");
  let dist = distAt >= 0 ? path.resolve(argv[distAt + 1]) : undefined;
  let temporary;
  if (!dist) {
    temporary = fs.mkdtempSync(path.join(os.tmpdir(), "alvh-docs-"));
    buildInto(temporary);
    dist = temporary;
  }
  try {
    const files = renderDocs(dist);
    if (argv.includes("--json")) process.stdout.write(JSON.stringify(files));
    else {
      fs.mkdirSync(docsDir, { recursive: true });
      for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(docsDir, name), text);
        console.log(`wrote ${path.relative(root, path.join(docsDir, name))}`);
      }
    }
  } finally {
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
