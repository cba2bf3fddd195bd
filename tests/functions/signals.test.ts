import { beforeAll, describe, expect, it } from "vitest";
import references from "../core/signals/references.json";
import { type CellFunction, loadBundle, StubCellError } from "./bundle";
import { cellError } from "../support/thrown";

// SMA, EMA, RSI, MACD and ADLINE as Excel calls them (SPEC §3.9, §4): through the built bundle,
// ranges in, a spilled column out, checked against the exact rational references of
// tests/core/signals/make_references.py.

let fns: Map<string, CellFunction>;
beforeAll(() => {
  fns = loadBundle().registered;
});

const call = (id: string, ...args: unknown[]) => fns.get(id)!(...args) as (number | "")[][];
const column = (values: unknown[]) => values.map((v) => [v]);
const vix = references.series.vix;

/** A spilled column against a reference: "" where the reference has null, else within 1e-12. */
function expectColumn(rows: (number | "")[][], index: number, expected: (number | null)[]): void {
  expect(rows).toHaveLength(expected.length);
  rows.forEach((row, i) => {
    const want = expected[i];
    if (want === null) expect(row[index], `row ${i + 1}`).toBe("");
    else {
      expect(typeof row[index], `row ${i + 1}`).toBe("number");
      expect(Math.abs((row[index] as number) - want)).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(want))
      );
    }
  });
}

describe("signal functions through the registered bundle", () => {
  it("SMA, EMA and RSI spill one column as tall as the input, equal to the references", () => {
    for (const [id, refs] of [
      ["SMA", references.sma],
      ["EMA", references.ema],
      ["RSI", references.rsi],
    ] as const) {
      for (const ref of refs) {
        const values = references.series[ref.series as keyof typeof references.series];
        const rows = call(id, column(values), ref.n);
        rows.forEach((row) => expect(row).toHaveLength(1));
        expectColumn(rows, 0, ref.out);
      }
    }
  });

  it("MACD spills line, signal and histogram; defaults are 12, 26, 9", () => {
    for (const ref of references.macd) {
      const values = references.series[ref.series as keyof typeof references.series];
      const rows = call("MACD", column(values), ref.fast, ref.slow, ref.signal);
      rows.forEach((row) => expect(row).toHaveLength(3));
      expectColumn(rows, 0, ref.line);
      expectColumn(rows, 1, ref.signalLine);
      expectColumn(rows, 2, ref.histogram);
    }
    expect(call("MACD", column(vix), null, null, null)).toEqual(
      call("MACD", column(vix), 12, 26, 9)
    );
    expect(call("RSI", column(vix))).toEqual(call("RSI", column(vix), 14));
  });

  it("ADLINE spills the running sum of advances − declines", () => {
    const { advances, declines, out } = references.adLine;
    expectColumn(call("ADLINE", column(advances), column(declines)), 0, out);
  });

  it("takes a row as well as a column, and still spills a column", () => {
    expect(call("SMA", [[1, 2, 3, 4]], 2)).toEqual([[""], [1.5], [2.5], [3.5]]);
    expect(call("SMA", column([1, 2, 3, 4]), 2)).toEqual([[""], [1.5], [2.5], [3.5]]);
  });

  it("lines up with empty cells before the first value and after the last", () => {
    // A column selected longer than the data, or fed from another signal's leading "".
    expect(call("SMA", column(["", null, 1, 2, 3, "", null]), 2)).toEqual([
      [""],
      [""],
      [""],
      [1.5],
      [2.5],
      [""],
      [""],
    ]);
    const ema = call("EMA", column(vix), 5);
    expect(call("RSI", ema, 3)).toHaveLength(vix.length);
  });
});

describe("signal functions refuse bad input, naming the row or the argument", () => {
  const cases: [string, unknown[], string, string[]][] = [
    ["SMA", [column([18, "abc", 19]), 2], "#VALUE!", ["values", "row 2", "text"]],
    ["SMA", [column([18, "19.5", 19]), 2], "#VALUE!", ["row 2", "as a number"]],
    ["EMA", [column([18, null, 19, 20]), 2], "#VALUE!", ["values row 2", "empty inside the data"]],
    ["RSI", [[[18, 19, true, 20]]], "#VALUE!", ["values column 3", "TRUE"]],
    [
      "MACD",
      [column([18, new StubCellError("#N/A"), 19])],
      "#VALUE!",
      ["values row 2", "not a number"],
    ],
    ["SMA", [column([18, 19, 20]), 0], "#NUM!", ["n must be 1 or more"]],
    ["SMA", [column([18, 19, 20]), 4], "#NUM!", ["SMA(4) needs at least 4 values and got 3"]],
    ["EMA", [column([18, 19, 20]), 2.5], "#VALUE!", ["n must be a whole number"]],
    ["SMA", [column([18, 19, 20]), null], "#VALUE!", ["n is required"]],
    ["RSI", [column(vix.slice(0, 14))], "#NUM!", ["RSI(14) needs at least 15 values"]],
    ["MACD", [column(vix.slice(0, 33))], "#NUM!", ["MACD(12, 26, 9) needs at least 34 values"]],
    ["MACD", [column(vix), 26, 12], "#NUM!", ["fast (26) must be shorter than slow (12)"]],
    [
      "SMA",
      [
        [
          [1, 2],
          [3, 4],
        ],
        1,
      ],
      "#VALUE!",
      ["one row or one column", "2×2"],
    ],
    ["SMA", [column(["", null]), 1], "#VALUE!", ["values holds no numbers"]],
    ["ADLINE", [column([1, 2, 3]), column([1, 2])], "#VALUE!", ["same size"]],
    ["ADLINE", [column([1, -2]), column([1, 2])], "#NUM!", ["advances row 2", "0 or more"]],
    ["SMA", [column([1e308, 1e308]), 2], "#NUM!", ["beyond double precision"]],
  ];
  for (const [id, args, code, mentions] of cases) {
    it(`${id} → ${code}: ${mentions.join(", ")}`, () => {
      const error = cellError(() => call(id, ...args));
      expect(error.code).toBe(code);
      for (const mention of mentions) expect(error.message).toContain(mention);
    });
  }
});
