/**
 * The replay in Excel through the recording fake: the ALVH_History table read (rows, range, bad
 * rows named by sheet row), the owned "ALVH Replay" sheet written in a bounded number of syncs,
 * in batches under Excel on the web's 5 MB payload limit, and ownership as the schedule's.
 */
import { describe, expect, it } from "vitest";
import { isoFromSerial, replay } from "../../../src/core";
import { writeReplay } from "../../../src/hosts/excel/replay";
import { BATCH_BYTES, REPLAY_OWNER_SETTING } from "../../../src/workbook/excel/replay";
import {
  HISTORY_COLUMNS,
  HISTORY_TABLE,
  REPLAY_OWNER_NAME,
  REPLAY_SHEET,
  type ReplaySheetPlan,
} from "../../../src/workbook/plan";
import { buildReplaySheet, DAILY_HEADERS } from "../../../src/workbook/replay";
import type { HistoryRead } from "../../../src/workbook/excel/replay";
import { FakeExcel } from "../../support/excel-fake";
import { historyRows, syntheticHistory } from "../../support/synthetic-history";
import { workbookWithHistory } from "../../support/history-table";

/** The error a write rejects with (a write that succeeds fails the test). */
async function refusal(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => {
      throw new Error("expected the replay to be refused");
    },
    (error: unknown) => error
  );
}

const PAYLOAD_LIMIT = 5 * 1024 * 1024;

function withHistory(rows: number): FakeExcel {
  return workbookWithHistory(HISTORY_COLUMNS, historyRows(syntheticHistory(rows)));
}

const build = (read: HistoryRead): ReplaySheetPlan =>
  buildReplaySheet({ result: replay(read.history), source: read.range });

