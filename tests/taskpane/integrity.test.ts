/**
 * Book integrity in the standalone app (issue 12), below the page: CSV both ways (observations 6
 * and 8), one atomic import write and quota roll-back (3), stale writes from another tab (4), the
 * import plan (2), a save that would silently replace (1) and unreadable stored rows (9).
 */
import { describe, expect, it } from "vitest";
import { bookFromCsv, bookToCsv } from "../../src/taskpane/standalone/csv";
import { parseCsv } from "../../src/workbook/csv";
import { planImport } from "../../src/taskpane/standalone/import-plan";
import { decideSave, positionToSave } from "../../src/taskpane/identity";
import { BOOK_KEY, LocalPositionBook, positionRow } from "../../src/hosts/standalone/storage";
import { StaleBookError } from "../../src/hosts/host";
import type { Position } from "../../src/workbook/model";
import { memoryStore } from "../support/memory-store";

const condor = (label: string, extra: Partial<Position> = {}): Position => ({
  label,
  expiry: 45709,
  longPut: 5800,
  shortPut: 5900,
  shortCall: 6100,
  longCall: 6200,
  credit: 20,
  contracts: 2,
  entryDate: 45658,
  impliedVol: 0.16,
  notes: "",
  ...extra,
});

/** The message of the error `fn` throws or rejects with; no error fails the test. */
async function failure(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected a failure");
}

const HEADER =
  "Label,Expiry,Long put,Short put,Short call,Long call,Credit,Contracts,Entry date,Implied vol,Notes";

describe("CSV export in ; locales (observation 6)", () => {
  it("quotes every field holding , ; tab, quote or line break, and neutralises = + - @ tab CR", () => {
    const csv = bookToCsv([condor("semi;=1+1;x"), condor("tab\there", { notes: "+cmd" })]);
    const lines = csv.split("\r\n");
    expect(lines[1].startsWith('"semi;=1+1;x",')).toBe(true);
    expect(lines[2].startsWith('"tab\there",')).toBe(true);
    expect(lines[2].endsWith(",'+cmd")).toBe(true);
    // Split on ; as a ;-locale spreadsheet does (quotes honoured): no cell starts a formula.
    for (const cells of parseCsv(csv, ";").slice(1)) {
      for (const cell of cells) expect(cell, cells.join("|")).not.toMatch(/^[=+\-@]/);
    }
  });

  it("round-trips every label exactly, leading apostrophes included", () => {
    const labels = ["'=3+3", "'-x", "''", "'plain", "=1", "-x", "semi;=1+1;x", 'q"uote'];
    const positions = labels.map((label) => condor(label));
    const { positions: back, problems } = bookFromCsv(bookToCsv(positions));
    expect(problems).toEqual([]);
    expect(back.map((p) => p.label)).toEqual(labels);
  });
});

