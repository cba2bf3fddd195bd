/**
 * The downloaded workbook as LibreOffice opens and prints it: the charts are rendered (their
 * titles, axis titles and legends are in the PDF, and LibreOffice's own re-save keeps them as
 * chart parts), no value shows as "###", the schedule prints on as few landscape pages as its
 * content needs, and the layer table is never split across pages. Pages are counted with
 * poppler's pdfinfo, text read with pdftotext (scripts/preflight.mjs installs poppler-utils).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkbookPlan } from "../../../src/workbook/plan";
import { replay } from "../../../src/core";
import { buildReplaySheet, withReplaySheet } from "../../../src/workbook/replay";
import { renderXlsx } from "../../../src/workbook/xlsx";
import { syntheticHistory } from "../../support/synthetic-history";
import { printToPdf, recalculate } from "../../support/libreoffice";
import { makePosition } from "../helpers";
import { bookPlan } from "./support";

const small = bookPlan([makePosition("A"), makePosition("B", { shortCall: 5900, longCall: 5950 })]);
/** A book long enough that its schedule cannot fit on one landscape page. */
const large = bookPlan(
  Array.from({ length: 60 }, (_, i) => makePosition(`Condor ${i + 1}`, { credit: 10 + i / 10 }))
);
const plans: Record<string, WorkbookPlan> = { small, large };
/** A short replay (issue 16/17) added to the small book, as "Download workbook" does. */
const replayPlan = withReplaySheet(
  small,
  buildReplaySheet({ result: replay(syntheticHistory(400, 5, 200)), source: "a synthetic history" })
);
let replayPrinted: Printed;

interface Printed {
  pages: string[];
  resaved: JSZip;
}
const printed: Record<string, Printed> = {};

function pdfPages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "alvh-pdf-"));
  try {
    const file = path.join(dir, "book.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    return Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-f", `${i + 1}`, "-l", `${i + 1}`, "-layout", file, "-"], {
        encoding: "utf8",
      })
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {};
  for (const [name, plan] of Object.entries(plans)) files[name] = await renderXlsx(plan);
  files.replay = await renderXlsx(replayPlan);
  const pdfs = await printToPdf(files);
  const resaved = await recalculate(files);
  replayPrinted = {
    pages: pdfPages(pdfs.replay),
    resaved: await JSZip.loadAsync(resaved.replay),
  };
  for (const name of Object.keys(plans)) {
    printed[name] = {
      pages: pdfPages(pdfs[name]),
      resaved: await JSZip.loadAsync(resaved[name]),
    };
  }
}, 300_000);

/** Pages of the schedule sheet: it prints first, its title rows at the top of every page. */
function schedulePages(name: string): string[] {
  const { pages } = printed[name];
  const after = pages.findIndex((p) => !p.includes("ALVH hedge schedule"));
  expect(after, "the positions sheet prints after the schedule").toBeGreaterThan(0);
  return pages.slice(0, after);
}

describe("LibreOffice renders the workbook's charts", () => {
  it.each(Object.keys(plans))("%s: draws every chart with its titles and legend", (name) => {
    const text = schedulePages(name).join("\n");
    for (const chart of plans[name].charts) {
      for (const label of [chart.title, chart.xAxisTitle, chart.yAxisTitle]) {
        expect(text, `${chart.id}: ${label}`).toContain(label);
      }
      for (const series of chart.series) expect(text, series.name).toContain(series.name);
    }
  });

  it.each(Object.keys(plans))(
    "%s: keeps them as chart parts when it saves the workbook",
    async (name) => {
      const { resaved } = printed[name];
      const charts = Object.keys(resaved.files).filter((f) =>
        /^xl\/charts\/chart\d+\.xml$/.test(f)
      );
      expect(charts).toHaveLength(plans[name].charts.length);
      const xml = await Promise.all(charts.map((f) => resaved.file(f)!.async("string")));
      for (const chart of plans[name].charts) {
        expect(xml.some((x) => x.includes(chart.title))).toBe(true);
      }
    }
  );
});

describe("LibreOffice renders the Replay sheet's charts", () => {
  const charts = replayPlan.charts.filter((c) => c.sheet === "replay");

  it("draws the equity and drawdown charts with every variant, the MACD-gated one included", () => {
    expect(charts.map((c) => c.id)).toEqual(["ALVH_EquityChart", "ALVH_DrawdownChart"]);
    const text = replayPrinted.pages.join("\n");
    for (const chart of charts) {
      for (const label of [chart.title, chart.yAxisTitle]) expect(text, label).toContain(label);
      expect(chart.series.map((s) => s.name)).toContain("ALVH MACD-gated");
      for (const series of chart.series) expect(text, series.name).toContain(series.name);
    }
  });

  it("keeps them as chart parts that read the plan's ranges on the Replay sheet", async () => {
    const { resaved } = replayPrinted;
    const parts = Object.keys(resaved.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(parts).toHaveLength(replayPlan.charts.length);
    const xml = await Promise.all(parts.map((f) => resaved.file(f)!.async("string")));
    const absolute = (range: string): string =>
      range.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => `$${col}$${row}`);
    for (const chart of charts) {
      const part = xml.find((x) => x.includes(chart.title.replace(/&/g, "&amp;")));
      expect(part, chart.title).toBeDefined();
      const refs = [...part!.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) =>
        m[1]
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&")
      );
      for (const series of chart.series) {
        for (const range of [series.x, series.y]) {
          expect(refs, `${chart.id} ${series.name}`).toContain(`'ALVH Replay'!${absolute(range)}`);
        }
      }
    }
  });
});

describe("LibreOffice prints the schedule", () => {
  it.each(Object.keys(plans))("%s: shows every value, no ###", (name) => {
    for (const page of printed[name].pages) expect(page).not.toContain("###");
  });

  it("prints a small book's schedule on one page and its positions on one more", () => {
    expect(schedulePages("small")).toHaveLength(1);
    expect(printed.small.pages).toHaveLength(2);
  });

  it("prints a long book on as few pages as its rows need, the titles on each", () => {
    // One page wide, so the page count follows the rows: 60 positions need at most a second page.
    // (LibreOffice 7.4 now scales the 157-row schedule onto one page; see the closing note.)
    expect(schedulePages("large").length).toBeLessThanOrEqual(2);
    for (const page of schedulePages("large")) expect(page).toContain("ALVH hedge schedule");
  });

  it.each(Object.keys(plans))("%s: keeps the layer table on one page", (name) => {
    const layers = plans[name].blocks.find((b) => b.id === "layers")!;
    const rows = layers.cells.length - 2;
    const holding = schedulePages(name).filter((p) => /^\s*Layer\s+EDR trigger/m.test(p));
    expect(holding).toHaveLength(1);
    // Each layer row starts with its number and its EDR trigger (format 0.000).
    const printedRows = holding[0].match(/^\s*\d+\s+\d+\.\d{3}\s/gm) ?? [];
    expect(printedRows).toHaveLength(rows);
  });
});
