import { beforeAll, describe, expect, it } from "vitest";
import {
  type CellFunction,
  loadBundle,
  loadFunctionsBundle,
  readMetadata,
  StubCellError,
} from "./bundle";
import { nameOf, SPEC_FUNCTIONS } from "./catalog";
import references from "./data/references.json";
import termReferences from "./data/vixterm-references.json";
import { cellError } from "../support/thrown";

// The built bundle, as Excel loads it. Values are checked against references this code did not
// produce: textbook numbers, SPEC's own examples, hand arithmetic, Cboe's published VIX expiries,
// and mpmath values in data/references.json (see data/make-references.py).

let fns: Map<string, CellFunction>;
let duplicates: string[];

beforeAll(() => {
  ({ registered: fns, duplicates } = loadBundle());
});

function call(id: string, ...args: unknown[]): unknown {
  const fn = fns.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  return fn(...args);
}

function scalar(id: string, ...args: unknown[]): number {
  const result = call(id, ...args);
  expect(typeof result).toBe("number");
  return result as number;
}

function grid(id: string, ...args: unknown[]): number[][] {
  const result = call(id, ...args);
  expect(Array.isArray(result)).toBe(true);
  return result as number[][];
}

const num = (text: string | null): number | null => (text === null ? null : Number(text));

/** Relative closeness for values of any size. */
function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected))
  );
}

describe("registration", () => {
  it("registers exactly the ids of functions.json, once each, and they are SPEC §4's", () => {
    const ids = readMetadata().map((f) => f.id);
    expect([...fns.keys()].sort()).toEqual([...ids].sort());
    expect(duplicates).toEqual([]);
    expect([...ids].sort()).toEqual(SPEC_FUNCTIONS.map((f) => f.id).sort());
  });

  it("gives no function an id under 3 characters (the unified manifest's rule); BS keeps its name", () => {
    const metadata = readMetadata();
    expect(metadata.filter((f) => f.id.length < 3).map((f) => f.id)).toEqual([]);
    expect(metadata.find((f) => f.name === "BS")?.id).toBe("BSPRICE");
  });

  it("indexes the same functions by id for the benchmarks", () => {
    const byId = loadFunctionsBundle();
    expect(Object.keys(byId).sort()).toEqual([...fns.keys()].sort());
    expect(byId.EDR(18, null, null)).toBe(scalar("EDR", 18));
  });

  it("loads without Excel's runtime, as in the standalone page", () => {
    expect(() => loadBundle({ withRuntime: false })).not.toThrow();
  });
});

