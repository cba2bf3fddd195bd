import { describe, expect, it } from "vitest";
import {
  detectHost,
  openedByOffice,
  type OfficeLike,
  type PageLike,
} from "../../src/taskpane/mode";
import { bookFromCsv, bookToCsv } from "../../src/taskpane/standalone/csv";
import { parseCsv } from "../../src/workbook/csv";
import {
  BOOK_KEY,
  LocalPositionBook,
  LocalSettingsStore,
} from "../../src/hosts/standalone/storage";
import type { Position } from "../../src/workbook/model";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { memoryStore } from "../support/memory-store";

const condor: Position = {
  label: "SPX Feb",
  expiry: 45709, // 2025-02-21
  longPut: 5800,
  shortPut: 5900,
  shortCall: 6100,
  longCall: 6200,
  credit: 20,
  contracts: 2,
  entryDate: 45658,
  impliedVol: 0.16,
  notes: "",
};

describe("LocalPositionBook", () => {
  it("adds, updates by label (any case) and removes positions", async () => {
    const book = new LocalPositionBook(memoryStore());
    await book.save(condor);
    await book.save({ ...condor, label: "spx feb", credit: 22.5 });
    await book.save({ ...condor, label: "SPX Mar", expiry: 45737 });
    const { positions, problems } = await book.list();
    expect(problems).toEqual([]);
    expect(positions.map((p) => [p.label, p.credit])).toEqual([
      ["spx feb", 22.5],
      ["SPX Mar", 20],
    ]);
    await book.remove("SPX FEB");
    expect((await book.list()).positions.map((p) => p.label)).toEqual(["SPX Mar"]);
    await expect(book.remove("nope")).rejects.toThrow('no position labelled "nope"');
  });

  it("refuses to store an invalid position", async () => {
    const store = memoryStore();
    const book = new LocalPositionBook(store);
    await expect(book.save({ ...condor, credit: 100 })).rejects.toThrow(
      "credit 100 is at or above"
    );
    expect(store.data.has(BOOK_KEY)).toBe(false);
  });

  it("reports a stored row that no longer reads by its row number and keeps it", async () => {
    const store = memoryStore();
    store.setItem(
      BOOK_KEY,
      JSON.stringify([["bad", 45709, 5800, 5900, 5800, 6200, 20, 1, "", 0.16, ""]])
    );
    const book = new LocalPositionBook(store);
    const { positions, problems } = await book.list();
    expect(positions).toEqual([]);
    expect(problems).toEqual([
      {
        row: 2,
        message:
          "row 2: shortCall 5800 must be above shortPut 5900 (or equal to it, for an iron butterfly)",
      },
    ]);
    await book.save(condor);
    expect(JSON.parse(store.getItem(BOOK_KEY) ?? "")).toHaveLength(2);
  });

  it("will not overwrite a stored book it cannot parse", async () => {
    const store = memoryStore();
    store.setItem(BOOK_KEY, "{not json");
    await expect(new LocalPositionBook(store).save(condor)).rejects.toThrow("cannot be read");
    expect(store.getItem(BOOK_KEY)).toBe("{not json");
  });
});

describe("LocalSettingsStore", () => {
  it("round-trips settings and falls back to defaults field by field", async () => {
    const store = memoryStore();
    const settings = new LocalSettingsStore(store);
    expect((await settings.load()).settings).toEqual(DEFAULT_SETTINGS);
    await settings.save({ ...DEFAULT_SETTINGS, cap: 0.5, instrument: "call" });
    expect((await settings.load()).settings).toMatchObject({ cap: 0.5, instrument: "call" });
    store.setItem("alvh.settings", JSON.stringify({ cap: 60, step: 0.1 }));
    const loaded = await settings.load();
    expect(loaded.settings).toMatchObject({ cap: DEFAULT_SETTINGS.cap, step: 0.1 });
    expect(loaded.problems).toEqual([
      "cap 60 looks like a percentage: enter 0.6 for 60 % (at most 1)",
    ]);
  });

  it("keeps a written plan's settings, as Excel keeps its document settings", async () => {
    const settings = new LocalSettingsStore(memoryStore());
    const mine = { ...DEFAULT_SETTINGS, cap: 0.45, rounding: "down" as const };
    const plan = buildSchedulePlan({
      positions: [condor],
      scope: { kind: "book" },
      settings: mine,
      market: { spot: 5712.5, vix: 18 },
      computedAt: 45707.4375,
    });
    settings.keep(plan.documentSettings);
    expect(await settings.load()).toEqual({ settings: mine, problems: [] });
  });
});

