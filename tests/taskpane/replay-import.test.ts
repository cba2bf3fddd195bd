/**
 * "Import history" without a browser: one Date,SPX,VIX file, or an SPX and a VIX export joined
 * on their dates; errors naming the file and line; the history kept in (and read back from) the
 * browser's storage, and a refusing storage reported, not thrown.
 */
import { describe, expect, it } from "vitest";
import { isoFromSerial } from "../../src/core";
import { describeHistory, historyFromFiles } from "../../src/taskpane/replay/history-files";
import { HISTORY_KEY, LocalHistoryStore } from "../../src/taskpane/standalone/history-store";
import { historyCsv, syntheticHistory } from "../support/synthetic-history";
import { memoryStore } from "../support/memory-store";

const h = syntheticHistory(60);
const us = (serial: number): string => {
  const [y, m, d] = isoFromSerial(serial).split("-");
  return `${m}/${d}/${y}`;
};

describe("historyFromFiles", () => {
  it("reads one Date,SPX,VIX file", () => {
    const { history, source } = historyFromFiles([{ name: "h.csv", text: historyCsv(h) }]);
    expect(history).toEqual(h);
    expect(source).toBe("h.csv");
    expect(describeHistory(history)).toBe(
      `60 rows, ${isoFromSerial(h.dates[0])} to ${isoFromSerial(h.dates[59])}`
    );
  });

  it("joins an SPX export and Cboe's VIX_History.csv (newest first, either order)", () => {
    const spx = [
      "Date,Open,High,Low,Close",
      ...h.dates.map((d, i) => `${isoFromSerial(d)},1,1,1,${h.spx[i]}`).reverse(),
    ].join("\n");
    const vix = [
      "DATE,OPEN,HIGH,LOW,CLOSE",
      ...h.dates.slice(5).map((d, i) => `${us(d)},1,1,1,${h.vix[i + 5]}`),
    ].join("\n");
    for (const files of [
      [
        { name: "VIX_History.csv", text: vix },
        { name: "spx.csv", text: spx },
      ],
      [
        { name: "a.csv", text: spx },
        { name: "b.csv", text: vix },
      ],
    ]) {
      const { history } = historyFromFiles(files);
      expect(history.dates).toEqual(h.dates.slice(5));
      expect(history.spx).toEqual(h.spx.slice(5));
      expect(history.vix).toEqual(h.vix.slice(5));
    }
  });

  it("names the file and the line of a bad row, and asks for two series files together", () => {
    const text = "Date,SPX,VIX\n2025-01-02,5900,17\n2025-01-03,,18\n";
    expect(() => historyFromFiles([{ name: "mine.csv", text }])).toThrow(
      /^mine\.csv: line 3: the SPX close "" is missing|^mine\.csv: line 3: the SPX close an empty value is missing/
    );
    const one = "Date,Open,High,Low,Close\n2025-01-02,1,1,1,17\n";
    expect(() => historyFromFiles([{ name: "vix.csv", text: one }])).toThrow(/two files at once/);
  });
});

describe("LocalHistoryStore", () => {
  it("keeps the history and reads it back; a refusing storage returns false", () => {
    const memory = memoryStore();
    const { data } = memory;
    const store = new LocalHistoryStore(memory);
    expect(store.load()).toBeNull();
    expect(store.save({ history: h, source: "h.csv" })).toBe(true);
    expect(
      new LocalHistoryStore({
        getItem: (k) => data.get(k) ?? null,
        setItem: () => undefined,
      }).load()
    ).toEqual({ history: h, source: "h.csv" });
    data.set(HISTORY_KEY, "{broken");
    expect(store.load()).toBeNull();
    const full = new LocalHistoryStore({
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    });
    expect(full.save({ history: h, source: "h.csv" })).toBe(false);
  });
});
