/** Spot, VIX, VIX future and Held remembered (issue 18): src/taskpane/market-recall.ts. */
import { describe, expect, it } from "vitest";
import { LocalMarketStore } from "../../src/hosts/standalone/market";
import type { KeyValueStore } from "../../src/hosts/standalone/storage";
import { initialValues } from "../../src/taskpane/fields";
import { readForm } from "../../src/taskpane/form";
import { MarketRecall, marketToRemember, marketValues } from "../../src/taskpane/market-recall";
import { MARKET_KEY, marketFromDocument } from "../../src/workbook/market-memory";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";

const DE_DE = { decimal: ",", group: "." };
const context = { today: 45658, baseSettings: DEFAULT_SETTINGS, entryDate: null, notes: "" };

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const form = (market: Record<string, string>) => {
  const values = { ...initialValues(), ...market };
  return { values, reading: readForm(values, context) };
};

describe("what the pane remembers of the market", () => {
  it("keeps valid inputs, the last good value of an invalid one, and forgets emptied ones", () => {
    const before = { spot: 6000, vix: 18, vixFuture: 19.5, held: 2 };
    const typed = form({ spot: "6,100.5", vix: "abc", vixFuture: "", held: "1.5" });
    expect(marketToRemember(typed.reading, typed.values, before)).toEqual({
      spot: 6100.5,
      vix: 18,
      held: 2,
    });
    // A VIX the engine refuses (0.185 meant as 18.5) keeps the last good one too.
    const refused = form({ spot: "6000", vix: "0.185", held: "0" });
    expect(refused.reading.errors.has("vix")).toBe(true);
    expect(marketToRemember(refused.reading, refused.values, before)).toEqual({
      spot: 6000,
      vix: 18,
      held: 0,
    });
    expect(marketToRemember(refused.reading, refused.values, {})).toEqual({ spot: 6000, held: 0 });
  });

  it("shows remembered inputs in the locale's format", () => {
    expect(marketValues({ spot: 6100.5, vix: 18.25, held: 2 }, DE_DE)).toEqual({
      spot: "6100,5",
      vix: "18,25",
      held: "2",
    });
  });

  it("reads back what it stored, leaving out and naming entries that do not read", () => {
    expect(marketFromDocument({ spot: 6000, vix: 18, vixFuture: 19.5, held: 3 })).toEqual({
      market: { spot: 6000, vix: 18, vixFuture: 19.5, held: 3 },
      problems: [],
    });
    expect(marketFromDocument('{"spot":"6000","vix":-1,"held":1.5,"vixFuture":20}')).toEqual({
      market: { vixFuture: 20 },
      problems: ['spot (got "6000")', "vix (got -1)", "held (got 1.5)"],
    });
    expect(marketFromDocument(null)).toEqual({ market: {}, problems: [] });
    expect(marketFromDocument("{nope").problems).toEqual([
      `${MARKET_KEY} is not readable (got "{nope")`,
    ]);
    expect(marketFromDocument([1]).problems).toHaveLength(1);
  });

  it("saves through the store only when an input changed, and restores on the next start", async () => {
    const store = memory();
    const recall = new MarketRecall(new LocalMarketStore(store));
    expect(await recall.restore(DE_DE)).toEqual({ values: {}, problems: [] });
    const typed = form({ spot: "6000", vix: "18", held: "2" });
    expect(await recall.keep(typed.reading, typed.values)).toBe(true);
    expect(JSON.parse(store.data.get(MARKET_KEY)!)).toEqual({ spot: 6000, vix: 18, held: 2 });
    expect(await recall.keep(typed.reading, typed.values)).toBe(false);

    const next = new MarketRecall(new LocalMarketStore(store));
    expect(await next.restore(DE_DE)).toEqual({
      values: { spot: "6000", vix: "18", held: "2" },
      problems: [],
    });
    // Without a store (a host that keeps nothing) the pane remembers nothing.
    expect(await new MarketRecall(undefined).keep(typed.reading, typed.values)).toBe(false);
  });
});
