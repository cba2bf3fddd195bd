/**
 * The pane's VIX closes in Excel (src/taskpane/excel-history.ts): the VIX column of the
 * ALVH_History table, read through the recording fake of the Excel object model.
 */
import { describe, expect, it } from "vitest";
import { historyVixCloses, readHistoryVix } from "../../src/taskpane/excel-history";
import { FakeExcel } from "../support/excel-fake";
import { workbookWithHistory } from "../support/history-table";

describe("reading ALVH_History's VIX closes", () => {
  it("reads the VIX column, oldest first, whatever its place and header case", async () => {
    const fake = workbookWithHistory(
      ["Date", "spx", "vix"],
      [
        [45660, 5900.5, 17.25],
        [45661, 5880, 18.5],
        [45662, 5901.25, 16.75],
      ]
    );
    expect(await readHistoryVix(fake.run)).toEqual([17.25, 18.5, 16.75]);
    // One probe, one read: the book's pattern.
    expect(fake.syncs).toBe(2);
  });

  it("reads the table as the replay does: text numbers, and blank rows at the bottom skipped", async () => {
    // The table Replay creates (A1:C2) has one blank data row: no closes, not an error.
    const created = workbookWithHistory(["Date", "SPX", "VIX"], [["", "", ""]]);
    expect(await readHistoryVix(created.run)).toEqual([]);
    const pasted = workbookWithHistory(
      ["Date", "SPX", "VIX"],
      [
        ["2025-01-02", "$5,900.50", "17.25"],
        [45661, 5880, 18.5],
        ["", "", ""],
      ]
    );
    expect(await readHistoryVix(pasted.run)).toEqual([17.25, 18.5]);
  });

  it("has no closes when the workbook has no history table", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    expect(await readHistoryVix(fake.run)).toBeUndefined();
  });

  it("names the sheet row of a bad close, and a missing VIX column, as the replay does", async () => {
    const bad = workbookWithHistory(
      ["Date", "SPX", "VIX"],
      [
        [45660, 5900, 17.2],
        [45661, 5880, "n/a"],
      ]
    );
    await expect(readHistoryVix(bad.run)).rejects.toThrow(
      "ALVH_History: Data row 5: vix is missing or not a number"
    );
    const noVix = workbookWithHistory(["Date", "SPX"], [[45660, 5900]]);
    await expect(readHistoryVix(noVix.run)).rejects.toThrow(
      "The ALVH_History table has no VIX column: its headers must be Date, SPX, VIX"
    );
  });

  it("as the pane's source: loaded once, listeners told, a failure reported with no closes", async () => {
    const fake = workbookWithHistory(["Date", "SPX", "VIX"], [[45660, 5900, 17.2]]);
    const reports: string[] = [];
    const source = historyVixCloses(fake.run, (m) => reports.push(m));
    let changes = 0;
    source.onChange(() => changes++);
    expect(source.closes()).toBeUndefined();
    await source.load();
    expect([source.closes(), changes, reports]).toEqual([[17.2], 1, []]);

    const broken = historyVixCloses(
      workbookWithHistory(["Date", "SPX"], [[45660, 5900]]).run,
      (m) => reports.push(m)
    );
    await broken.load();
    expect(broken.closes()).toBeUndefined();
    expect(reports).toEqual([expect.stringMatching(/has no VIX column/)]);
  });
});