describe("signatures (SPEC §4)", () => {
  const metadata = () => new Map(readMetadata().map((f) => [f.id, f]));

  for (const spec of SPEC_FUNCTIONS) {
    it(`${spec.id}: parameters in SPEC's order, optional ones with their default`, () => {
      const meta = metadata().get(spec.id)!;
      expect(meta.name).toBe(nameOf(spec));
      expect(meta.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      meta.parameters.forEach((param, i) => {
        const expected = spec.params[i];
        expect(param.optional ?? false, `${spec.id}.${param.name} optional`).toBe(
          expected.default !== undefined
        );
        expect(param.description, `${spec.id}.${param.name} unit`).toContain(expected.unit);
        if (expected.default !== undefined) {
          expect(param.description, `${spec.id}.${param.name} default`).toMatch(
            new RegExp(`Default: ${expected.default.replace(/[()]/g, "\\$&")}\\.$`)
          );
        } else {
          expect(param.description).not.toMatch(/Default/);
        }
      });
    });

    it(`${spec.id}: says what it returns and in which unit, links its help, stays pure`, () => {
      const meta = metadata().get(spec.id)!;
      expect(meta.description).toContain(spec.returns);
      expect(meta.helpUrl).toMatch(
        new RegExp(`/docs/functions\\.html#${nameOf(spec).toLowerCase()}$`)
      );
      // No volatile, streaming, cancelable or address options: pure, synchronous functions.
      expect(meta.options).toBeUndefined();
    });
  }

  it("spills the documented shapes and takes ICGREEKS' vol as a range", () => {
    const dims = new Map(readMetadata().map((f) => [f.id, f.result.dimensionality ?? "scalar"]));
    const spilled = [...dims].filter(([, d]) => d === "matrix").map(([id]) => id);
    expect(spilled.sort()).toEqual(
      [
        "ADLINE",
        "BREAKEVEN",
        "EMA",
        "ICGREEKS",
        "MACD",
        "REPLAY",
        "RSI",
        "SCENARIO",
        "SCHEDULE",
        "SMA",
      ].sort()
    );
    const icGreeks = readMetadata().find((f) => f.id === "ICGREEKS")!;
    expect(icGreeks.parameters.find((p) => p.name === "vol")!.dimensionality).toBe("matrix");
  });
});

describe("values through the registered functions", () => {
  it("BREAKEVEN: 1×2 row shortPut − credit, shortCall + credit (SPEC §3.2)", () => {
    const row = grid("BREAKEVEN", 5500, 5900, 12.35);
    expect(row).toHaveLength(1);
    expect(row[0]).toHaveLength(2);
    expectClose(row[0][0], 5487.65);
    expectClose(row[0][1], 5912.35);
  });

  it("MAXPROFIT and MAXLOSS: C·m·n and (wider wing − C)·m·n, with omitted defaults", () => {
    expectClose(scalar("MAXPROFIT", 5400, 5500, 5900, 6000, 12.35), 1235);
    expectClose(scalar("MAXPROFIT", 5400, 5500, 5900, 6000, 12.35, 4, null), 4940);
    expectClose(scalar("MAXLOSS", 5400, 5500, 5900, 6000, 12.35), 8765);
    // The wider (call) wing of 150 decides: (150 − 12.35) · 100 · 2.
    expectClose(scalar("MAXLOSS", 5400, 5500, 5900, 6050, 12.35, 2), 27530);
    expectClose(scalar("MAXLOSS", 5400, 5500, 5900, 6000, 1.5, 1, 10), 985);
  });

  it("ICPAYOFF: P&L at expiry in each region of the payoff", () => {
    const ic = [5400, 5500, 5900, 6000, 12.35];
    expectClose(scalar("ICPAYOFF", 5700, ...ic), 1235);
    expectClose(scalar("ICPAYOFF", 5460, ...ic, 2), (12.35 - 40) * 100 * 2);
    expectClose(scalar("ICPAYOFF", 5300, ...ic), (12.35 - 100) * 100);
    expectClose(scalar("ICPAYOFF", 5950, ...ic), (12.35 - 50) * 100);
    expectClose(scalar("ICPAYOFF", 6100, ...ic, null, 10), (12.35 - 100) * 10);
  });

  it("ICGREEKS: 1×5 row equal to mpmath position Greeks, one vol or one per leg", () => {
    for (const ref of references.ICGREEKS) {
      const row = grid("ICGREEKS", ...ref.args);
      expect(row).toHaveLength(1);
      expect(row[0]).toHaveLength(5);
      row[0].forEach((value, i) => expectClose(value, ref.row[i], 1e-7));
    }
    const [mark, , , vega, theta] = grid("ICGREEKS", ...references.ICGREEKS[0].args)[0];
    expect(mark).toBeGreaterThan(0);
    expect(vega).toBeLessThan(0); // a short condor is short vega and long theta (SPEC §2)
    expect(theta).toBeGreaterThan(0);
  });

  it("ICGREEKS: a 4×1 vol column means the same as a 1×4 row", () => {
    const args = references.ICGREEKS[1].args;
    const column = [[0.22], [0.19], [0.13], [0.12]];
    expect(grid("ICGREEKS", ...args.slice(0, 6), column)).toEqual(grid("ICGREEKS", ...args));
  });

  it("POP: lognormal probability between the break-evens (mpmath)", () => {
    const ref = references.POP[0];
    expectClose(scalar("POP", ...ref.args), ref.value, 1e-10);
  });

  it("BS: Hull's example, call 4.76 and put 0.81", () => {
    expect(scalar("BSPRICE", "call", 42, 40, 182.5, 0.2, 0.1).toFixed(2)).toBe("4.76");
    expect(scalar("BSPRICE", "put", 42, 40, 182.5, 0.2, 0.1).toFixed(2)).toBe("0.81");
  });

  it("BS: every output equals the mpmath price and its derivatives", () => {
    for (const ref of references.BS) {
      for (const [output, value] of Object.entries(ref.values)) {
        const args = [...ref.args];
        expectClose(scalar("BSPRICE", ...args, output), value, 1e-8);
      }
      expectClose(scalar("BSPRICE", ...ref.args), ref.values.price, 1e-10);
    }
  });

  it("BS and BLACK76: type and output in any case, c/p accepted", () => {
    const ref = references.BS[0];
    const [, ...rest] = ref.args;
    expectClose(scalar("BSPRICE", "C", ...rest, " Delta "), ref.values.delta, 1e-8);
    expectClose(
      scalar("BSPRICE", "Put", 42, 40, 182.5, 0.2, 0.1, null, "PRICE"),
      0.8085993729000936
    );
  });

  it("BLACK76: every output equals the mpmath price and its derivatives", () => {
    for (const ref of references.BLACK76) {
      for (const [output, value] of Object.entries(ref.values)) {
        expectClose(scalar("BLACK76", ...ref.args, output), value, 1e-8);
      }
    }
  });

  it("EXPECTEDMOVE: S · VIX/100 · √(d/annualDays) (mpmath)", () => {
    for (const ref of references.EXPECTEDMOVE)
      expectClose(scalar("EXPECTEDMOVE", ...ref.args), ref.value);
    expectClose(scalar("EXPECTEDMOVE", 5700, 18), scalar("EXPECTEDMOVE", 5700, 18, 1, 252));
  });

  it("EDR: SPEC §3.3's examples VIX 14.29 → 0.90, 15.87 → 1.00, 18 → 1.134", () => {
    expect(scalar("EDR", 14.29).toFixed(2)).toBe("0.90");
    expect(scalar("EDR", 15.87).toFixed(2)).toBe("1.00");
    expect(scalar("EDR", 18).toFixed(3)).toBe("1.134");
    expectClose(scalar("EDR", ...references.EDR[0].args), references.EDR[0].value);
  });

  it("LAYERS: exact step boundaries count (SPEC §3.4)", () => {
    expect(scalar("LAYERS", 0.89)).toBe(0);
    expect(scalar("LAYERS", 0.9)).toBe(1);
    expect(scalar("LAYERS", 0.95)).toBe(2);
    expect(scalar("LAYERS", 1.0)).toBe(3);
    expect(scalar("LAYERS", 1.2, null, null, 3)).toBe(3);
    expect(scalar("LAYERS", 1.0, 0.8, 0.1)).toBe(3);
  });

  it("COVERAGE: min(layers × perLayer, cap)", () => {
    expect(scalar("COVERAGE", 0.85)).toBe(0);
    expectClose(scalar("COVERAGE", 0.9), 0.25);
    expectClose(scalar("COVERAGE", 0.95), 0.5);
    expectClose(scalar("COVERAGE", 1.0), 0.6);
    expectClose(scalar("COVERAGE", 0.95, 0.3, 0.9), 0.6);
    expectClose(scalar("COVERAGE", 1.0, null, 1), 0.75);
  });

  it("LAYERDEPTH: linear base·(e − θ)/s, stepped base·L(e), capped by maxDepth", () => {
    expectClose(scalar("LAYERDEPTH", 1.0, 2), 4);
    expectClose(scalar("LAYERDEPTH", 1.02, 2), 4.8);
    expectClose(scalar("LAYERDEPTH", 1.0, 2, null, null, "Stepped"), 6);
    expect(scalar("LAYERDEPTH", 0.85, 2)).toBe(0);
    expectClose(scalar("LAYERDEPTH", 1.2, 2, null, null, null, 5), 5);
  });

  it("HEDGERATIO: SPEC §3.5's 0.5·4800 / (0.6·1000) is 4 contracts", () => {
    expectClose(scalar("HEDGERATIO", 4800, 0.5, 0.6), 4, 1e-12);
    expectClose(scalar("HEDGERATIO", -4800, 0.25), 1.2);
    expectClose(scalar("HEDGERATIO", 4800, 0.25, null, 0.5, 100), 24);
  });

  it("SCHEDULE: n×7 rows, whole contracts rounded up within the cap, 4.000…01 is 4", () => {
    const rows = grid("SCHEDULE", 4800);
    // The cap's 2.88 exact contracts allow 2 whole ones: layers 2 and 3 no longer round up to 3.
    const expected = [
      [1, 0.9, 0.25, 0.25, 1.2, 2, 2000 / 4800],
      [2, 0.95, 0.5, 0.25, 2.4, 2, 2000 / 4800],
      [3, 1.0, 0.6, 0.1, 2.88, 2, 2000 / 4800],
    ];
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(7);
      row.forEach((value, j) => expectClose(value, expected[i][j]));
    });
    const shifted = grid("SCHEDULE", 4800, null, 0.5, null, null, 0.6);
    expect(shifted.map((row) => row[5])).toEqual([2, 4]);
    expect(shifted.map((row) => row[6])).toEqual([0.25, 0.5]);
    // perLayer 0.01 up to a cap of 1: 100 layers, the last one adding 0.01 and reaching the cap.
    const fine = grid("SCHEDULE", 4800, 0.01, 1);
    expect(fine).toHaveLength(100);
    expect(fine[99].slice(0, 4)).toEqual([100, 5.85, 1, 0.01]);
  });

  it("SCHEDULE: issue 14's condor holds 1 future per layer (57 %), never 2 (114 %)", () => {
    const rows = grid("SCHEDULE", 1750);
    expect(rows.map((row) => row[5])).toEqual([1, 1, 1]);
    rows.forEach((row) => expectClose(row[6], 1000 / 1750, 1e-15));
  });

  it("BREAKEVEN: a broken wing has no break-even on its side (#N/A), SPEC §3.2", () => {
    const { brokenWing: c } = termReferences;
    const legs = [Number(c.shortPut), Number(c.shortCall), Number(c.credit)];
    // Three arguments keep working as before: the wings are not known.
    expect(grid("BREAKEVEN", ...legs)).toEqual([[5870, 6130]]);
    const row = call("BREAKEVEN", ...legs, Number(c.longPut), Number(c.longCall)) as unknown[][];
    expect(row[0][0]).toBe(c.lowerBreakEven);
    expect(row[0][1]).toBeInstanceOf(StubCellError);
    expect(row[0][1]).toMatchObject({
      code: "#N/A",
      message: "no upper break-even: the credit covers the call wing",
    });
    const putSide = call("BREAKEVEN", 5900, 6100, 30, 5880, 6200) as unknown[][];
    expect(putSide[0][0]).toMatchObject({ code: "#N/A", message: /no lower break-even/ });
    expect(putSide[0][1]).toBe(6130);
    expect(grid("BREAKEVEN", 5900, 6100, 30, 5800)).toEqual([[5870, 6130]]);
    expect(grid("BREAKEVEN", 5900, 6100, 30, null, 6200)).toEqual([[5870, 6130]]);
    // A credit at least as wide as the wider wing leaves no risk: still refused.
    expect(cellError(() => call("BREAKEVEN", 5900, 6100, 30, 5880, 6125)).message).toContain(
      "at or above the wider wing 25"
    );
    expect(cellError(() => call("BREAKEVEN", 5900, 6100, 30, 5950)).message).toContain("longPut");
  });

  it("POP: a side without a break-even is unbounded (mpmath reference, issue 14)", () => {
    const { brokenWing: c } = termReferences;
    const [spot, dte, vol] = [Number(c.spot), Number(c.dte), Number(c.vol)];
    const pop = scalar("POP", spot, c.lowerBreakEven, "none", dte, vol);
    expectClose(pop, c.pop, 1e-13);
    expect(pop.toFixed(3)).toBe("0.624");
    expectClose(scalar("POP", spot, c.lowerBreakEven, null, dte, vol), c.pop, 1e-13);
    // What the false upper break-even 6130 gave:
    const wrong = scalar("POP", spot, c.lowerBreakEven, 6130, dte, vol);
    expectClose(wrong, c.popWithFalseUpper, 1e-13);
    expect(wrong.toFixed(3)).toBe("0.268");
    expect(cellError(() => call("POP", spot, "none", "None", dte, vol)).message).toContain(
      "both missing"
    );
  });

  it("VIXTERM: the estimated future and its beta against mpmath (SPEC §3.7)", () => {
    for (const ref of termReferences.vixterm) {
      const args = [Number(ref.vix), Number(ref.days), num(ref.kappa), num(ref.longRunVix)];
      expectClose(scalar("VIXTERM", ...args), ref.future, 1e-14);
      expectClose(scalar("VIXTERM", ...args, "future"), ref.future, 1e-14);
      expectClose(scalar("VIXTERM", ...args, "Beta"), ref.beta, 1e-14);
    }
    expect(scalar("VIXTERM", 18, 0)).toBe(18);
    expect(cellError(() => call("VIXTERM", 0.18, 60)).message).toContain("enter VIX in points, 18");
    expect(cellError(() => call("VIXTERM", 18, -1)).message).toContain("days");
    expect(cellError(() => call("VIXTERM", 18, 60, null, null, "spot")).message).toContain(
      "output"
    );
    expect(cellError(() => call("VIXTERM", 18, 60, -1)).message).toContain("kappa");
  });

  it("BSM: the same as BS, argument for argument", () => {
    for (const output of ["price", "delta", "gamma", "vega", "theta", "rho", null]) {
      const args = ["put", 5700, 5600, 30, 0.16, 0.045, 0.013, output];
      expect(scalar("BSM", ...args)).toBe(scalar("BSPRICE", ...args));
    }
    expect(cellError(() => call("BSM", "call", 42, 40, 182.5, 20)).message).toBe(
      cellError(() => call("BSPRICE", "call", 42, 40, 182.5, 20)).message
    );
  });

  it("VIXEXPIRY: Cboe's published expiries, as serials counted from 1899-12-30", () => {
    expect(scalar("VIXEXPIRY", 45444)).toBe(45461); // 2024-06-01 → 2024-06-18 (Juneteenth week)
    expect(scalar("VIXEXPIRY", 45461)).toBe(45490); // strictly after: 2024-06-18 → 2024-07-17
    expect(scalar("VIXEXPIRY", 45658)).toBe(45679); // 2025-01-01 → 2025-01-22
    expect(scalar("VIXEXPIRY", 45717, 2)).toBe(45763); // 2025-03-01 → 03-18 (Good Friday), 04-16
    expect(scalar("VIXEXPIRY", 45717, null)).toBe(45734);
  });
});

