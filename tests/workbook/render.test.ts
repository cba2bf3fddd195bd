/**
 * The Office.js renderer against the recording fake of the Excel object model
 * (tests/support/excel-fake.ts): round trips, ownership, safety of foreign sheets, idempotence,
 * text safety and the requirement-set check.
 */
import { describe, expect, it } from "vitest";
import { isAlvhError } from "../../src/core";
import type { Position } from "../../src/workbook/model";
import { writeSchedule } from "../../src/hosts/excel/write";
import { officeInput } from "../../src/workbook/excel/cells";
import { sheetOfReference } from "../../src/workbook/excel/render";
import { OWNER_NAME, POSITIONS_TABLE, type WorkbookPlan } from "../../src/workbook/plan";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { positionCells, POSITION_COLUMNS } from "../../src/workbook/positions-table";
import { DEFAULT_SETTINGS, SETTINGS_KEY } from "../../src/workbook/settings";
import { STYLE_LOOKS } from "../../src/workbook/styles";
import { a1, FakeExcel, snapshotWorkbook, parseInput } from "../support/excel-fake";
import { expectedByAddress, makePosition, recordScheduleWrite } from "./helpers";

function book(n: number): Position[] {
  return Array.from({ length: n }, (_, i) =>
    makePosition(`IC ${i + 1}`, {
      longPut: 5400 + (i % 20) * 5,
      shortPut: 5450 + (i % 20) * 5,
      shortCall: 5900 + (i % 7) * 10,
      longCall: 5950 + (i % 7) * 10,
      contracts: 1 + (i % 3),
      expiry: 45737 + (i % 4) * 7,
    })
  );
}

function plan(positions: Position[]): WorkbookPlan {
  return buildSchedulePlan({
    positions,
    scope: { kind: "book" },
    settings: DEFAULT_SETTINGS,
    market: { spot: 5712.5, vix: 18 },
    computedAt: 45707.4375,
  });
}

/** A workbook a trader already works in: data, a name, a protected sheet. */
function userWorkbook(
  options: { foreignSchedule?: boolean; protectedSchedule?: boolean } = {}
): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("Trades");
  fake.type("Trades", "A1", [
    ["Ticker", "Qty"],
    ["SPX", 3],
    ["=1+1", "=B2*2"],
  ]);
  fake.addUserName("MyQty", "Trades", "B2");
  fake.addSheet("Locked", { protected: true });
  if (options.foreignSchedule || options.protectedSchedule) {
    fake.addSheet("ALVH Schedule", { protected: options.protectedSchedule });
  }
  if (options.foreignSchedule) fake.type("ALVH Schedule", "A1", [["my own notes"], [42]]);
  return fake;
}

describe("renderer round trips", () => {
  it.each([1, 50, 500])("writes %i positions in at most 3 syncs, fresh or rewritten", async (n) => {
    const p = plan(book(n));
    const fake = userWorkbook();
    const first = await writeSchedule(p, fake.ports);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(first.syncs).toBe(fake.syncs);
    const before = fake.syncs;
    await writeSchedule(p, fake.ports);
    expect(fake.syncs - before).toBeLessThanOrEqual(3);
    expect(fake.screenUpdatingSuspended).toBe(2);
  });

  it("costs the same proxy calls for 50 or 500 positions (whole 2-D arrays, not cells)", async () => {
    const calls = async (n: number): Promise<number> => {
      const fake = new FakeExcel();
      await writeSchedule(plan(book(n)), fake.ports);
      return fake.proxyCalls;
    };
    expect(await calls(500)).toBe(await calls(50));
  });
});

