/**
 * The pane's Excel host (src/hosts/excel/host.ts) over the recording fake
 * of the Excel object model: "Write schedule" builds its plan from the positions table as the
 * write finds it, and selecting a table row loads it into the form.
 */
import { describe, expect, it } from "vitest";
import { excelHost } from "../../../src/hosts/excel/host";
import { followSelection } from "../../../src/taskpane/selection";
import type { Position } from "../../../src/workbook/model";
import type { PositionListing } from "../../../src/workbook/positions-table";
import { DEFAULT_SETTINGS } from "../../../src/workbook/settings";
import { FakeExcel } from "../../support/excel-fake";
import {
  INVERTED_ROW,
  makePosition,
  planFromBook,
  tableRow,
  workbookWithBook,
} from "../../workbook/helpers";

const schedule = planFromBook({
  scope: { kind: "book" },
  settings: DEFAULT_SETTINGS,
  market: { spot: 5712.5, vix: 18 },
  at: new Date(2025, 1, 19, 10, 30),
});

describe("the Excel host", () => {
  it("builds the schedule from the table as the write finds it, not as the pane last read it", async () => {
    const fake = workbookWithBook([tableRow("A")]);
    const host = excelHost(fake.ports);
    expect((await host.book.list()).positions.map((p) => p.label)).toEqual(["A"]);
    // A colleague adds a row after the pane read the book.
    await excelHost(fake.ports).book.save(makePosition("B", { contracts: 4 }));
    const seen: PositionListing[] = [];
    const { message } = await host.write((book) => {
      seen.push(book);
      return schedule(book);
    });
    expect(seen.map((b) => b.positions.map((p) => p.label))).toEqual([["A", "B"]]);
    expect(message).toMatch(/ALVH Schedule/);
    expect(fake.cell("ALVH Schedule", "A1")?.value).toBe(schedule(seen[0]).title);
  });

  it("keeps the written plan's settings with the workbook, saving them once", async () => {
    const fake = workbookWithBook([tableRow("A")]);
    let saves = 0;
    const saveAsync = fake.documentSettings.saveAsync;
    fake.documentSettings.saveAsync = (callback) => {
      saves++;
      saveAsync(callback);
    };
    const settings = { ...DEFAULT_SETTINGS, cap: 0.45, rounding: "down" as const };
    const planFor = planFromBook({
      scope: { kind: "book" },
      settings,
      market: { spot: 5712.5, vix: 18 },
      at: new Date(2025, 1, 19, 10, 30),
    });
    await excelHost(fake.ports).write(planFor);
    expect(saves).toBe(1);
    expect(await excelHost(fake.ports).settings.load()).toEqual({
      settings,
      problems: [],
    });
  });

  it("keeps the hedge settings in the workbook's document settings", async () => {
    const fake = new FakeExcel();
    const host = excelHost(fake.ports);
    await host.settings.save({ ...DEFAULT_SETTINGS, cap: 0.4 });
    expect(await excelHost(fake.ports).settings.load()).toEqual({
      settings: { ...DEFAULT_SETTINGS, cap: 0.4 },
      problems: [],
    });
  });

  it("loads the selected row into the form, and reports a bad row by number", async () => {
    const fake = workbookWithBook([tableRow("A", { contracts: 2 }), INVERTED_ROW]);
    const loaded: (Position | null)[] = [];
    const reported: [string, boolean | undefined][] = [];
    const pane = {
      load: (p: Position | null) => void loaded.push(p),
      report: (message: string, isError?: boolean) => void reported.push([message, isError]),
    };
    await fake.select("ALVH Positions", "C2");
    await followSelection(pane, excelHost(fake.ports).selection);
    expect(loaded).toEqual([makePosition("A", { contracts: 2 })]);

    await fake.select("ALVH Positions", "B3");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reported).toEqual([
      [expect.stringMatching(/^row 3: shortCall 5450 must be above/), true],
    ]);
    expect(loaded).toHaveLength(1);
  });
});