describe("replay in Excel (fake)", () => {
  it.each([
    [1000, 3],
    [8500, 5],
  ])("writes %i days in %i syncs, each batch under the payload limit", async (rows, syncs) => {
    const fake = withHistory(rows);
    const report = await writeReplay(fake.ports, build);
    if (report.kind !== "written") throw new Error("not written");
    expect(report.read.rows).toBe(rows);
    expect(report.read.range).toBe(`'Data'!B4:D${3 + rows}`);
    expect(report.message).toContain(`${rows.toLocaleString("en-US")} rows of ALVH_History`);
    expect(fake.syncs).toBe(syncs);
    expect(report.syncs).toBe(syncs);
    expect(report.batches).toBe(syncs - 2);
    expect(report.largestBatch).toBeLessThanOrEqual(BATCH_BYTES);
    expect(BATCH_BYTES).toBeLessThan(PAYLOAD_LIMIT / 3);
    // Every day landed: the last row's date, and its ALVH drawdown formula.
    const h = syntheticHistory(rows);
    const daily = report.plan.blocks.find((b) => b.id === report.plan.dailyBlockId);
    if (!daily) throw new Error("no daily block");
    const lastRow = daily.row + rows;
    expect(fake.cell(REPLAY_SHEET, `N${lastRow}`)?.value).toBe(h.dates[rows - 1]);
    expect(fake.cell(REPLAY_SHEET, `AA${lastRow}`)?.formula).toMatch(
      /^=MAX\(0,AA\d+\+X\d+-X\d+\)$/
    );
    // The proof is a hidden name scoped to the sheet, whose comment is the settings' token.
    const marker = fake.findName(REPLAY_OWNER_NAME, fake.requireSheet(REPLAY_SHEET));
    expect(marker?.visible).toBe(false);
    expect(marker?.comment).toBe(
      (fake.settings.get(REPLAY_OWNER_SETTING) as Record<string, unknown>).token
    );
    const snapshot = fake.requireSheet(REPLAY_SHEET).charts.map((c) => c.name);
    expect(snapshot).toEqual(["ALVH_EquityChart", "ALVH_DrawdownChart"]);
  });

  it("refuses a history of 1 row in 2 syncs, writing nothing", async () => {
    const fake = withHistory(1);
    const error = await refusal(writeReplay(fake.ports, build));
    expect(String(error)).toMatch(/holds no complete cycle/);
    expect(fake.syncs).toBe(2);
    expect(fake.findSheet(REPLAY_SHEET)).toBeUndefined();
  });

  it("names the sheet row of a bad history row and writes nothing", async () => {
    const fake = withHistory(300);
    fake.type("Data", "C40", [["n/a"]]);
    const error = await refusal(writeReplay(fake.ports, build));
    expect(String(error)).toContain("ALVH_History: Data row 40: spx is missing or not a number");
    expect(fake.findSheet(REPLAY_SHEET)).toBeUndefined();
  });

  it("reads dates pasted as ISO text, ignores blank rows at the bottom", async () => {
    const h = syntheticHistory(120);
    const fake = workbookWithHistory(
      ["date", "spx", "vix"],
      [...h.dates.map((d, i) => [`'${isoFromSerial(d)}`, h.spx[i], h.vix[i]]), ["", "", ""]],
      { at: "A1" }
    );
    const report = await writeReplay(fake.ports, build);
    if (report.kind !== "written") throw new Error("not written");
    expect(report.read.rows).toBe(120);
    expect(report.read.history.dates).toEqual(h.dates);
  });

  it("creates the history table when the workbook has none, and says where to paste", async () => {
    const fake = new FakeExcel();
    const report = await writeReplay(fake.ports, build);
    expect(report.kind).toBe("created-table");
    expect(report.message).toContain('Created the ALVH_History table on "ALVH History"');
    expect(fake.findTable(HISTORY_TABLE)?.sheet.name).toBe("ALVH History");
    expect(fake.cell("ALVH History", "A1")?.value).toBe("Date");
    expect(fake.findSheet(REPLAY_SHEET)).toBeUndefined();
  });

  it("rewrites its own sheet (renamed by the trader) and never a sheet it did not create", async () => {
    const fake = withHistory(400);
    fake.addSheet(REPLAY_SHEET);
    fake.type(REPLAY_SHEET, "A1", [["my notes"]]);
    const first = await writeReplay(fake.ports, build);
    expect(first.sheet).toBe(`${REPLAY_SHEET} (2)`);
    expect(first.message).toContain("was not created by ALVH");
    expect(fake.cell(REPLAY_SHEET, "A1")?.value).toBe("my notes");
    fake.requireSheet(`${REPLAY_SHEET} (2)`).name = "My replay";
    const second = await writeReplay(fake.ports, build);
    expect(second.sheet).toBe("My replay");
    expect(fake.requireSheet("My replay").charts).toHaveLength(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Data", REPLAY_SHEET, "My replay"]);
    expect(fake.cell("My replay", "N6")?.value).toBe(syntheticHistory(400).dates[0]);
    expect(DAILY_HEADERS[0]).toBe("Date");
  });

  it("ignores a forged workbook-level marker: the trader's sheet is never cleared (issue 12)", async () => {
    const fake = withHistory(400);
    fake.addSheet("Trades");
    fake.type("Trades", "A1", [["my trade"]]);
    fake.addUserName(REPLAY_OWNER_NAME, "Trades", "A1");
    const report = await writeReplay(fake.ports, build);
    expect(report.sheet).toBe(REPLAY_SHEET);
    expect(fake.cell("Trades", "A1")?.value).toBe("my trade");
    expect(fake.findName(REPLAY_OWNER_NAME)).toBeDefined();
    // Settings copied from another workbook prove nothing either.
    const record = fake.settings.get(REPLAY_OWNER_SETTING) as Record<string, unknown>;
    fake.documentSettings.set(REPLAY_OWNER_SETTING, {
      ...record,
      token: "0f0f0f0f-forged-0f0f0f0f",
    });
    const again = await writeReplay(fake.ports, build);
    expect(again.sheet).toBe(`${REPLAY_SHEET} (2)`);
  });
});
