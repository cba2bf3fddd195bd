/**
 * Workbook safety (issue 8): a workbook a trader already works in, with their own sheets, a sheet
 * named "ALVH Schedule" the add-in did not create, a protected sheet and a positions table edited
 * by hand with a bad row. Writing changes no foreign cell, reports the bad row by its row number,
 * skips it and loses no position; text that looks like a formula stays text.
 */
import { describe, expect, it } from "vitest";
import { excelHost } from "../../src/hosts/excel/host";
import { POSITIONS_TABLE } from "../../src/workbook/plan";
import { POSITION_COLUMNS } from "../../src/workbook/positions-table";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { FakeExcel, snapshotWorkbook } from "../support/excel-fake";
import { makePosition, planFromBook, tableRow } from "./helpers";

const TRICKY_LABELS = ["=SUM(A1)", "+x", "-x", "@x"];

function tradersWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("Trades");
  fake.type("Trades", "A1", [
    ["Ticker", "Qty", "Value"],
    ["SPX", 3, "=B2*2"],
  ]);
  fake.addUserName("MyQty", "Trades", "B2");
  fake.addSheet("ALVH Schedule");
  fake.type("ALVH Schedule", "A1", [["my own schedule"], [42]]);
  fake.addSheet("Locked", { protected: true });
  fake.type("Locked", "B2", [["do not touch"]]);
  const positions = fake.addSheet("ALVH Positions");
  // Label and Notes columns are text, as the add-in formats them, so "=SUM(A1)" stays a label.
  for (let r = 1; r <= 5; r++) [0, 10].forEach((c) => fake.setFormat(positions, r, c, "@"));
  const rows = TRICKY_LABELS.map((label, i) =>
    tableRow(label, { contracts: i + 1, notes: "=1+1" })
  );
  // Row 4 typed by hand: the long put above the short put.
  const bad = ["Hand typed", 45737, 5600, 5550, 5850, 5900, 12.35, 1, "", 0.16, "long put wrong"];
  fake.addUserTable(
    "ALVH Positions",
    "A1",
    [...POSITION_COLUMNS],
    [rows[0], rows[1], bad, rows[2], rows[3]],
    POSITIONS_TABLE
  );
  fake.documentSettings.set("user.setting", { keep: true });
  return fake;
}

const request = planFromBook({
  scope: { kind: "book" },
  settings: DEFAULT_SETTINGS,
  market: { spot: 5712.5, vix: 19.5 },
  at: new Date(2025, 1, 19, 10, 30),
});

describe("writing into a trader's workbook", () => {
  it("changes no foreign cell, name or table row, and reports the bad row by number", async () => {
    const fake = tradersWorkbook();
    const before = snapshotWorkbook(fake);
    const port = excelHost(fake.ports);
    const written = await port.write(request);
    expect(written.sheet).toBe("ALVH Schedule (2)");
    expect(written.renamed).toBe(true);
    expect(written.message).toMatch(/"ALVH Schedule" already exists and was not created by ALVH/);
    expect(written.problems).toEqual([
      {
        row: 4,
        message: expect.stringMatching(/^row 4: shortPut 5550 must be above longPut 5600/),
      },
    ]);
    expect(written.plan.summary.positions).toBe(4);

    const after = snapshotWorkbook(fake);
    for (const name of ["Trades", "ALVH Schedule", "Locked", "ALVH Positions"]) {
      expect(
        after.sheets.find((s) => s.name === name),
        name
      ).toEqual(before.sheets.find((s) => s.name === name));
    }
    expect(after.tables).toEqual(before.tables);
    expect(after.names.find((n) => n.name === "MyQty")).toEqual(before.names[0]);
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set(["ALVH Schedule (2)"]));
    expect(after.settings["user.setting"]).toEqual({ keep: true });

    const schedule = after.sheets.find((s) => s.name === "ALVH Schedule (2)")!;
    const texts = Object.values(schedule.cells).filter((c) => c.format === "@");
    for (const label of TRICKY_LABELS) {
      expect(
        texts.find((c) => c.value === label),
        label
      ).toMatchObject({ formula: null });
    }
  });

  it("gives the same workbook when written twice", async () => {
    const fake = tradersWorkbook();
    const port = excelHost(fake.ports);
    await port.write(request);
    const once = snapshotWorkbook(fake);
    const again = await port.write(request);
    expect(again.sheet).toBe("ALVH Schedule (2)");
    expect(again.renamed).toBe(false);
    expect(snapshotWorkbook(fake)).toEqual(once);
  });

  it("keeps every position when the trader saves, fixes and deletes around the bad row", async () => {
    const fake = tradersWorkbook();
    const port = excelHost(fake.ports);
    await port.book.save(makePosition("New one"));
    await port.book.remove("+x");
    const { positions, problems } = await port.book.list();
    expect(positions.map((p) => p.label)).toEqual(["=SUM(A1)", "-x", "@x", "New one"]);
    expect(problems.map((p) => p.row)).toEqual([3]);
    expect(fake.tableValues(POSITIONS_TABLE)[1][0]).toBe("Hand typed");
    await port.book.save(makePosition("hand typed"));
    expect((await port.book.list()).problems).toEqual([]);
    expect((await port.book.list()).positions).toHaveLength(5);
  });
});
