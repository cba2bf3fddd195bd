/**
 * The Excel host (src/hosts/excel/host.ts) against the recording
 * fake: the schedule is built from the book as the table holds it, in at most 3 round trips.
 */
import { describe, expect, it } from "vitest";
import { isAlvhError } from "../../../src/core";
import { excelHost } from "../../../src/hosts/excel/host";
import { buildSchedulePlan } from "../../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../../src/workbook/settings";
import { exchangeSerialFromDate } from "../../../src/workbook/time";
import { FakeExcel, snapshotWorkbook } from "../../support/excel-fake";
import {
  INVERTED_ROW,
  makePosition,
  planFromBook,
  tableRow,
  workbookWithBook,
  type ScheduleRequest,
} from "../../workbook/helpers";

const AT = new Date(2025, 1, 19, 10, 30);
const request = (overrides: Partial<ScheduleRequest> = {}) =>
  planFromBook({
    scope: { kind: "book" },
    settings: DEFAULT_SETTINGS,
    market: { spot: 5712.5, vix: 18 },
    at: AT,
    ...overrides,
  });

/** A book typed by hand: row 3 has its short call below its short put. */
const handEditedBook = (): FakeExcel =>
  workbookWithBook([tableRow("A", { contracts: 2 }), INVERTED_ROW, tableRow("B", { credit: 9.5 })]);

describe("writing the schedule from the book", () => {
  it("reads the table and writes in at most 3 round trips, skipping the bad row by number", async () => {
    const fake = handEditedBook();
    const written = await excelHost(fake.ports).write(request());
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(written.problems).toEqual([
      {
        row: 3,
        message: expect.stringMatching(/^row 3: shortCall 5450 must be above shortPut 5550/),
      },
    ]);
    expect(written.message).toMatch(/Skipped a row of the positions table: row 3: /);
    const expected = buildSchedulePlan({
      positions: [makePosition("A", { contracts: 2 }), makePosition("B", { credit: 9.5 })],
      scope: { kind: "book" },
      settings: DEFAULT_SETTINGS,
      market: { spot: 5712.5, vix: 18 },
      computedAt: exchangeSerialFromDate(AT),
    });
    expect(written.plan.summary).toEqual(expected.summary);
    expect(written.plan.summary.positions).toBe(2);
    expect(fake.cell("ALVH Schedule", "A1")?.value).toBe(expected.title);
  });

  it.each([1, 50, 500])(
    "reads a book of %i positions and writes it in at most 3 round trips, again on rewrite",
    async (n) => {
      const fake = workbookWithBook(
        Array.from({ length: n }, (_, i) =>
          tableRow(`IC ${i + 1}`, { contracts: 1 + (i % 3), expiry: 45737 + (i % 4) * 7 })
        )
      );
      const port = excelHost(fake.ports);
      const first = await port.write(request());
      expect(first.plan.summary.positions).toBe(n);
      expect(fake.syncs).toBeLessThanOrEqual(3);
      const before = fake.syncs;
      await port.write(request());
      expect(fake.syncs - before).toBeLessThanOrEqual(3);
    }
  );

  it("writes one position of the book when asked for its label", async () => {
    const fake = handEditedBook();
    const written = await excelHost(fake.ports).write(
      request({ scope: { kind: "position", label: "b" } })
    );
    expect(written.plan.summary.positions).toBe(1);
    expect(written.plan.summary.maxProfit).toBeCloseTo(9.5 * 100, 9);
  });

  it("writes nothing when the book is empty or the label unknown, and says what to do", async () => {
    for (const [fake, scope, message] of [
      [new FakeExcel(), { kind: "book" }, /the book has no positions: save a position first/],
      [handEditedBook(), { kind: "position", label: "Zed" }, /no position labelled "Zed"/],
    ] as const) {
      const before = snapshotWorkbook(fake);
      const failure = await excelHost(fake.ports)
        .write(request({ scope }))
        .catch((e: unknown) => e);
      expect(isAlvhError(failure)).toBe(true);
      expect((failure as Error).message).toMatch(message);
      expect(fake.writes).toEqual([]);
      expect(snapshotWorkbook(fake)).toEqual(before);
    }
  });

  it("fails every operation up front on an Excel older than ExcelApi 1.7", async () => {
    const fake = new FakeExcel({ excelApi: "1.6" });
    const port = excelHost(fake.ports);
    for (const op of [
      () => port.book.list(),
      () => port.book.save(makePosition("A")),
      () => port.book.remove("A"),
      () => port.selection.selected(),
      () => port.selection.watch(() => undefined),
      () => port.write(request()),
    ]) {
      await expect(op()).rejects.toThrow(/needs Excel JavaScript API 1\.7/);
    }
    expect(fake.syncs).toBe(0);
  });
});

describe("the book through the port", () => {
  it("saves, lists, loads the selected row and removes", async () => {
    const fake = new FakeExcel();
    const port = excelHost(fake.ports);
    await port.book.save(makePosition("Alpha"));
    await port.book.save(makePosition("Beta"));
    await port.book.save(makePosition("alpha", { contracts: 3 }));
    expect((await port.book.list()).positions.map((p) => [p.label, p.contracts])).toEqual([
      ["alpha", 3],
      ["Beta", 1],
    ]);
    await fake.select("ALVH Positions", "D3");
    expect(await port.selection.selected()).toEqual({ position: makePosition("Beta") });
    await port.book.remove("BETA");
    expect((await port.book.list()).positions.map((p) => p.label)).toEqual(["alpha"]);
  });

  it("refuses to save into or delete from a protected positions sheet, writing nothing", async () => {
    const fake = handEditedBook();
    fake.requireSheet("ALVH Positions").protected = true;
    const port = excelHost(fake.ports);
    await expect(port.book.save(makePosition("C"))).rejects.toThrow(
      /"ALVH Positions" is protected: unprotect it .* and save the position again/
    );
    await expect(port.book.remove("A")).rejects.toThrow(
      /is protected: .* delete the position again/
    );
    expect(fake.writes).toEqual([]);
    expect((await port.book.list()).positions.map((p) => p.label)).toEqual(["A", "B"]);
  });

  it("keeps the hedge settings in the workbook", async () => {
    const fake = new FakeExcel();
    const port = excelHost(fake.ports);
    await port.settings.save({ ...DEFAULT_SETTINGS, cap: 0.5, instrument: "call" });
    expect(await port.settings.load()).toEqual({
      settings: { ...DEFAULT_SETTINGS, cap: 0.5, instrument: "call" },
      problems: [],
    });
  });
});
