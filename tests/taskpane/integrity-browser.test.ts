/**
 * Book integrity through the real standalone page (issue 12) in headless Chromium: no position is
 * silently replaced (observation 1), an import shows what it would do before writing (2), a file
 * too large for the browser's storage changes nothing and says how much space it needs (3), two
 * tabs agree (4), import errors are shown and the same file can be picked again (8), and an
 * unreadable stored row does not hide the book (9).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { field, fillFields, paneSessions, type PaneSession } from "../support/browser";
import { isoDaysFromNow } from "../support/dates";

// Each test drives a real page; a machine shared with other jobs needs the room.
vi.setConfig({ testTimeout: 90_000 });
const panes = paneSessions();
let session: PaneSession | undefined;

async function open(): Promise<Page> {
  session = await panes.open();
  return session.page;
}

const EXPIRY = isoDaysFromNow(40);

const condor = (label: string, shortPut = "5900"): Record<string, string> => ({
  Label: label,
  Expiry: EXPIRY,
  "Long put": "5800",
  "Short put": shortPut,
  "Short call": "6100",
  "Long call": "6200",
  Credit: "20",
  Contracts: "2",
  "Implied vol": "0.16",
});

async function save(page: Page, values: Record<string, string>): Promise<string> {
  await fillFields(page, values);
  await page.getByRole("button", { name: "Save position" }).click();
  // The pane marks its form aria-busy while an action runs.
  await page.waitForSelector("#position-form:not([aria-busy])");
  return (await page.textContent("#status")) ?? "";
}

async function stored(page: Page): Promise<unknown[][]> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("alvh.book") ?? "[]"));
}

const bookLabels = (page: Page) => page.locator("#book-list li button.link").allTextContents();

const HEADER =
  "Label,Expiry,Long put,Short put,Short call,Long call,Credit,Contracts,Entry date,Implied vol,Notes";

function csvRow(label: string, shortPut = 5900): string {
  return `${label},${EXPIRY},5800,${shortPut},6100,6200,20,1,,0.16,`;
}

async function pick(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles("#import-csv", {
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(text),
  });
}

describe("a label is a position's identity (observation 1)", () => {
  it("refuses a new position under a used label beside the Label field", async () => {
    const page = await open();
    expect(await save(page, condor("JAN27 IC A"))).toBe('Saved "JAN27 IC A".');
    const before = await stored(page);
    await page.getByRole("button", { name: "New position" }).click();
    const status = await save(page, condor("jan27 ic a", "5950"));
    expect(status).toMatch(/^Nothing was written: "JAN27 IC A" is already in the book/);
    const labelError = await field(page, "Label").getAttribute("aria-describedby");
    const describedBy = labelError?.split(" ").pop() ?? "";
    expect(await page.textContent(`#${describedBy}`)).toMatch(/already in the book/);
    expect(await stored(page)).toEqual(before);
  });

  it("renames the loaded position, and a deleted one can be undone but not saved back", async () => {
    const page = await open();
    await save(page, condor("JAN27 IC A"));
    await page.getByRole("button", { name: "New position" }).click();
    await save(page, condor("Other"));
    await page.getByRole("button", { name: "JAN27 IC A", exact: true }).click();
    expect(await save(page, { Label: "JAN27 IC B" })).toBe('Renamed "JAN27 IC A" to "JAN27 IC B".');
    expect(await bookLabels(page)).toEqual(["Other", "JAN27 IC B"]);
    // Taking another position's label while editing is refused.
    expect(await save(page, { Label: "other" })).toMatch(/another position's label/);

    await page.getByRole("button", { name: "JAN27 IC B", exact: true }).click();
    await page.getByRole("button", { name: "Delete JAN27 IC B" }).click();
    await expect.poll(() => page.textContent("#status")).toBe('Deleted "JAN27 IC B".');
    expect(await field(page, "Label").inputValue()).toBe("");
    await page.getByRole("button", { name: "Save position" }).click();
    expect(await bookLabels(page)).toEqual(["Other"]);
    await page.getByRole("button", { name: 'Undo delete of "JAN27 IC B"' }).click();
    await expect.poll(() => page.textContent("#status")).toBe('Restored "JAN27 IC B".');
    expect(await bookLabels(page)).toEqual(["Other", "JAN27 IC B"]);
  });
});

describe("import (observations 2, 3 and 8)", () => {
  it("previews new, replacing and invalid rows, and skip keeps the book's position", async () => {
    const page = await open();
    await save(page, condor("JAN27 IC A"));
    const before = await stored(page);
    const file = [HEADER, csvRow("jan27 ic a", 5950), csvRow("New one"), csvRow("Bad", 6150)];
    await pick(page, "book.csv", file.join("\n"));
    await expect
      .poll(() => page.textContent("#import-summary"))
      .toBe('"book.csv": 1 new position, 1 row whose label is already in the book, 1 invalid row.');
    expect(await page.locator("#import-replacing li").allTextContents()).toEqual([
      '"jan27 ic a" is already in the book',
    ]);
    expect(await page.locator("#import-invalid li").allTextContents()).toEqual([
      expect.stringMatching(/^row 4: /),
    ]);
    expect(await stored(page)).toEqual(before);
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await stored(page)).toEqual(before);
    expect(await page.isVisible("#import-preview")).toBe(false);

    // The same file again: Skip is the default, and the original keeps its strikes and entry date.
    await pick(page, "book.csv", file.join("\n"));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect
      .poll(() => page.textContent("#status"))
      .toBe(
        "Imported: 1 added, 0 replaced, 1 skipped (label already in the book). 1 invalid row was not imported."
      );
    const after = await stored(page);
    expect(after[0]).toEqual(before[0]);
    expect(after.map((r) => r[0])).toEqual(["JAN27 IC A", "New one"]);
  });

  it("imports 100,000 rows all or nothing, saying how much space a full browser needs", async () => {
    const page = await open();
    await save(page, condor("Kept"));
    const before = await stored(page);
    const rows = Array.from({ length: 100_000 }, (_, i) => csvRow(`IC ${i}`));
    await pick(page, "big.csv", [HEADER, ...rows].join("\n"));
    await page.waitForSelector("#import-preview:not([hidden])", { timeout: 60_000 });
    await expect
      .poll(() => page.textContent("#import-summary"))
      .toMatch(/^"big.csv": 100,000 new positions, 0 rows/);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForSelector("#status.is-error", { timeout: 60_000 });
    expect(await page.textContent("#status")).toMatch(
      /storage is full: the book needs about \d+\.\d MB.*nothing was imported/
    );
    expect(await stored(page)).toEqual(before);
  }, 120_000);

  it("reads ; files, reports unreadable files, and lets the same file be picked again", async () => {
    const page = await open();
    await pick(
      page,
      "semi.csv",
      [HEADER.replace(/,/g, ";"), "Semi;" + EXPIRY + ";5800;5900;6100;6200;20,5;1;;0,16;"].join(
        "\n"
      )
    );
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.textContent("#status")).toMatch(/^Imported: 1 added/);
    expect((await stored(page))[0].slice(0, 1)).toEqual(["Semi"]);
    expect((await stored(page))[0][6]).toBe(20.5);

    for (const attempt of [1, 2]) {
      await pick(page, "empty.csv", "");
      await expect
        .poll(() => page.textContent("#status"), { message: `attempt ${attempt}` })
        .toBe("Nothing was imported: the file is empty: export a book from ALVH to see the layout");
      await page.evaluate(() => (document.getElementById("status")!.textContent = ""));
    }
    await pick(page, "quote.csv", [HEADER, csvRow("A"), '"B,2025', csvRow("C")].join("\n"));
    await expect
      .poll(() => page.textContent("#status"))
      .toMatch(/^Nothing was imported: row 3: a quote opens a field that never closes/);
  });
});

describe("two tabs agree (observation 4)", () => {
  it("shows the other tab's changes, exports them, and never saves a deleted position back", async () => {
    const pageA = await open();
    const pageB = await session!.context.newPage();
    await pageB.goto(pageA.url());
    await pageB.waitForSelector("body[data-ready]");
    await save(pageA, condor("Shared"));
    await expect.poll(() => bookLabels(pageB)).toEqual(["Shared"]);
    const [download] = await Promise.all([
      pageB.waitForEvent("download"),
      pageB.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(readFileSync(await download.path(), "utf8")).toMatch(/\r\nShared,/);

    await pageB.getByRole("button", { name: "Shared", exact: true }).click();
    await pageA.getByRole("button", { name: "Delete Shared" }).click();
    await expect.poll(() => bookLabels(pageB)).toEqual([]);
    expect(await save(pageB, { Credit: "21" })).toMatch(/"Shared" is no longer in the book/);
    expect(await stored(pageA)).toEqual([]);
  });
});

describe("an unreadable stored row (observation 9)", () => {
  it("is skipped and listed, the rest shows, and the stored text can be exported", async () => {
    const page = await open();
    await save(page, condor("Good"));
    const raw = await page.evaluate(() => {
      const rows = JSON.parse(localStorage.getItem("alvh.book")!);
      const text = JSON.stringify([...rows, "garbage", { odd: true }]);
      localStorage.setItem("alvh.book", text);
      return text;
    });
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await bookLabels(page)).toEqual(["Good"]);
    const problems = await page.locator("#book-problems li").allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^row 3: not a position row \(stored as "garbage"\)/),
      expect.stringMatching(/^row 4: not a position row/),
    ]);
    expect(problems.join(" ")).not.toMatch(/clear this site's data/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export stored text" }).click(),
    ]);
    expect(readFileSync(await download.path(), "utf8")).toBe(raw);
  });
});
