/**
 * The risk view (issue 15) in the standalone pane, in a real browser: the heat map must be the
 * engine's grid (src/core/scenario.ts, itself matched to the mpmath references of
 * tests/core/references/scenario.json) to 1e-9 for issue 15's worked example, through the
 * net / condor / hedge switch and the horizon and VIX-move sliders.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  scenarioBook,
  scenarioGrid,
  scenarioPnl,
  type ScenarioBookInput,
  type ScenarioOutput,
} from "../../src/core";
import { formatNumber } from "../../src/taskpane/format";
import { field, paneSessions, type PaneSession } from "../support/browser";
import { close } from "../support/close";
import { isoDaysFromNow } from "../support/dates";

const panes = paneSessions();
let session: PaneSession | undefined;

// Issue 15's worked example: SPX 6000, 5850/5900/6100/6150, credit 15, 5 lots, 45 days, vol 0.18,
// VIX 18, a hedge of 2 VIX futures (the expiry after the condor's, about 77 days out).
const WORKED: Record<string, string> = {
  Label: "SPX worked",
  Expiry: isoDaysFromNow(45),
  "Long put": "5850",
  "Short put": "5900",
  "Short call": "6100",
  "Long call": "6150",
  Credit: "15",
  Contracts: "5",
  "Implied vol": "0.18",
  Spot: "6000",
  VIX: "18",
};

async function openWorked(): Promise<Page> {
  session = await panes.open({ width: 420 });
  const page = session.page;
  for (const [label, value] of Object.entries(WORKED)) await field(page, label).fill(value);
  await page.locator("#risk-hedge").fill("2");
  await page.locator("#risk-grid td").first().waitFor();
  return page;
}

interface Shown {
  book: ScenarioBookInput;
  output: string;
  horizon: number;
  vixMoves: number[];
  spxMoves: number[];
  cells: number[][];
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLTableElement>("#risk-grid")!;
    const rows = [...table.querySelectorAll("tr")].slice(1);
    return {
      book: JSON.parse(table.dataset.book!),
      output: table.dataset.output!,
      horizon: Number(table.dataset.horizon),
      vixMoves: [...table.querySelectorAll("th[data-vix-move]")].map((th) =>
        Number((th as HTMLElement).dataset.vixMove)
      ),
      spxMoves: rows.map((tr) => Number(tr.querySelector<HTMLElement>("th")!.dataset.spxMove)),
      cells: rows.map((tr) =>
        [...tr.querySelectorAll<HTMLElement>("td")].map((td) => Number(td.dataset.value))
      ),
    };
  });
}

function expectEngine(view: Shown, output: ScenarioOutput, horizonDays: number): void {
  expect(view.output).toBe(output);
  expect(view.horizon).toBe(horizonDays);
  const grid = scenarioGrid(scenarioBook(view.book), { horizonDays });
  expect(view.spxMoves).toEqual([...grid.spxMoves]);
  expect(view.vixMoves).toEqual([...grid.vixMoves]);
  const cols = grid.vixMoves.length;
  view.cells.forEach((row, i) =>
    row.forEach((got, j) => {
      const want = grid[output][i * cols + j];
      expect(close(got, want), `${output}[${i}][${j}] ${got} vs ${want}`).toBe(true);
    })
  );
}

describe("risk view", () => {
  it("shows the worked example's grid as the engine computes it, through the switch and the sliders", async () => {
    const page = await openWorked();
    let view = await shown(page);
    // The pane's book is the worked example with the schedule's hedge expiry and 2 futures.
    expect(view.book.positions).toHaveLength(1);
    expect(view.book.positions[0]).toMatchObject({
      longPut: 5850,
      shortCall: 6100,
      credit: 15,
      contracts: 5,
      vol: 0.18,
    });
    expect(view.book.positions[0].dte).toBeGreaterThan(44);
    expect(view.book.positions[0].dte).toBeLessThanOrEqual(45.7);
    expect(view.book.hedge).toMatchObject({ kind: "future", contracts: 2 });
    expect(view.book.hedge!.days).toBeGreaterThan(view.book.positions[0].dte);
    expectEngine(view, "net", 0);

    for (const output of ["condor", "hedge", "net"] as const) {
      await page.locator(`input[name="risk-output"][value="${output}"]`).check();
      await page.waitForFunction(
        (o) => document.querySelector<HTMLElement>("#risk-grid")!.dataset.output === o,
        output
      );
      expectEngine(await shown(page), output, 0);
    }

    await page.locator("#risk-horizon").fill("10");
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("#risk-grid")!.dataset.horizon === "10"
    );
    view = await shown(page);
    expectEngine(view, "net", 10);
    await expect(page.locator("#risk-horizon-value").textContent()).resolves.toBe("10");

    // The VIX-move slider moves the graph's hedged curves, not the grid.
    const curve = () => page.locator('[data-curve="now-net"]').getAttribute("points");
    const before = await curve();
    await page.locator("#risk-vix").fill("10");
    await page.waitForFunction(
      (p) => document.querySelector('[data-curve="now-net"]')!.getAttribute("points") !== p,
      before
    );
    expectEngine(await shown(page), "net", 10);
  });

  it("shows P&L now, the hedge, net vega, deltas, days, POP and the next trigger", async () => {
    const page = await openWorked();
    const view = await shown(page);
    const now = scenarioPnl(scenarioBook(view.book), 0, 0, 0).condor;
    const text = (key: string) => page.locator(`[data-risk="${key}"]`).textContent();
    await expect(text("pnlNow")).resolves.toBe(formatNumber(now, "$#,##0"));
    await expect(text("hedge")).resolves.toMatch(/^2 VIX futures, \d+\.\d days$/);
    await expect(text("shortDeltas")).resolves.toMatch(/^put -0\.\d\d, call 0\.\d\d$/);
    await expect(text("pop")).resolves.toMatch(/^\d+\.\d%$/);
    // VIX 18 is EDR 1.134: all 3 layers of the default schedule are active.
    await expect(text("nextTrigger")).resolves.toBe("all 3 layers active");
    await page.locator('[data-mark="spot"]').waitFor();
    expect(await page.locator("#risk-graph polyline").count()).toBe(6);
    // One contract typed into the hedge field is one future, not "1 VIX futures".
    await page.locator("#risk-hedge").fill("1");
    await expect.poll(() => text("hedge")).toMatch(/^1 VIX future, \d+\.\d days$/);
  });
});
