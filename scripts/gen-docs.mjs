/* global console process URL */
// Writes docs/functions.md and docs/functions.html (the page the help links open), the reference of
// the ALVH custom functions, from a production build:
// signatures, descriptions and parameters come from functions.json (so from the JSDoc Excel shows),
// and each worked example's result comes from calling the built functions bundle, so the page shows
// what the add-in computes, not what someone typed.
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

// Inputs of the worked examples; null leaves an optional argument out, a nested array is a range.
const EXAMPLES = {
  BREAKEVEN: {
    args: [5500, 5900, 12.35],
    columns: ["lower", "upper"],
    note: "broken wing: =ALVH.BREAKEVEN(5900, 6100, 30, 5800, 6125) gives 5870 and #N/A, since the 25-point call wing is narrower than the 30 credit and that side never loses",
  },
  MAXPROFIT: { args: [5400, 5500, 5900, 6000, 12.35, 2] },
  MAXLOSS: { args: [5400, 5500, 5900, 6000, 12.35, 2] },
  ICPAYOFF: { args: [5460, 5400, 5500, 5900, 6000, 12.35, 2] },
  ICGREEKS: {
    args: [5700, 5400, 5500, 5900, 6000, 30, [[0.22, 0.19, 0.13, 0.12]], 2, 0.045, 0.013],
    columns: ["mark", "delta", "gamma", "vega", "theta"],
  },
  POP: { args: [5700, 5487.65, 5912.35, 30, 0.16, 0.045, 0.013] },
  BS: { args: ["call", 42, 40, 182.5, 0.2, 0.1], note: "Hull's textbook example: 4.76" },
  BLACK76: { args: ["call", 20, 22, 35, 0.9, 0.045, "delta"] },
  EXPECTEDMOVE: { args: [5700, 18, 5] },
  EDR: { args: [18] },
  LAYERS: { args: [1], note: "exact step boundaries count: 0.90, 0.95 and 1.00 each add a layer" },
  COVERAGE: { args: [0.95] },
  LAYERDEPTH: { args: [1.02, 2, null, null, "linear"] },
  HEDGERATIO: {
    args: [4800, 0.5, 0.6],
    note: "SPEC §3.5: half of a $4,800 exposure with futures of beta 0.6 is 0.5 × 4800 / (0.6 × 1000) = 4 contracts",
  },
  SCHEDULE: {
    args: [4800],
    columns: [
      "layer",
      "EDR trigger",
      "cumulative coverage",
      "added coverage",
      "exact contracts",
      "whole contracts",
      "coverage held",
    ],
    note: "the cap's 2.88 exact contracts allow 2 whole ones, so every layer holds 2 futures: 2 × 1000 / 4800 = 41.7 % of the exposure, never more than the 60 % cap",
  },
  VIXEXPIRY: { args: [45444], note: "45444 is 2024-06-01", isDate: true },
  REPLAY: {
    args: replayHistory(),
    shown: "A2:A55, B2:B55, C2:C55",
    headerRow: true,
    note: "A2:C55 hold 54 business days from 2025-01-02 to 2025-03-21 with SPX 5000 and VIX 20, SPX 4700 on 2025-03-21: two cycles, the second settling inside its put spread; at VIX 20 ALVH holds all its layers, so it hedges like the static hedge",
  },
  SCENARIO: {
    args: [
      6000,
      5850,
      5900,
      6100,
      6150,
      15,
      45,
      0.18,
      18,
      5,
      2,
      77,
      null,
      [[-0.05, 0, 0.05]],
      [[0, 10]],
    ],
    columns: ["horizon, then SPX move ↓", "VIX move →", "VIX move →"],
    note: "issue 15's condor with 2 VIX futures 77 days out: net P&L in $ for SPX −5 %, 0, +5 % (down) and VIX +0, +10 (across); the corner holds horizonDays",
  },
  BSM: { args: ["call", 42, 40, 182.5, 0.2, 0.1], note: "the same as BS: Hull's 4.76" },
  VIXTERM: {
    args: [18, 60],
    note: 'a future 60 days out with VIX at 18 is estimated at 18.87 and moves 0.38 point per VIX point (=ALVH.VIXTERM(18, 60, , , "beta"))',
  },
};

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

function formatCell(cell) {
  return typeof cell === "string" ? cell : formatNumber(cell);
}

function formatArg(arg) {
  if (arg === null) return "";
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
function describeFunction(meta, fn) {
  const example = EXAMPLES[meta.id];
  if (!example) throw new Error(`no worked example for ${meta.id}: add one to EXAMPLES`);
  const formula = `=ALVH.${meta.id}(${example.shown ?? example.args.map(formatArg).join(", ")})`;
  let result;
  try {
    result = fn(...example.args);
  } catch (error) {
    throw new Error(`example ${formula} failed: ${error.code ?? ""} ${error.message}`);
  }
  return {
    id: meta.id,
    anchor: meta.id.toLowerCase(),
    signature: `=ALVH.${meta.id}(${meta.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
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
  const sections = metadata.functions.map((meta) => {
    const fn = functions.get(meta.id);
    if (!fn) throw new Error(`${meta.id} is in functions.json but the bundle does not register it`);
    return describeFunction(meta, fn);
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
