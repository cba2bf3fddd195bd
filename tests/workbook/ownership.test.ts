/**
 * Ownership that cannot be forged (issue 12, observation 5), through the recording Excel fake.
 * Anyone can put a workbook-level name `ALVH_Owned_Schedule` → 'Trades'!A1 into a workbook they
 * send, and a trader may have names of their own that start with `ALVH_`. The writer rewrites a
 * sheet only when the random id in the document settings and the one on that sheet agree; it
 * never deletes or redefines a name it did not create, and keeps cells the trader typed on its
 * sheet outside what it writes.
 */
import { describe, expect, it } from "vitest";
import { writeSchedule } from "../../src/hosts/excel/write";
import { OWNER_NAME } from "../../src/workbook/plan";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { FakeExcel, snapshotWorkbook } from "../support/excel-fake";
import { makePosition } from "./helpers";
import { buildSchedulePlan } from "../../src/workbook/schedule";

const plan = (n = 1) =>
  buildSchedulePlan({
    positions: Array.from({ length: n }, (_, i) => makePosition(`IC ${i}`)),
    scope: { kind: "book" },
    settings: DEFAULT_SETTINGS,
    market: { spot: 5712.5, vix: 19.5 },
    computedAt: 45707.4375,
  });

/** A workbook someone sent: a forged marker, and the trader's own ALVH_ names. */
function forgedWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("Trades");
  fake.type("Trades", "A1", [
    ["Ticker", "Qty", "VIX"],
    ["SPX", 3, 17.5],
  ]);
  fake.addUserName(OWNER_NAME, "Trades", "A1");
  fake.addUserName("ALVH_VIX", "Trades", "C2");
  fake.addUserName("ALVH_MyNotes", "Trades", "A2");
  return fake;
}

describe("ownership of the schedule sheet", () => {
  it("ignores a forged marker and leaves the trader's sheet and ALVH_ names alone", async () => {
    const fake = forgedWorkbook();
    const before = snapshotWorkbook(fake);
    const report = await writeSchedule(plan(), fake.ports);
    const after = snapshotWorkbook(fake);
    expect(report.sheet).toBe("ALVH Schedule");
    expect(report.message).toMatch(
      /"ALVH_Owned_Schedule" points at "Trades" but was not created by ALVH.*left untouched/
    );
    expect(after.sheets.find((s) => s.name === "Trades")).toEqual(before.sheets[0]);
    for (const name of [OWNER_NAME, "ALVH_VIX", "ALVH_MyNotes"]) {
      expect(
        after.names.find((n) => n.name === name && !n.scope),
        name
      ).toEqual(before.names.find((n) => n.name === name));
    }
    expect(fake.writes.filter((w) => w.sheet === "Trades")).toEqual([]);
    // The add-in's names live on its own sheet.
    const ours = after.names.filter((n) => n.scope === "ALVH Schedule").map((n) => n.name);
    expect(ours).toContain("ALVH_VIX");
    expect(ours).toContain(OWNER_NAME);
  });

  it("rewrites its own sheet, keeping a cell the trader typed there and the trader's names", async () => {
    const fake = forgedWorkbook();
    await writeSchedule(plan(), fake.ports);
    fake.type("ALVH Schedule", "AZ1", [["my note"]]);
    const userNames = snapshotWorkbook(fake).names.filter((n) => !n.scope);
    const again = await writeSchedule(plan(2), fake.ports);
    expect(again.sheet).toBe("ALVH Schedule");
    expect(fake.cell("ALVH Schedule", "AZ1")?.value).toBe("my note");
    expect(snapshotWorkbook(fake).names.filter((n) => !n.scope)).toEqual(userNames);
    expect(fake.findSheet("ALVH Schedule (2)")).toBeUndefined();
  });

  it("writes to a new sheet, saying why, when the sheet's proof does not match the settings", async () => {
    const fake = forgedWorkbook();
    await writeSchedule(plan(), fake.ports);
    // Someone copies the settings from another workbook: the ids no longer agree.
    const record = fake.settings.get("alvh.owner") as Record<string, unknown>;
    fake.documentSettings.set("alvh.owner", { ...record, token: "0f0f0f0f-forged-token-0f0f0f0f" });
    const before = snapshotWorkbook(fake).sheets.find((s) => s.name === "ALVH Schedule");
    const report = await writeSchedule(plan(), fake.ports);
    expect(report.sheet).toBe("ALVH Schedule (2)");
    expect(report.message).toMatch(/no proof that ALVH wrote it/);
    expect(snapshotWorkbook(fake).sheets.find((s) => s.name === "ALVH Schedule")).toEqual(before);
  });

  it("asks first (writes nothing) when the new schedule would cover cells the trader typed", async () => {
    const fake = forgedWorkbook();
    await writeSchedule(plan(1), fake.ports);
    const bigger = plan(30);
    const grown = bigger.blocks.find((b) => b.sheet === "schedule" && b.id === "positions")!;
    const lastRow = grown.row + grown.cells.length;
    const cell = `${String.fromCharCode(65 + grown.col)}${lastRow}`;
    if (fake.cell("ALVH Schedule", cell)) throw new Error(`${cell} is already the add-in's`);
    fake.type("ALVH Schedule", cell, [["typed by the trader"]]);
    const before = snapshotWorkbook(fake);
    await expect(writeSchedule(bigger, fake.ports)).rejects.toThrow(
      new RegExp(`${cell}.*nothing was written`)
    );
    expect(snapshotWorkbook(fake)).toEqual(before);
  });
});
