/**
 * The pane's Excel host (src/taskpane/excel-host.ts) over the workbook port and the recording fake
 * of the Excel object model: "Write schedule" builds its plan from the positions table as the
 * write finds it, and selecting a table row loads it into the form.
 */
import { describe, expect, it } from "vitest";
import { excelHost, followSelection } from "../../src/taskpane/excel-host";
import { officeWorkbook } from "../../src/taskpane/office/workbook";
import type { Position } from "../../src/workbook/model";
import { officeInput } from "../../src/workbook/office/cells";
import { POSITIONS_TABLE } from "../../src/workbook/plan";
import type { PositionListing } from "../../src/workbook/positions";
import { POSITION_COLUMNS, positionCells } from "../../src/workbook/positions";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { FakeExcel } from "../support/excel-fake";
import { makePosition, planFromBook } from "../workbook/helpers";

const row = (label: string, overrides = {}): (string | number)[] =>
  positionCells(makePosition(label, overrides)).map(officeInput);

function bookOf(rows: (string | number)[][]): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("ALVH Positions");
  fake.addUserTable("ALVH Positions", "A1", [...POSITION_COLUMNS], rows, POSITIONS_TABLE);
  return fake;
}

const portOf = (fake: FakeExcel) =>
  officeWorkbook({
    run: fake.run,
    requirements: fake.requirements,
    settings: fake.documentSettings,
  });

const schedule = planFromBook({
  scope: { kind: "book" },
  settings: DEFAULT_SETTINGS,
  market: { spot: 5712.5, vix: 18 },
  at: new Date(2025, 1, 19, 10, 30),
});

describe("the Excel host", () => {
  it("builds the schedule from the table as the write finds it, not as the pane last read it", async () => {
    const fake = bookOf([row("A")]);
    const host = excelHost(portOf(fake));
    expect((await host.book.list()).positions.map((p) => p.label)).toEqual(["A"]);
    // A colleague adds a row after the pane read the book.
    await portOf(fake).save(makePosition("B", { contracts: 4 }));
    const seen: PositionListing[] = [];
    const message = await host.write((book) => {
      seen.push(book);
      return schedule(book);
    });
    expect(seen.map((b) => b.positions.map((p) => p.label))).toEqual([["A", "B"]]);
    expect(message).toMatch(/ALVH Schedule/);
    expect(fake.cell("ALVH Schedule", "A1")?.value).toBe(schedule(seen[0]).title);
  });

  it("keeps the hedge settings in the workbook's document settings", async () => {
    const fake = new FakeExcel();
    const host = excelHost(portOf(fake));
    await host.settings.save({ ...DEFAULT_SETTINGS, cap: 0.4 });
    expect(await excelHost(portOf(fake)).settings.load()).toEqual({
      settings: { ...DEFAULT_SETTINGS, cap: 0.4 },
      problems: [],
    });
  });

  it("loads the selected row into the form, and reports a bad row by number", async () => {
    const bad = ["Inverted", 45737, 5500, 5550, 5450, 5900, 12, 1, "", 0.16, ""];
    const fake = bookOf([row("A", { contracts: 2 }), bad]);
    const loaded: (Position | null)[] = [];
    const reported: [string, boolean | undefined][] = [];
    const pane = {
      load: (p: Position | null) => void loaded.push(p),
      report: (message: string, isError?: boolean) => void reported.push([message, isError]),
    };
    await fake.select("ALVH Positions", "C2");
    await followSelection(pane, portOf(fake));
    expect(loaded).toEqual([makePosition("A", { contracts: 2 })]);

    await fake.select("ALVH Positions", "B3");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reported).toEqual([
      [expect.stringMatching(/^row 3: shortCall 5450 must be above/), true],
    ]);
    expect(loaded).toHaveLength(1);
  });
});