describe("CSV import errors (observation 8)", () => {
  const row = "A,2025-02-21,5800,5900,6100,6200,20,1,,0.16,";

  it("reads ; and tab separated files, with decimal commas there", () => {
    const semi = [HEADER.replace(/,/g, ";"), "A;2025-02-21;5800;5900;6100;6200;20,5;1;;16,5%;"];
    const { positions } = bookFromCsv(semi.join("\n"));
    expect(positions.map((p) => [p.label, p.credit, p.impliedVol])).toEqual([["A", 20.5, 0.165]]);
    const tab = [HEADER.replace(/,/g, "\t"), row.replace(/,/g, "\t")];
    expect(bookFromCsv(tab.join("\n")).positions.map((p) => p.label)).toEqual(["A"]);
  });

  it("refuses ambiguous, thousands, hex and binary numbers with the row named", () => {
    const csv = [
      HEADER,
      'B,2025-02-21,5800,5900,6100,6200,20,"1,5",,0.16,',
      "C,2025-02-21,5800,5900,6100,6200,20,0x10,,0.16,",
      "D,2025-02-21,5800,5900,6100,6200,20,0b1,,0.16,",
      'E,2025-02-21,"5,800",5900,6100,6200,20,1,,0.16,',
      row,
    ].join("\n");
    const { positions, problems } = bookFromCsv(csv);
    expect(positions.map((p) => p.label)).toEqual(["A"]);
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4, 5]);
    expect(problems[0].message).toMatch(/^row 2: Contracts "1,5"/);
    expect(problems[1].message).toMatch(/^row 3: Contracts "0x10".*hex/);
    expect(problems[3].message).toMatch(/^row 5: Long put "5,800".*thousands/);
    const semi = [HEADER.replace(/,/g, ";"), "F;2025-02-21;5.800,5;5900;6100;6200;20;1;;0,16;"];
    expect(bookFromCsv(semi.join("\n")).problems[0].message).toMatch(/^row 2: Long put "5.800,5"/);
  });

  it("reports an unterminated quote with its row instead of swallowing the file", async () => {
    const csv = [HEADER, row, 'B "x,2025-02-21', '"C,2025-02-21,5800', row].join("\n");
    expect(await failure(() => bookFromCsv(csv))).toMatch(
      /row 4: a quote opens a field that never closes/
    );
  });

  it("says what is wrong with an empty file or a missing column", async () => {
    expect(await failure(() => bookFromCsv(""))).toMatch(/the file is empty/);
    expect(await failure(() => bookFromCsv(HEADER.replace(",Expiry", "")))).toMatch(
      /no "Expiry" column/
    );
  });

  it("still splits plain comma files with quoted fields", () => {
    expect(parseCsv('a,"b,c"\r\n"d""e",f')).toEqual([
      ["a", "b,c"],
      ['d"e', "f"],
    ]);
  });
});

describe("import plan (observation 2)", () => {
  it("sorts incoming rows into new, would replace (by label, any case) and invalid", () => {
    const incoming = bookFromCsv(
      [
        HEADER,
        "JAN27 IC a,2025-02-21,5800,5900,6100,6200,20,1,,0.16,",
        "New,2025-02-21,5800,5900,6100,6200,20,1,,0.16,",
        "Bad,2025-02-21,5800,5900,6100,6200,200,1,,0.16,",
      ].join("\n")
    );
    const plan = planImport([condor("JAN27 IC A")], incoming);
    expect(plan.fresh.map((p) => p.label)).toEqual(["New"]);
    expect(plan.replacing.map((p) => p.label)).toEqual(["JAN27 IC a"]);
    expect(plan.invalid.map((p) => p.row)).toEqual([4]);
  });
});

describe("import write (observation 3)", () => {
  it("writes the whole import once, skipping or replacing used labels", async () => {
    const store = memoryStore();
    const book = new LocalPositionBook(store);
    await book.save(condor("Kept", { entryDate: 45600 }));
    store.writes = 0;
    const rows = Array.from({ length: 500 }, (_, i) => condor(`P${i}`));
    await book.importPositions([...rows, condor("kept", { entryDate: 45700 })], "skip");
    expect(store.writes).toBe(1);
    const listed = (await book.list()).positions;
    expect(listed).toHaveLength(501);
    expect(listed[0]).toMatchObject({ label: "Kept", entryDate: 45600 });
    await book.importPositions([condor("kept", { credit: 25 })], "replace");
    expect((await book.list()).positions[0]).toMatchObject({ label: "kept", credit: 25 });
  });

  it("rolls back when storage is full and says how much space the book needs", async () => {
    const store = memoryStore(20_000);
    const book = new LocalPositionBook(store);
    await book.save(condor("Kept"));
    const before = store.getItem(BOOK_KEY);
    const rows = Array.from({ length: 1000 }, (_, i) => condor(`P${i}`));
    const message = await failure(() => book.importPositions(rows, "skip"));
    expect(message).toMatch(/nothing was imported/);
    expect(message).toMatch(/needs about \d+(\.\d+)? (KB|MB)/);
    expect(store.getItem(BOOK_KEY)).toBe(before);
  });
});

