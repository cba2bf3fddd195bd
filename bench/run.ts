import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundleSizes, type BundleSize } from "./bundles";
import { engineThroughput, type Throughput } from "./engine";
import { replayTimings, type ReplayTimings } from "./replay";
import { roundTrips, type RoundTrips } from "./roundtrips";
import { scenarioTiming, type ScenarioTiming } from "./scenario";
import { standaloneTimings, type StandaloneTimings } from "./standalone";

/**
 * `npm run bench [-- --check]`: one production build, then every measurement of issue 7 in one
 * run, a table on stdout and bench/results/latest.json. With --check, exits 1 when a budget is
 * missed. Not part of `npm test`: timings on a shared machine are evidence, not assertions.
 */
const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

interface Budget {
  name: string;
  measured: number;
  limit: number;
  unit: string;
  /** "min": measured must be at least limit; "max": at most. */
  kind: "min" | "max";
}

function build(): void {
  if (process.env.ALVH_SKIP_BUILD === "1") return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    }
  );
}

function budgets(
  engine: Throughput[],
  trips: RoundTrips[],
  sizes: BundleSize[],
  standalone: StandaloneTimings,
  replay: ReplayTimings,
  scenario: ScenarioTiming
): Budget[] {
  const rate = (prefix: string) => {
    const found = engine.find((row) => row.name.startsWith(prefix));
    if (!found) throw new Error(`no engine measurement named ${prefix}`);
    return found.perSecond;
  };
  const gzip = (name: string) =>
    sizes.find((s) => s.name === name)?.gzip ?? Number.POSITIVE_INFINITY;
  return [
    {
      name: "Black–Scholes prices/s",
      measured: rate("Black–Scholes price, ALVH"),
      limit: 4_000_000,
      unit: "/s",
      kind: "min",
    },
    {
      name: "Iron-condor Greeks/s",
      measured: rate("Iron condor Greeks"),
      limit: 500_000,
      unit: "/s",
      kind: "min",
    },
    {
      name: "ALVH.BS vs black-scholes",
      measured: rate("Black–Scholes price, ALVH") / rate("Black–Scholes price, npm"),
      limit: 20,
      unit: "×",
      kind: "min",
    },
    {
      name: "syncs per write (worst size)",
      measured: Math.max(...trips.map((t) => t.syncs)),
      limit: 3,
      unit: "",
      kind: "max",
    },
    {
      name: "functions bundle gzip",
      measured: gzip("functions bundle") / 1024,
      limit: 40,
      unit: "KB",
      kind: "max",
    },
    {
      name: "task pane initial JS gzip",
      measured: gzip("task pane initial JS") / 1024,
      limit: 150,
      unit: "KB",
      kind: "max",
    },
    {
      name: "9×7 scenario grid, 50 positions, vs plain BS loop",
      measured: scenario.ratio,
      limit: 1,
      unit: "×",
      kind: "max",
    },
    {
      name: "standalone interactive",
      measured: standalone.interactiveMs / 1000,
      limit: 1,
      unit: "s",
      kind: "max",
    },
    {
      name: "30-year REPLAY vs plain loop",
      measured: replay.replayMs / replay.plainLoopMs,
      limit: 10,
      unit: "×",
      kind: "max",
    },
    {
      name: "81-replay sweep vs plain loop",
      measured: replay.sweepMs / replay.plainLoopMs,
      limit: 200,
      unit: "×",
      kind: "max",
    },
  ];
}

const passes = (b: Budget) => (b.kind === "min" ? b.measured >= b.limit : b.measured <= b.limit);
const fmt = (x: number) =>
  x >= 1e6
    ? `${(x / 1e6).toFixed(2)} M`
    : x >= 1e4
      ? `${(x / 1e3).toFixed(0)} k`
      : Number(x.toPrecision(4)).toString();

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    line(cells[0]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...cells.slice(1).map(line),
  ].join("\n");
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  build();
  const engine = engineThroughput();
  const scenario = scenarioTiming();
  const trips = await roundTrips([1, 50, 500]);
  const sizes = bundleSizes(DIST);
  const standalone = await standaloneTimings(DIST);
  const replay = replayTimings();
  const results = budgets(engine, trips, sizes, standalone, replay, scenario);

  const peer = engine.find((row) => row.name.includes("npm"))?.perSecond ?? Number.NaN;
  console.log(
    `\nALVH for Excel benchmarks — ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, Node ${process.version}\n`
  );
  console.log(
    table(
      ["engine (same inputs, one process)", "calls/s", "vs peer", "max rel. error"],
      engine.map((r) => [
        r.name,
        fmt(r.perSecond),
        r.name.endsWith("ALVH.BS") ? `${(r.perSecond / peer).toFixed(1)}×` : "",
        r.maxRelativeError.toExponential(1),
      ])
    )
  );
  console.log(
    `\n${table(
      ["scenario grid (SPEC §3.8)", "ms", "plain BS loop, ms", "ratio"],
      [
        [
          `${scenario.cells} cells × ${scenario.positions} positions`,
          scenario.gridMs.toFixed(2),
          scenario.plainMs.toFixed(2),
          `${scenario.ratio.toFixed(2)}×`,
        ],
      ]
    )}`
  );
  console.log(
    `\n${table(
      ["positions", "context.sync()", "proxy calls"],
      trips.map((t) => [t.positions, t.syncs, t.proxyCalls])
    )}`
  );
  console.log(
    `\n${table(
      ["bundle", "raw KB", "gzip KB", "files"],
      sizes.map((s) => [
        s.name,
        (s.raw / 1024).toFixed(1),
        (s.gzip / 1024).toFixed(1),
        s.files.join(", "),
      ])
    )}`
  );
  console.log(
    `\n${table(
      ["standalone (headless Chromium)", "ms"],
      [
        ["time to interactive", standalone.interactiveMs.toFixed(0)],
        [
          `write → ${standalone.positions}-position preview (median of ${standalone.runs})`,
          standalone.previewMs.toFixed(0),
        ],
      ]
    )}`
  );
  console.log(
    `\n${table(
      [`replay (${replay.rows} rows, ${replay.years.toFixed(1)} years, dist/functions.js)`, "ms"],
      [
        ["one =ALVH.REPLAY", replay.replayMs.toFixed(0)],
        ["threshold × step sweep, as 81 REPLAYs", replay.sweepMs.toFixed(0)],
        ["plain loop: 4 × ALVH.BS per row", replay.plainLoopMs.toFixed(0)],
      ]
    )}`
  );
  console.log(
    `\n${table(
      ["budget", "measured", "limit", "ok"],
      results.map((b) => [
        b.name,
        `${fmt(b.measured)} ${b.unit}`,
        `${b.kind === "min" ? "≥" : "≤"} ${fmt(b.limit)} ${b.unit}`,
        passes(b) ? "yes" : "MISSED",
      ])
    )}\n`
  );

  const out = path.join(ROOT, "bench/results");
  fs.mkdirSync(out, { recursive: true });
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  fs.writeFileSync(
    path.join(out, "latest.json"),
    `${JSON.stringify({ date: new Date().toISOString(), machine, engine, scenario, roundTrips: trips, bundles: sizes, standalone, replay, budgets: results.map((b) => ({ ...b, ok: passes(b) })) }, null, 2)}\n`
  );
  const missed = results.filter((b) => !passes(b));
  if (check && missed.length > 0) {
    console.error(`budgets missed: ${missed.map((b) => b.name).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
