/**
 * Issue 18 in the standalone pane: beside the action line, each layer's contracts and the
 * cumulative ones held as two labelled columns, so a running total is never read as a buy.
 */
import { describe, expect, it } from "vitest";
import { computeFigures } from "../../src/workbook/figures";
import { DEFAULT_SETTINGS, validateSettings } from "../../src/workbook/settings";
import { exchangeSerialFromDate } from "../../src/workbook/time";
import { field, fillFields, paneSessions } from "../support/browser";

const panes = paneSessions();

const CONDOR: Record<string, string> = {
  Label: "SPX Layers",
  Expiry: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10),
  "Long put": "5800",
  "Short put": "5900",
  "Short call": "6100",
  "Long call": "6200",
  Credit: "20",
  Contracts: "10",
  "Implied vol": "0.16",
  Spot: "6000",
  VIX: "15",
};

describe("the pane's contracts by layer (issue 18)", () => {
  it("shows each layer's contracts and the cumulative ones held in two labelled columns", async () => {
    const { page } = await panes.open();
    await fillFields(page, CONDOR);
    // The engine's schedule for this condor at VIX 15 (the expiry does not move the counts).
    const figures = computeFigures(
      [
        {
          label: "SPX Layers",
          expiry: exchangeSerialFromDate(new Date()) + 30,
          longPut: 5800,
          shortPut: 5900,
          shortCall: 6100,
          longCall: 6200,
          credit: 20,
          contracts: 10,
          entryDate: null,
          impliedVol: 0.16,
          notes: "",
        },
      ],
      validateSettings(DEFAULT_SETTINGS),
      { spot: 6000, vix: 15 },
      exchangeSerialFromDate(new Date())
    );
    const held = figures.rows.map((r) => r.whole);
    const added = held.map((h, i) => h - (i > 0 ? held[i - 1] : 0));
    // A running total that differs from the per-layer buys, so the columns can be told apart.
    expect(added).not.toEqual(held);
    const table = page.locator("#layer-contracts");
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(table.locator("thead th").allTextContents()).resolves.toEqual([
      "Layer",
      "VIX trigger",
      "Contracts added by the layer",
      "Contracts held (cumulative)",
      "Status",
    ]);
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((r) => [...r.children].map((c) => c.textContent ?? "")));
    expect(rows).toEqual(
      figures.rows.map((r, i) => [
        String(r.layer),
        r.shownVixTrigger.toFixed(2),
        `+${added[i]}`,
        String(held[i]),
        r.status,
      ])
    );
    // Without a valid position there is no schedule to show.
    await field(page, "Credit").fill("abc");
    await expect(table.isHidden()).resolves.toBe(true);
  });
});
