/** The Office-backed position book against the recording fake of the Excel object model. */
import { describe, expect, it } from "vitest";
import { OfficePositionBook, watchSelection } from "../../../src/hosts/excel/book";
import { POSITIONS_TABLE } from "../../../src/workbook/plan";
import { POSITION_COLUMNS } from "../../../src/workbook/positions-table";
import { FakeExcel } from "../../support/excel-fake";
import { INVERTED_ROW, makePosition, tableRow, workbookWithBook } from "../../workbook/helpers";
import { writeSchedule } from "../../../src/hosts/excel/write";
import { buildSchedulePlan } from "../../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../../src/workbook/settings";

/** A table the trader edited by hand: a bad row (strikes out of order) between two good ones. */
const handEdited = (): FakeExcel => workbookWithBook([tableRow("A"), INVERTED_ROW, tableRow("B")]);

describe("the Office position book", () => {
  it("is empty, then creates the sheet and the table with the first position", async () => {
    const fake = new FakeExcel();
    const book = new OfficePositionBook(fake.run);
    expect(await book.list()).toEqual({ positions: [], problems: [] });
    await book.save(makePosition("=1+1", { notes: "@home" }));
    expect(fake.findTable(POSITIONS_TABLE)?.sheet.name).toBe("ALVH Positions");
    expect(fake.cell("ALVH Positions", "A1")?.value).toBe("Label");
    const { positions } = await book.list();
    expect(positions).toEqual([makePosition("=1+1", { notes: "@home" })]);
    expect(fake.cell("ALVH Positions", "A2")).toMatchObject({
      value: "=1+1",
      formula: null,
      format: "@",
    });
  });

  it("creates 'ALVH Positions (2)' when the trader already has an 'ALVH Positions' sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("ALVH Positions");
    fake.type("ALVH Positions", "A1", [["mine"]]);
    await new OfficePositionBook(fake.run).save(makePosition("A"));
    expect(fake.findTable(POSITIONS_TABLE)?.sheet.name).toBe("ALVH Positions (2)");
    expect(fake.cell("ALVH Positions", "A1")?.value).toBe("mine");
  });

  it("updates by label (any case) instead of duplicating, and appends new labels", async () => {
    const fake = new FakeExcel();
    const book = new OfficePositionBook(fake.run);
    await book.save(makePosition("Alpha"));
    await book.save(makePosition("Beta", { contracts: 4 }));
    await book.save(makePosition("ALPHA", { credit: 15 }));
    const { positions } = await book.list();
    expect(positions.map((p) => [p.label, p.credit, p.contracts])).toEqual([
      ["ALPHA", 15, 1],
      ["Beta", 12.35, 4],
    ]);
    expect(fake.cell("ALVH Positions", "A3")).toMatchObject({ value: "Beta", format: "@" });
  });

  it("reports a bad row by its row number and never rewrites or loses it", async () => {
    const fake = handEdited();
    const book = new OfficePositionBook(fake.run);
    const before = fake.tableValues(POSITIONS_TABLE)[1];
    const listing = await book.list();
    expect(listing.positions.map((p) => p.label)).toEqual(["A", "B"]);
    expect(listing.problems).toEqual([
      { row: 3, message: expect.stringMatching(/^row 3: .*shortCall/) },
    ]);
    await book.save(makePosition("C"));
    await book.save(makePosition("B", { contracts: 9 }));
    await book.remove("A");
    const after = fake.tableValues(POSITIONS_TABLE);
    expect(after.map((r) => r[0])).toEqual(["Inverted", "B", "C"]);
    expect(after[0]).toEqual(before);
    expect((await book.list()).problems).toEqual([
      { row: 2, message: expect.stringMatching(/^row 2: /) },
    ]);
  });

  it("fixes a bad row when the trader saves a valid position under its label", async () => {
    const fake = handEdited();
    const book = new OfficePositionBook(fake.run);
    await book.save(makePosition("Inverted"));
    expect(await book.list()).toMatchObject({
      problems: [],
      positions: [{ label: "A" }, { label: "Inverted" }, { label: "B" }],
    });
  });

  it("writes into the trader's column order and keeps columns it does not know", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Book");
    const header = ["Desk", ...[...POSITION_COLUMNS].reverse(), "Check"];
    fake.addUserTable(
      "Book",
      "C3",
      header,
      [["rates", ...tableRow("A").reverse(), "=F4*2"]],
      POSITIONS_TABLE
    );
    fake.setFormat(fake.requireSheet("Book"), 3, 2, "0.0");
    const book = new OfficePositionBook(fake.run);
    await book.save(makePosition("a", { credit: 20 }));
    expect(fake.tableValues(POSITIONS_TABLE)[0].slice(0, 2)).toEqual(["rates", null]);
    expect(fake.cell("Book", "C4")).toMatchObject({ value: "rates", format: "0.0" });
    expect(fake.cell("Book", "O4")).toMatchObject({ formula: "=F4*2" });
    expect((await book.list()).positions).toEqual([makePosition("a", { credit: 20 })]);
    await book.save(makePosition("b"));
    expect(fake.tableValues(POSITIONS_TABLE)[1][0]).toBeNull();
  });

  it("says so when removing a label that is not in the book", async () => {
    const book = new OfficePositionBook(handEdited().run);
    await expect(book.remove("Zed")).rejects.toThrow(/no position labelled "Zed" in the book/);
  });

  it("reads the position on the selected table row, or that row's problem", async () => {
    const fake = handEdited();
    const book = new OfficePositionBook(fake.run);
    fake.selection = { sheet: "ALVH Positions", address: "C4" };
    expect(await book.selected()).toEqual({ position: makePosition("B") });
    fake.selection = { sheet: "ALVH Positions", address: "A3:K3" };
    expect(await book.selected()).toEqual({
      problem: { row: 3, message: expect.stringMatching(/^row 3: /) },
    });
    fake.selection = { sheet: "ALVH Positions", address: "A1" };
    expect(await book.selected()).toBeNull();
    fake.addSheet("Other");
    fake.selection = { sheet: "Other", address: "A2" };
    expect(await book.selected()).toBeNull();
  });

  it("tells the pane when the selection moves, so it can load that row", async () => {
    const fake = handEdited();
    const book = new OfficePositionBook(fake.run);
    const loaded: unknown[] = [];
    await watchSelection(fake.run, () => void book.selected().then((s) => loaded.push(s)));
    await fake.select("ALVH Positions", "B2");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loaded).toEqual([{ position: makePosition("A") }]);
  });

  it("costs a constant number of round trips per operation", async () => {
    const fake = handEdited();
    const book = new OfficePositionBook(fake.run);
    for (const op of [
      () => book.list(),
      () => book.save(makePosition("Z")),
      () => book.remove("Z"),
    ]) {
      const before = fake.syncs;
      await op();
      expect(fake.syncs - before).toBeLessThanOrEqual(3);
    }
  });
});

describe("writing a schedule and the Positions table (issue 18)", () => {
  it("never reorders the table: saving then writing one position keeps every row where it was", async () => {
    const fake = new FakeExcel();
    const book = new OfficePositionBook(fake.run);
    for (const label of ["A", "B", "C"]) await book.save(makePosition(label));
    const labels = () => ["A2", "A3", "A4"].map((a) => fake.cell("ALVH Positions", a)?.value);
    // The trader edits B (as the pane does before writing it) and writes B's schedule, twice.
    await book.save(makePosition("b", { contracts: 7 }));
    for (let i = 0; i < 2; i++) {
      await writeSchedule(
        (listing) =>
          buildSchedulePlan({
            positions: listing.positions,
            scope: { kind: "position", label: "B" },
            settings: DEFAULT_SETTINGS,
            market: { spot: 5712.5, vix: 18 },
            computedAt: 45707.4375,
          }),
        fake.ports
      );
    }
    expect(labels()).toEqual(["A", "b", "C"]);
    const { positions } = await book.list();
    expect(positions.map((p) => [p.label, p.contracts])).toEqual([
      ["A", makePosition("A").contracts],
      ["b", 7],
      ["C", makePosition("C").contracts],
    ]);
  });
});