describe("renderer safety", () => {
  it("writes only on its own sheets and leaves the trader's sheets and names alone", async () => {
    const fake = userWorkbook();
    const before = snapshotWorkbook(fake);
    const report = await writeSchedule(plan(book(3)), fake.ports);
    expect(report).toMatchObject({
      sheet: "ALVH Schedule",
      renamed: false,
      positionsSheet: "ALVH Positions",
      tableCreated: true,
    });
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(
      new Set(["ALVH Schedule", "ALVH Positions"])
    );
    const after = snapshotWorkbook(fake);
    for (const name of ["Trades", "Locked"]) {
      expect(after.sheets.find((s) => s.name === name)).toEqual(
        before.sheets.find((s) => s.name === name)
      );
    }
    expect(after.names.find((n) => n.name === "MyQty")).toEqual(
      before.names.find((n) => n.name === "MyQty")
    );
  });

  it("writes to 'ALVH Schedule (2)' when the trader owns 'ALVH Schedule', and says so", async () => {
    const fake = userWorkbook({ foreignSchedule: true });
    const foreign = snapshotWorkbook(fake).sheets.find((s) => s.name === "ALVH Schedule");
    const report = await writeSchedule(plan(book(2)), fake.ports);
    expect(report.sheet).toBe("ALVH Schedule (2)");
    expect(report.renamed).toBe(true);
    expect(report.message).toMatch(/"ALVH Schedule" already exists and was not created by ALVH/);
    expect(fake.writes.some((w) => w.sheet === "ALVH Schedule")).toBe(false);
    const again = await writeSchedule(plan(book(2)), fake.ports);
    expect(again).toMatchObject({
      sheet: "ALVH Schedule (2)",
      renamed: false,
      tableCreated: false,
    });
    expect(snapshotWorkbook(fake).sheets.find((s) => s.name === "ALVH Schedule")).toEqual(foreign);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Trades",
      "Locked",
      "ALVH Schedule",
      "ALVH Schedule (2)",
      "ALVH Positions",
    ]);
  });

  it("never touches a protected foreign sheet of the same name", async () => {
    const fake = userWorkbook({ protectedSchedule: true });
    const report = await writeSchedule(plan(book(1)), fake.ports);
    expect(report.sheet).toBe("ALVH Schedule (2)");
    expect(fake.writes.filter((w) => w.sheet === "ALVH Schedule" || w.sheet === "Locked")).toEqual(
      []
    );
  });

  it("refuses, before writing, to rewrite its own sheet once the trader protected it", async () => {
    const fake = new FakeExcel();
    await writeSchedule(plan(book(1)), fake.ports);
    fake.requireSheet("ALVH Schedule").protected = true;
    const writes = fake.writes.length;
    await expect(writeSchedule(plan(book(1)), fake.ports)).rejects.toThrow(
      /"ALVH Schedule" is protected: unprotect it/
    );
    expect(fake.writes.length).toBe(writes);
  });

  it("follows its sheet when the trader renames it", async () => {
    const fake = new FakeExcel();
    await writeSchedule(plan(book(1)), fake.ports);
    fake.requireSheet("ALVH Schedule").name = "My hedge";
    const report = await writeSchedule(plan(book(2)), fake.ports);
    expect(report.sheet).toBe("My hedge");
    expect(fake.findSheet("ALVH Schedule")).toBeUndefined();
  });

  it("keeps an existing positions table as the trader left it, bad row included", async () => {
    const fake = new FakeExcel();
    fake.addSheet("ALVH Positions");
    const good = makePosition("Good");
    const row = positionCells(good).map(officeInput);
    const bad = ["Bad", 45737, 5500, 5550, 5450, 5900, 12, 1, "", 0.16, "strikes typed wrong"];
    fake.addUserTable("ALVH Positions", "A1", [...POSITION_COLUMNS], [row, bad], POSITIONS_TABLE);
    const before = fake.tableValues(POSITIONS_TABLE);
    const report = await writeSchedule(plan([good]), fake.ports);
    expect(report).toMatchObject({ tableCreated: false, positionsSheet: null });
    expect(fake.tableValues(POSITIONS_TABLE)).toEqual(before);
    expect(fake.writes.some((w) => w.sheet === "ALVH Positions")).toBe(false);
  });
});