describe("CSV", () => {
  it("round-trips a book, keeping text that looks like a formula as text", () => {
    const risky: Position = {
      ...condor,
      label: '=HYPERLINK("x"),1',
      notes: '@note, with "quotes"\nand a line',
    };
    const csv = bookToCsv([condor, risky]);
    expect(csv.split("\r\n")[0]).toBe(
      "Label,Expiry,Long put,Short put,Short call,Long call,Credit,Contracts,Entry date,Implied vol,Notes"
    );
    expect(csv).toContain("SPX Feb,2025-02-21,5800,5900,6100,6200,20,2,2025-01-01,0.16,\r\n");
    // A spreadsheet opening the file sees an apostrophe first, so no formula runs.
    expect(parseCsv(csv)[2][0]).toBe('\'=HYPERLINK("x"),1');
    const { positions, problems } = bookFromCsv(csv);
    expect(problems).toEqual([]);
    expect(positions).toEqual([condor, risky]);
  });

  it("skips a bad line and names it", () => {
    const csv = [
      "Label,Expiry,Long put,Short put,Short call,Long call,Credit,Contracts,Entry date,Implied vol,Notes",
      "A,2025-02-21,5800,5900,6100,6200,20,1,,0.16,",
      "B,2025-02-21,5800,5900,6100,6200,20,1,,16,",
    ].join("\n");
    const { positions, problems } = bookFromCsv(csv);
    expect(positions.map((p) => p.label)).toEqual(["A"]);
    expect(problems).toEqual([
      { row: 3, message: "row 3: impliedVol 16 looks like a percentage: enter 0.16 for 16 %" },
    ]);
  });
});

describe("detectHost", () => {
  const office = (onReady: OfficeLike["onReady"]): OfficeLike => ({
    onReady,
    HostType: { Excel: "Excel" },
  });

  it("is Excel only when office.js reports the Excel host", async () => {
    await expect(detectHost(office(async () => ({ host: "Excel" })))).resolves.toEqual({
      kind: "excel",
    });
    await expect(detectHost(office(async () => ({ host: null })))).resolves.toEqual({
      kind: "standalone",
      reason: "no Office host",
    });
    await expect(detectHost(office(async () => ({ host: "Word" })))).resolves.toMatchObject({
      kind: "standalone",
    });
  });

  it("runs standalone when office.js is missing, fails, or never answers", async () => {
    await expect(detectHost(undefined)).resolves.toEqual({
      kind: "standalone",
      reason: "office.js is not available",
    });
    await expect(detectHost(office(() => Promise.reject(new Error("x"))))).resolves.toMatchObject({
      kind: "standalone",
    });
    await expect(
      detectHost(
        office(() => new Promise(() => undefined)),
        { timeoutMs: 20 }
      )
    ).resolves.toEqual({
      kind: "standalone",
      reason: "office.js did not answer in time",
    });
  });

  it("waits out a slow Excel when Office opened the page, instead of running standalone", async () => {
    const late = office(
      () => new Promise((resolve) => setTimeout(() => resolve({ host: "Excel" }), 100))
    );
    await expect(detectHost(late, { openedByOffice: true, timeoutMs: 20 })).resolves.toEqual({
      kind: "excel",
    });
    await expect(detectHost(late, { timeoutMs: 20 })).resolves.toMatchObject({
      kind: "standalone",
    });
  });
});

describe("openedByOffice", () => {
  const page = (overrides: Partial<PageLike> = {}): PageLike => ({
    location: { search: "", hash: "" },
    name: "",
    ...overrides,
  });
  const storage = (value: string | null) => ({ getItem: () => value });

  it("finds the host information wherever Office leaves it for office.js", () => {
    expect(
      openedByOffice(
        page({ location: { search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0", hash: "" } })
      )
    ).toBe(true);
    expect(
      openedByOffice(page({ location: { search: "?a=1&_host_Info=Excel$Web", hash: "" } }))
    ).toBe(true);
    expect(openedByOffice(page({ location: { search: "", hash: "#_host_Info=Excel$Mac" } }))).toBe(
      true
    );
    expect(openedByOffice(page({ name: JSON.stringify({ hostInfo: "Excel|Web|16.00" }) }))).toBe(
      true
    );
    expect(openedByOffice(page({ sessionStorage: storage("Excel$Web$16.00") }))).toBe(true);
    expect(openedByOffice(page({ external: { GetHostInfo: () => "Excel$Win32" } }))).toBe(true);
  });

  it("is false for a plain browser, and for names and storage that are not Office's", () => {
    expect(openedByOffice(page())).toBe(false);
    expect(
      openedByOffice(page({ location: { search: "?host_Info=x&my_host_Info=y", hash: "" } }))
    ).toBe(false);
    expect(openedByOffice(page({ name: "not json" }))).toBe(false);
    expect(openedByOffice(page({ name: JSON.stringify({ other: 1 }) }))).toBe(false);
    expect(openedByOffice(page({ sessionStorage: storage(null) }))).toBe(false);
    expect(
      openedByOffice(
        page({
          sessionStorage: {
            getItem: () => {
              throw new Error("SecurityError");
            },
          },
        })
      )
    ).toBe(false);
    expect(openedByOffice(page({ external: {} }))).toBe(false);
  });
});