describe("two tabs (observation 4)", () => {
  it("refuses a save or delete from a stale copy, with a message offering reload", async () => {
    const store = memoryStore();
    const tabA = new LocalPositionBook(store);
    const tabB = new LocalPositionBook(store);
    await tabA.save(condor("Shared"));
    await tabA.list();
    await tabB.list();
    await tabA.save(condor("Shared", { credit: 25 }));
    await tabA.remove("Shared");
    expect(await failure(() => tabB.save(condor("Shared", { credit: 21 })))).toMatch(
      /changed in another tab.*reload/i
    );
    expect(await failure(() => tabB.remove("Shared"))).toMatch(/changed in another tab/);
    // Typed, so the pane offers "Reload book" without reading the message's words.
    await expect(tabB.remove("Shared")).rejects.toBeInstanceOf(StaleBookError);
    expect((await tabA.list()).positions).toEqual([]);
    await tabB.list();
    await tabB.save(condor("Shared", { credit: 21 }));
    expect((await tabA.list()).positions).toHaveLength(1);
  });
});

describe("unreadable stored rows (observation 9)", () => {
  it("skips and lists them, shows the rest, keeps them on save, and exports the raw text", async () => {
    const store = memoryStore();
    const raw = JSON.stringify([positionRow(condor("Good")), "garbage", { x: 1 }, null]);
    store.setItem(BOOK_KEY, raw);
    const book = new LocalPositionBook(store);
    const { positions, problems } = await book.list();
    expect(positions.map((p) => p.label)).toEqual(["Good"]);
    expect(problems.map((p) => p.row)).toEqual([3, 4, 5]);
    expect(problems[0].message).toMatch(/row 3: .*"garbage"/);
    expect(problems.map((p) => p.message).join(" ")).not.toMatch(/clear this site's data/);
    await book.save(condor("Another"));
    expect(JSON.parse(store.getItem(BOOK_KEY)!).slice(1, 4)).toEqual(["garbage", { x: 1 }, null]);
    expect(book.storedText()).toBe(store.getItem(BOOK_KEY));
  });

  it("lists a book that is not JSON at all as one unreadable entry and writes nothing over it", async () => {
    const store = memoryStore();
    store.setItem(BOOK_KEY, "{not json");
    const book = new LocalPositionBook(store);
    const { positions, problems } = await book.list();
    expect(positions).toEqual([]);
    expect(problems[0].message).toMatch(/cannot be read.*Export stored text/);
    expect(problems[0].message).not.toMatch(/clear this site's data/);
    expect(await failure(() => book.save(condor("X")))).toMatch(/Export stored text/);
    expect(book.storedText()).toBe("{not json");
  });
});

describe("label identity (observation 1)", () => {
  const book = [condor("JAN27 IC A"), condor("Other")];

  it("refuses a new position under a used label, in any case", () => {
    expect(decideSave(null, "jan27 ic a", book)).toMatchObject({
      kind: "refuse",
      message: expect.stringMatching(/already in the book/),
    });
    expect(decideSave(null, "Fresh", book)).toEqual({ kind: "new" });
  });

  it("renames the loaded position, updates it under its own label, never takes another's", () => {
    expect(decideSave("JAN27 IC A", "JAN27 IC B", book)).toMatchObject({
      kind: "rename",
      from: book[0],
    });
    expect(decideSave("JAN27 IC A", "jan27 ic a", book)).toMatchObject({
      kind: "update",
      saved: book[0],
    });
    expect(decideSave("JAN27 IC A", "other", book)).toMatchObject({ kind: "refuse" });
    expect(decideSave("Gone", "Gone", book)).toMatchObject({
      kind: "refuse",
      message: expect.stringMatching(/no longer in the book/),
    });
  });

  it("keeps the book's entry date and notes on an update or rename; a new one starts today", () => {
    const saved = condor("JAN27 IC A", { entryDate: 45600, notes: "rolled from Dec" });
    const typed = condor("JAN27 IC B", { credit: 22, entryDate: null, notes: "" });
    expect(positionToSave({ kind: "rename", from: saved }, typed, 45700)).toEqual({
      ...typed,
      entryDate: 45600,
      notes: "rolled from Dec",
    });
    expect(positionToSave({ kind: "update", saved }, typed, 45700)).toMatchObject({
      credit: 22,
      entryDate: 45600,
      notes: "rolled from Dec",
    });
    expect(positionToSave({ kind: "new" }, typed, 45700)).toEqual({
      ...typed,
      entryDate: 45700,
      notes: "",
    });
  });
});
