/**
 * The "ALVH Replay" plan: layout, the engine's figures in every row, the formulas' expected values
 * against the engine's summary, the charts' ranges; the .xlsx renderer's copy recomputed in
 * LibreOffice (every drawdown, total P&L and max drawdown formula against the engine).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  macdLayerGate,
  replay,
  replayGateComparison,
  SUMMARY_ROWS,
  type ReplayResult,
} from "../../../src/core";
import { cellAddress } from "../../../src/workbook/a1";
import { REPLAY_OWNER_NAME, REPLAY_SHEET, type WorkbookPlan } from "../../../src/workbook/plan";
import {
  buildReplaySheet,
  DAILY_HEADERS,
  REPLAY_LIMITS,
  withReplaySheet,
  yearOf,
} from "../../../src/workbook/replay";
import { renderXlsx } from "../../../src/workbook/xlsx";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { writeReplay } from "../../../src/hosts/excel/replay";
import { HISTORY_TABLE } from "../../../src/workbook/plan";
import { FakeExcel, snapshotWorkbook } from "../../support/excel-fake";
import { recalculate } from "../../support/libreoffice";
import { syntheticHistory } from "../../support/synthetic-history";
import { cellAt, makePosition } from "../helpers";
import { readXlsx, sheetNamed, type ReadBook } from "../xlsx/read";
import { bookFromSnapshot, bookPlan, compareFormulas, formulaAddresses } from "../xlsx/support";

const result: ReplayResult = replay(syntheticHistory(1500, 7, 700));
const sheet = buildReplaySheet({ result, source: "a synthetic history" });
const plan: WorkbookPlan = withReplaySheet(bookPlan([makePosition("IC 1")]), sheet);

function textAt(address: string): string {
  const cell = cellAt(plan, "replay", address);
  return cell.kind === "text" ? cell.text : "";
}

describe("the ALVH Replay sheet plan", () => {
  it("lists the days, the cycles and the engine's summary", () => {
    const daily = sheet.blocks.find((b) => b.id === sheet.dailyBlockId);
    expect(daily?.cells).toHaveLength(result.days.length);
    expect(daily?.address).toBe(`N6:AC${5 + result.days.length}`);
    expect(sheet.title).toContain(`(1,500 days, ${result.cycles.length} cycles)`);
    expect(DAILY_HEADERS).toHaveLength(16);
    const summary = sheet.blocks.find((b) => b.id === "replay-summary");
    const labels = summary?.cells.map((r) => (r[0].kind === "text" ? r[0].text : ""));
    expect(labels?.slice(1)).toEqual([
      "metric",
      "cycles",
      "total P&L ($)",
      "hedge P&L ($)",
      "max drawdown ($)",
      "worst cycle ($)",
      "winning cycles",
      "hedge contracts traded",
      "days hedged",
    ]);
    const cycles = sheet.blocks.find((b) => b.id === "replay-cycles");
    expect(cycles?.cells).toHaveLength(result.cycles.length + 2);
    const firstCycle = cycles?.cells[2];
    expect(firstCycle?.[5]).toMatchObject({ value: result.cycles[0].strikes.shortPut });
    expect(firstCycle?.[11]).toMatchObject({ value: result.cycles[0].pnl.alvh });
  });

  it("gives total P&L and max drawdown as formulas whose expected values are the engine's", () => {
    const summary = sheet.blocks.find((b) => b.id === "replay-summary");
    if (!summary) throw new Error("no summary");
    const total = summary.cells[3];
    const drawdown = summary.cells[5];
    (["unhedged", "static", "alvh"] as const).forEach((v, k) => {
      const t = total[1 + k];
      const d = drawdown[1 + k];
      if (t.kind !== "formula" || d.kind !== "formula") throw new Error("not formulas");
      expect(t.expected).toBe(result.summary[v].totalPnl);
      expect(d.expected).toBe(result.summary[v].maxDrawdown);
      expect(t.formula).toMatch(/^=[V-X]\d+$/);
      expect(d.formula).toMatch(/^=MAX\([Y-Z]|AA/);
    });
    expect(result.summary.unhedged.maxDrawdown).toBeGreaterThan(0);
  });

  it("states the model's limits, with how to change each", () => {
    expect(REPLAY_LIMITS).toHaveLength(4);
    const limits = sheet.blocks.find((b) => b.id === "replay-limits");
    expect(limits?.cells.slice(1).map((r) => (r[0].kind === "text" ? r[0].text : ""))).toEqual([
      ...REPLAY_LIMITS,
    ]);
    expect(REPLAY_LIMITS.join(" ")).toMatch(/Long-run VIX.*implied vol.*skew.*close/s);
  });

  it("charts the three equity curves, the MACD-gated ALVH's and the drawdowns against the year", () => {
    expect(sheet.charts.map((c) => c.id)).toEqual(["ALVH_EquityChart", "ALVH_DrawdownChart"]);
    const last = 5 + result.days.length;
    expect(sheet.charts[0].series.map((s) => [s.name, s.x, s.y])).toEqual([
      ["unhedged", `O6:O${last}`, `V6:V${last}`],
      ["static", `O6:O${last}`, `W6:W${last}`],
      ["ALVH", `O6:O${last}`, `X6:X${last}`],
      ["ALVH MACD-gated", `O6:O${last}`, `AB6:AB${last}`],
    ]);
    expect(sheet.charts[1].series[2].y).toBe(`AA6:AA${last}`);
    expect(sheet.charts[1].series[3].y).toBe(`AC6:AC${last}`);
    expect(yearOf(result.days[0].date)).toBeCloseTo(1995.005, 3);
  });

  it("compares the MACD-gated ALVH with the plain rule: the engine's summaries", () => {
    const gate = replayGateComparison(syntheticHistory(1500, 7, 700));
    const block = sheet.blocks.find((b) => b.id === "replay-gate");
    if (!block) throw new Error("no MACD gate block");
    expect(block.cells[2].map((c) => (c.kind === "text" ? c.text : ""))).toEqual([
      "metric",
      "ALVH",
      "ALVH MACD-gated",
    ]);
    const rows = block.cells.slice(3);
    expect(rows.map((r) => (r[0].kind === "text" ? r[0].text : ""))).toEqual(
      SUMMARY_ROWS.map(([label]) => label)
    );
    SUMMARY_ROWS.forEach(([, field], r) => {
      const [plain, gated] = [rows[r][1], rows[r][2]].map((c) =>
        c.kind === "formula" ? c.expected : c.kind === "number" ? c.value : null
      );
      expect(plain, field).toBe(gate.plain[field]);
      expect(gated, field).toBe(gate.macdGated[field]);
    });
    // The plain rule is the sheet's ALVH; the gate changes what ALVH holds on this history.
    expect(gate.plain).toEqual(result.summary.alvh);
    expect(gate.macdGated.contractsTraded).not.toBe(gate.plain.contractsTraded);
    const gated = replay(
      syntheticHistory(1500, 7, 700),
      {},
      {
        layerGate: macdLayerGate(syntheticHistory(1500, 7, 700).vix),
      }
    );
    const daily = sheet.blocks.find((b) => b.id === sheet.dailyBlockId)!;
    const equity = DAILY_HEADERS.indexOf("Equity ALVH MACD-gated ($)");
    daily.cells.forEach((row, i) =>
      expect(row[equity]).toMatchObject({ value: gated.days[i].equity.alvh })
    );
  });

  it("is owned like the schedule: a hidden marker on A1, the preferred name", () => {
    expect(sheet.sheet).toMatchObject({ key: "replay", name: REPLAY_SHEET, owned: true });
    expect(sheet.ownerMarker).toMatchObject({
      name: REPLAY_OWNER_NAME,
      address: "$A$1",
      visible: false,
    });
    expect(plan.sheets.map((s) => s.key)).toEqual(["schedule", "positions", "replay"]);
    expect(plan.names.filter((n) => n.name === REPLAY_OWNER_NAME)).toHaveLength(1);
    expect(textAt("A1")).toBe(sheet.title);
    expect(cellAddress(0, 13)).toBe("N1");
  });
});

/** The same history written by the Office.js renderer into the recording fake. */
async function officeWritten(): Promise<Uint8Array> {
  const h = syntheticHistory(1500, 7, 700);
  const fake = new FakeExcel();
  fake.addSheet("Data");
  fake.addUserTable(
    "Data",
    "A1",
    ["Date", "SPX", "VIX"],
    h.dates.map((d, i) => [d, h.spx[i], h.vix[i]]),
    HISTORY_TABLE
  );
  await writeReplay(fake.ports, (read) =>
    buildReplaySheet({ result: replay(read.history), source: "a synthetic history" })
  );
  return writeXlsx(bookFromSnapshot(snapshotWorkbook(fake)));
}

describe("the Replay sheet in the .xlsx, recomputed by LibreOffice", () => {
  let recomputed: ReadBook;
  let office: ReadBook;
  beforeAll(async () => {
    const out = await recalculate({
      replay: await renderXlsx(plan),
      office: await officeWritten(),
    });
    recomputed = await readXlsx(out.replay);
    office = await readXlsx(out.office);
  }, 180_000);

  it("recomputes the Office.js renderer's sheet to the same values", () => {
    const result = compareFormulas(plan, "replay", sheetNamed(office, REPLAY_SHEET));
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(result.checked).toBe(4 * 1500 + 6 + 4);
  });

  it("recomputes every drawdown, total P&L and max drawdown formula to the engine's value", () => {
    const result = compareFormulas(plan, "replay", sheetNamed(recomputed, REPLAY_SHEET));
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(result.checked).toBe(formulaAddresses(plan, "replay").length);
    expect(result.checked).toBe(4 * 1500 + 6 + 4);
  });
});