describe("renderer output", () => {
  it("is idempotent: writing twice gives the same workbook", async () => {
    const fake = userWorkbook({ foreignSchedule: true });
    const p = plan(book(5));
    await writeSchedule(p, fake.ports);
    const once = snapshotWorkbook(fake);
    await writeSchedule(p, fake.ports);
    expect(snapshotWorkbook(fake)).toEqual(once);
    const sheet = once.sheets.find((s) => s.name === "ALVH Schedule (2)")!;
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.conditionalFormats).toHaveLength(1);
  });

  it("draws the schedule's payoff and coverage PlanCharts as native XY charts", async () => {
    const fake = new FakeExcel();
    const p = plan(book(3));
    await writeSchedule(p, fake.ports);
    const sheet = snapshotWorkbook(fake).sheets.find((s) => s.name === "ALVH Schedule")!;
    expect(p.charts.map((c) => c.id)).toEqual(["ALVH_PayoffChart", "ALVH_CoverageChart"]);
    expect(sheet.charts).toHaveLength(p.charts.length);
    p.charts.forEach((spec, i) => {
      const chart = sheet.charts[i];
      expect(chart).toMatchObject({
        name: spec.id,
        type: "XYScatterLines",
        title: spec.title,
        xAxisTitle: spec.xAxisTitle,
        yAxisTitle: spec.yAxisTitle,
        from: spec.from,
        to: spec.to,
      });
      const plain = (address: string) =>
        `'ALVH Schedule'!${address.replace(/^.*!/, "").replace(/\$/g, "")}`;
      expect(chart.series.map((s) => [s.name, s.x && plain(s.x), s.y && plain(s.y)])).toEqual(
        spec.series.map((s) => [s.name, plain(s.x), plain(s.y)])
      );
    });
  });

  it("clears what a previous, longer schedule left behind", async () => {
    const fresh = new FakeExcel();
    await writeSchedule(plan(book(2)), fresh.ports);
    const reused = new FakeExcel();
    await writeSchedule(plan(book(40)), reused.ports);
    await writeSchedule(plan(book(2)), reused.ports);
    const sheetOf = (f: FakeExcel) =>
      snapshotWorkbook(f).sheets.find((s) => s.name === "ALVH Schedule");
    expect(sheetOf(reused)!.cells).toEqual(sheetOf(fresh)!.cells);
    expect(sheetOf(reused)!.charts).toEqual(sheetOf(fresh)!.charts);
  });

  it("records every plan cell at its address with its formula, value and format", async () => {
    const p = plan(book(3));
    const fake = new FakeExcel();
    await writeSchedule(p, fake.ports);
    const sheet = snapshotWorkbook(fake).sheets.find((s) => s.name === "ALVH Schedule")!;
    for (const b of p.blocks.filter((x) => x.sheet === "schedule")) {
      b.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const got = sheet.cells[a1(b.row + r, b.col + c)];
          const { value, formula, format } = got ?? { value: null, formula: null, format: null };
          if (cell.kind === "empty") expect(value).toBeNull();
          else if (cell.kind === "formula")
            expect({ value, formula, format }).toEqual({
              value: null,
              formula: cell.formula,
              format: cell.format,
            });
          else if (cell.kind === "number")
            expect({ value, formula, format }).toEqual({
              value: cell.value,
              formula: null,
              format: cell.format,
            });
          else
            expect({ value, formula, format }).toEqual({
              value: cell.text,
              formula: null,
              format: "@",
            });
        })
      );
    }
    const spot = p.names.find((n) => n.name === "ALVH_Spot")!.address.replace(/\$/g, "");
    expect(sheet.cells[spot]).toMatchObject({ fill: STYLE_LOOKS.input.fill });
    expect(sheet.cells.A1).toMatchObject({ bold: true, size: STYLE_LOOKS.title.size });
  });

  it("exports a snapshot pairing each written cell with what the engine expects there", async () => {
    const p = plan(book(4));
    const { snapshot } = await recordScheduleWrite(p);
    const expected = expectedByAddress(p);
    const cells = snapshot.sheets.find((s) => s.name === "ALVH Schedule")!.cells;
    const formulas = Object.entries(cells).filter(([, c]) => c.formula !== null);
    expect(formulas.length).toBeGreaterThan(40);
    for (const [address, cell] of Object.entries(cells)) {
      if (cell.formula !== null)
        expect(typeof expected.schedule[address], address).not.toBe("undefined");
      else if (cell.value !== null) expect(cell.value, address).toBe(expected.schedule[address]);
    }
    expect(snapshot.tables).toEqual([
      expect.objectContaining({ name: POSITIONS_TABLE, sheet: "ALVH Positions", address: "A1:K5" }),
    ]);
  });

  it("defines each name on the written sheet, and a hidden ownership marker", async () => {
    const p = plan(book(2));
    const fake = userWorkbook({ foreignSchedule: true });
    await writeSchedule(p, fake.ports);
    const names = snapshotWorkbook(fake).names;
    for (const n of p.names) {
      expect(names.find((x) => x.name === n.name)).toEqual({
        name: n.name,
        reference: `'ALVH Schedule (2)'!${n.address}`,
        comment: n.comment,
        visible: true,
        scope: "ALVH Schedule (2)",
      });
    }
    // The marker is scoped to the sheet and carries the token the document settings keep.
    const marker = names.find((x) => x.name === OWNER_NAME)!;
    expect(marker.visible).toBe(false);
    expect(marker.scope).toBe("ALVH Schedule (2)");
    expect(marker.comment).toBe((fake.settings.get("alvh.owner") as { token: string }).token);
    expect(sheetOfReference(`=${marker.reference}`)).toBe("ALVH Schedule (2)");
  });

  it("writes text that looks like a formula, a sign or a number as text", async () => {
    const labels = ["=1+1", "+x", "-x", "@x", "0012", "TRUE"];
    const fake = new FakeExcel();
    await writeSchedule(
      plan(labels.map((l, i) => makePosition(l, { notes: i % 2 ? "=A1" : "" }))),
      fake.ports
    );
    expect(fake.tableValues(POSITIONS_TABLE).map((r) => r[0])).toEqual(labels);
    expect(fake.tableValues(POSITIONS_TABLE).map((r) => r[10])).toEqual(
      labels.map((_, i) => (i % 2 ? "=A1" : null))
    );
    const snapshot = snapshotWorkbook(fake);
    const schedule = snapshot.sheets.find((s) => s.name === "ALVH Schedule")!;
    const scheduleTexts = Object.values(schedule.cells)
      .filter((c) => typeof c.value === "string")
      .map((c) => c.value);
    for (const label of labels) expect(scheduleTexts).toContain(label);
    // The fake parses like Excel: the same strings in a General cell would not stay text.
    expect(parseInput("=1+1", "General").formula).toBe("=1+1");
    expect(parseInput("0012", "General").value).toBe(12);
    expect(parseInput("@x", "General").formula).not.toBeNull();
  });

  it("saves the hedge settings in the workbook", async () => {
    const fake = new FakeExcel();
    await writeSchedule(plan(book(1)), fake.ports);
    expect(snapshotWorkbook(fake).settings[SETTINGS_KEY]).toMatchObject({
      threshold: 0.9,
      step: 0.05,
      perLayer: 0.25,
      cap: 0.6,
      instrument: "future",
    });
  });
});

