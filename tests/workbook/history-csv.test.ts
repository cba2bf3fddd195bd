import { describe, expect, it } from "vitest";
import { replay, serialFromYmd } from "../../src/core";
import { mergeSeries, parseHistoryCsv } from "../../src/workbook/history-csv";
import { thrown } from "../support/thrown";

const day = serialFromYmd;

describe("parseHistoryCsv", () => {
  it("reads Date,SPX,VIX in any case, with a BOM and CRLF", () => {
    const parsed = parseHistoryCsv(
      "\uFEFFdate,Spx,VIX\r\n2025-01-16,5937.34,16.6\r\n2025-01-17,5996.66,15.97\r\n"
    );
    expect(parsed).toEqual({
      layout: "history",
      history: {
        dates: [day(2025, 1, 16), day(2025, 1, 17)],
        spx: [5937.34, 5996.66],
        vix: [16.6, 15.97],
      },
    });
  });

  it("takes the close of Cboe's DATE,OPEN,HIGH,LOW,CLOSE with US dates", () => {
    const cboe =
      "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/1990,17.240000,17.240000,17.240000,17.240000\n01/03/1990,18.190000,18.190000,18.190000,18.190000\n";
    expect(parseHistoryCsv(cboe)).toEqual({
      layout: "series",
      series: { dates: [day(1990, 1, 2), day(1990, 1, 3)], closes: [17.24, 18.19] },
    });
  });

  it("takes Close, not Adj Close, of a Yahoo-style export; turns a newest-first file around", () => {
    const yahoo =
      "Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-17,1,2,0.5,5996.66,1,0\n2025-01-16,1,2,0.5,5937.34,1,0\n";
    expect(parseHistoryCsv(yahoo)).toEqual({
      layout: "series",
      series: { dates: [day(2025, 1, 16), day(2025, 1, 17)], closes: [5937.34, 5996.66] },
    });
    const nasdaq = 'Date,Close/Last,Volume,Open,High,Low\n01/17/2025,"$5,996.66",--,1,2,3\n';
    expect(parseHistoryCsv(nasdaq)).toMatchObject({ series: { closes: [5996.66] } });
  });

  it.each([
    [
      "Date,SPX\n2025-01-02,5000\n",
      /^line 1: expected a header Date,SPX,VIX or Date,Open,High,Low,Close/,
    ],
    ["Date,SPX,VIX\n", /header but no rows/],
    ["", /empty/],
    [
      "Date,SPX,VIX\n2025-01-02,5000,20\n2025-13-03,5000,20\n",
      /^line 3: the date "2025-13-03" is not a date/,
    ],
    [
      "Date,SPX,VIX\n2025-01-02,5000,20\n2025-01-03,,20\n",
      /^line 3: the SPX close an empty value is missing/,
    ],
    [
      "Date,SPX,VIX\n2025-01-02,5000,null\n",
      /^line 2: the VIX close "null" is missing or not a number/,
    ],
    [
      "Date,SPX,VIX\n2025-01-02,5000,20\n2025-01-03,-1,20\n",
      /^line 3: the SPX close must be above 0/,
    ],
    [
      "Date,SPX,VIX\n2025-01-02,5000,20\n2025-01-02,5000,20\n",
      /^line 3: the date repeats line 2's/,
    ],
    [
      "Date,SPX,VIX\n2025-01-02,5000,20\n2025-01-06,5000,20\n2025-01-03,5000,20\n",
      /^line 4: the dates are out of order/,
    ],
  ])("refuses %j naming the line", (text, message) => {
    const error = thrown(() => parseHistoryCsv(text));
    expect(error.argument).toBe("history");
    expect(error.message).toMatch(message);
  });
});

describe("mergeSeries", () => {
  it("joins an SPX and a VIX file on their common dates, ready to replay", () => {
    const rows = (first: number, count: number, level: number) => {
      const lines = ["DATE,OPEN,HIGH,LOW,CLOSE"];
      for (let d = first; lines.length <= count; d++) {
        const date = new Date((d - 25569) * 86_400_000).toISOString().slice(0, 10);
        if ([0, 6].includes(new Date((d - 25569) * 86_400_000).getUTCDay())) continue;
        lines.push(`${date},1,1,1,${level}`);
      }
      return lines.join("\n");
    };
    const spx = parseHistoryCsv(rows(day(2024, 12, 2), 80, 5000));
    const vix = parseHistoryCsv(rows(day(2024, 12, 9), 80, 17));
    if (spx.layout !== "series" || vix.layout !== "series") throw new Error("two series");
    const history = mergeSeries(spx.series, vix.series);
    expect(history.dates[0]).toBe(day(2024, 12, 9));
    expect(history.dates).toHaveLength(75);
    expect(history.vix.every((v) => v === 17) && history.spx.every((s) => s === 5000)).toBe(true);
    expect(replay(history).summary.unhedged.cycles).toBeGreaterThan(0);
    expect(() => mergeSeries(spx.series, { dates: [day(1990, 1, 2)], closes: [17] })).toThrow(
      /no date in common/
    );
  });
});