describe("bad input becomes a cell error naming the argument", () => {
  const cases: [string, unknown[], string, string][] = [
    ["BREAKEVEN", ["abc", 5900, 12.35], "#VALUE!", "shortPut"],
    ["BREAKEVEN", [5500, null, 12.35], "#VALUE!", "shortCall"],
    ["MAXPROFIT", [true, 5500, 5900, 6000, 12.35], "#VALUE!", "longPut"],
    ["MAXLOSS", [5400, 5500, 5900, 6000, "12.35"], "#VALUE!", "credit"],
    ["MAXLOSS", [5400, 5500, 5900, 6000, 12.35, "two"], "#VALUE!", "contracts"],
    ["ICPAYOFF", [null, 5400, 5500, 5900, 6000, 12.35], "#VALUE!", "spotAtExpiry"],
    [
      "ICGREEKS",
      [
        5700,
        5400,
        5500,
        5900,
        6000,
        30,
        [
          [0.2, 0.2],
          [0.2, 0.2],
        ],
      ],
      "#VALUE!",
      "vol",
    ],
    ["ICGREEKS", [5700, 5400, 5500, 5900, 6000, 30, [[0.2, "x", 0.2, 0.2]]], "#VALUE!", "vol"],
    ["POP", [5700, 5500, 5900, 30, 16], "#VALUE!", "enter 0.16"],
    ["BSPRICE", ["straddle", 42, 40, 182.5, 0.2], "#VALUE!", "type"],
    ["BSPRICE", ["call", 42, 40, 182.5, 0.2, 0, 0, "vanna"], "#VALUE!", "output"],
    ["BSPRICE", ["call", 42, 40, 182.5, 20], "#VALUE!", "enter 0.2"],
    ["BLACK76", ["call", 20, 22, 35, 0.9, 0, "rho"], "#VALUE!", "output"],
    ["EXPECTEDMOVE", [5700, false], "#VALUE!", "vix"],
    ["EDR", ["18"], "#VALUE!", "vix"],
    ["LAYERS", [[[1, 2]]], "#VALUE!", "edr"],
    ["LAYERDEPTH", [1, 2, null, null, "log"], "#VALUE!", "mode"],
    ["HEDGERATIO", [4800, "half"], "#VALUE!", "coverage"],
    ["SCHEDULE", [null], "#VALUE!", "exposure"],
    ["SCHEDULE", [4800, 0.0001], "#NUM!", "perLayer"],
    ["VIXEXPIRY", ["2024-06-18"], "#VALUE!", "date"],
  ];
  for (const [id, args, code, mention] of cases) {
    it(`${id}(${args.map((a) => JSON.stringify(a)).join(", ")}) → ${code} mentioning ${mention}`, () => {
      const error = cellError(() => call(id, ...args));
      expect(error.code).toBe(code);
      expect(error.message).toContain(mention);
    });
  }

  it("a number outside the formula's domain is #NUM! with its message", () => {
    const error = cellError(() => call("BSPRICE", "call", -42, 40, 182.5, 0.2));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("spot");
  });
});