describe("sheet keys", () => {
  it("refuses a block for a sheet the schedule writer does not write, before syncing it", async () => {
    const good = plan(book(1));
    const written = new FakeExcel();
    await writeSchedule(good, written.ports);
    const stray = {
      ...good,
      blocks: [...good.blocks, { ...good.blocks[0], sheet: "replay" as const }],
    };
    const fake = new FakeExcel();
    const failure = await writeSchedule(stray, fake.ports).catch((e: unknown) => e);
    expect((failure as Error).message).toBe("a schedule plan writes no replay sheet");
    expect(fake.syncs).toBeLessThan(written.syncs);
  });
});

describe("requirement sets", () => {
  it("fails up front on an Excel without ExcelApi 1.7, naming the version needed", async () => {
    const fake = new FakeExcel({ excelApi: "1.6" });
    const failure = await writeSchedule(plan(book(1)), fake.ports).catch((e: unknown) => e);
    expect(isAlvhError(failure)).toBe(true);
    expect((failure as Error).message).toMatch(
      /needs Excel JavaScript API 1\.7: Excel 2019 or later/
    );
    expect(fake.syncs).toBe(0);
    expect(fake.writes).toEqual([]);
  });

  it("writes without suspending screen updating where ExcelApi 1.9 is missing", async () => {
    const fake = new FakeExcel({ excelApi: "1.8" });
    const report = await writeSchedule(plan(book(1)), fake.ports);
    expect(report.sheet).toBe("ALVH Schedule");
    expect(fake.screenUpdatingSuspended).toBe(0);
  });
});

describe("page layout (ExcelApi 1.9)", () => {
  it("prints the schedule landscape, one page wide, over its print area, titles repeated", async () => {
    const written = plan(book(3));
    const { snapshot } = await recordScheduleWrite(written);
    const schedule = snapshot.sheets.find((s) => s.name === "ALVH Schedule")!;
    expect(schedule.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: written.sheets[0].pageSetup!.printArea,
      printTitleRows: "$1:$7",
    });
  });

  it("sets up the positions sheet it creates, without a print area the growing book would outrun", async () => {
    const { snapshot } = await recordScheduleWrite(plan(book(1)));
    const positions = snapshot.sheets.find((s) => s.name === "ALVH Positions")!;
    expect(positions.pageLayout).toMatchObject({ orientation: "Landscape", printArea: null });
    expect(positions.pageLayout?.printTitleRows).toBe("$1:$1");
  });

  it("leaves the print settings of sheets the trader made alone", async () => {
    const fake = userWorkbook();
    fake.addSheet("ALVH Positions");
    fake.addUserTable("ALVH Positions", "A1", [...POSITION_COLUMNS], [], POSITIONS_TABLE);
    const { snapshot } = await recordScheduleWrite(plan(book(1)), fake);
    for (const sheet of snapshot.sheets.filter((s) => !s.name.startsWith("ALVH Schedule"))) {
      expect(sheet.pageLayout, sheet.name).toBeNull();
    }
  });

  it("writes without print settings where ExcelApi 1.9 is missing", async () => {
    const fake = new FakeExcel({ excelApi: "1.8" });
    const { snapshot } = await recordScheduleWrite(plan(book(1)), fake);
    expect(snapshot.sheets.every((s) => s.pageLayout === null)).toBe(true);
  });
});
