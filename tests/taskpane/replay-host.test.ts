/**
 * The pane's replay hosts without a page: in Excel (the recording fake) the history comes from
 * ALVH_History and the outcome is the engine's replay of it with the pane's parameters;
 * standalone, the imported history is kept in storage and replayed.
 */
import { describe, expect, it } from "vitest";
import { replay, replayParams } from "../../src/core";
import { excelReplayHost } from "../../src/taskpane/replay/hosts";
import { HISTORY_TABLE, REPLAY_SHEET } from "../../src/workbook/plan";
import { FakeExcel } from "../support/excel-fake";
import { historyRows, syntheticHistory } from "../support/synthetic-history";

describe("the Excel replay host", () => {
  it("creates the history table first, then replays what the trader pasted", async () => {
    const fake = new FakeExcel();
    const host = excelReplayHost(fake.ports);
    expect(host.historyStatus()).toContain(HISTORY_TABLE);
    const params = replayParams({ longRunVix: 22, feePerContract: 1.5 });
    const first = await host.replay(params);
    expect(first.outcome).toBeNull();
    expect(first.message).toContain("Created the ALVH_History table");

    const h = syntheticHistory(500);
    const table = fake.findTable(HISTORY_TABLE);
    if (!table) throw new Error("no table");
    fake.type(table.sheet.name, "A2", historyRows(h));
    table.rows = h.dates.length;
    const second = await host.replay(params);
    expect(second.message).toBe(
      `Replayed 500 rows of ALVH_History ('ALVH History'!A2:C501) into "${REPLAY_SHEET}".`
    );
    expect(second.outcome?.result.summary).toEqual(replay(h, params).summary);
    expect(second.outcome?.result.params.longRunVix).toBe(22);
    expect(fake.cell(REPLAY_SHEET, "B13")?.value).toBe(22);
  });
});
