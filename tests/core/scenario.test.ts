import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SPX_MOVES,
  DEFAULT_VIX_MOVES,
  hedgeVixSensitivity,
  icGreeks,
  ironCondor,
  payoffAtExpiry,
  scenarioBook,
  scenarioGrid,
  scenarioPnl,
  scenarioTable,
  vixFutureBeta,
  type ScenarioBookInput,
} from "../../src/core";
import { SCENARIO_CASES, WORKED_EXAMPLE } from "./references/scenario-cases";
import { thrown } from "../support/thrown";
import { close } from "../support/close";

// References: tests/core/references/scenario.json, made by scenario.py (mpmath, 50 digits) from
// SPEC §3.8 alone; the worked example is issue 15's.

describe("scenario grid against the mpmath references (SPEC §3.8)", () => {
  it.each(SCENARIO_CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const grid = scenarioGrid(scenarioBook(c.book), c.moves);
    for (const output of ["net", "condor", "hedge"] as const) {
      const table = scenarioTable(grid, output);
      expect(table[0]).toEqual([c.moves.horizonDays, ...c.moves.vixMoves]);
      c.expected[output].forEach((row, i) => {
        expect(table[i + 1][0]).toBe(c.moves.spxMoves[i]);
        row.forEach((want, j) => {
          const got = table[i + 1][j + 1];
          expect(close(got, want), `${output}[${i}][${j}] ${got} vs ${want}`).toBe(true);
        });
      });
    }
  });

  it("uses SPEC's default moves and h = 0 when none are given", () => {
    const grid = scenarioGrid(scenarioBook(WORKED_EXAMPLE.book));
    expect(grid.spxMoves).toEqual(DEFAULT_SPX_MOVES);
    expect(grid.vixMoves).toEqual(DEFAULT_VIX_MOVES);
    expect(grid.horizonDays).toBe(0);
    WORKED_EXAMPLE.expected.net.flat().forEach((want, k) => {
      expect(close(grid.net[k], want)).toBe(true);
    });
  });

  it("scenarioPnl is the grid's cell", () => {
    const book = scenarioBook(WORKED_EXAMPLE.book);
    const grid = scenarioGrid(book, { horizonDays: 12 });
    const cell = scenarioPnl(book, DEFAULT_SPX_MOVES[2], DEFAULT_VIX_MOVES[4], 12);
    const k = 2 * DEFAULT_VIX_MOVES.length + 4;
    expect([cell.condor, cell.hedge, cell.net]).toEqual([
      grid.condor[k],
      grid.hedge[k],
      grid.net[k],
    ]);
  });

  it("reuses the previous grid's arrays when the sizes agree", () => {
    const book = scenarioBook(WORKED_EXAMPLE.book);
    const first = scenarioGrid(book);
    const net = first.net;
    const again = scenarioGrid(book, { horizonDays: 20 }, first);
    expect(again.net).toBe(net);
    expect(Array.from(again.net)).toEqual(Array.from(scenarioGrid(book, { horizonDays: 20 }).net));
  });
});

const condorArb = fc
  .record({
    shortPut: fc.integer({ min: 4000, max: 6000 }),
    width: fc.integer({ min: 0, max: 600 }),
    putWing: fc.integer({ min: 5, max: 200 }),
    callWing: fc.integer({ min: 5, max: 200 }),
    creditShare: fc.double({ min: 0.01, max: 0.95, noNaN: true }),
    contracts: fc.integer({ min: 1, max: 20 }),
    dte: fc.double({ min: 0, max: 120, noNaN: true }),
    vol: fc.double({ min: 0.02, max: 1.5, noNaN: true }),
  })
  .map((r) => ({
    longPut: r.shortPut - r.putWing,
    shortPut: r.shortPut,
    shortCall: r.shortPut + r.width,
    longCall: r.shortPut + r.width + r.callWing,
    credit: r.creditShare * Math.max(r.putWing, r.callWing),
    contracts: r.contracts,
    dte: r.dte,
    vol: r.vol,
  }));

const bookArb = fc.record({
  position: condorArb,
  spot: fc.integer({ min: 3500, max: 7000 }),
  vix: fc.double({ min: 9, max: 80, noNaN: true }),
  hedgeContracts: fc.integer({ min: 0, max: 30 }),
  hedgeDays: fc.double({ min: 0, max: 200, noNaN: true }),
  call: fc.boolean(),
  future: fc.option(fc.double({ min: 10, max: 40, noNaN: true }), { nil: undefined }),
});

type BookCase = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

function bookOf(b: BookCase): ScenarioBookInput {
  return {
    positions: [b.position],
    hedge: {
      kind: b.call ? "call" : "future",
      contracts: b.hedgeContracts,
      days: b.hedgeDays,
      future: b.future,
      strike: 20,
      callVol: 0.9,
    },
    market: { spot: b.spot, vix: b.vix },
  };
}

describe("scenario properties", () => {
  it("the hedge's P&L is 0 at ΔV = 0 and h = 0, whatever SPX does", () => {
    fc.assert(
      fc.property(bookArb, fc.double({ min: -0.5, max: 0.5, noNaN: true }), (b, x) => {
        expect(scenarioPnl(scenarioBook(bookOf(b)), x, 0, 0).hedge).toBe(0);
      })
    );
  });

  it("the condor's P&L at h ≥ dte is the payoff at expiry", () => {
    fc.assert(
      fc.property(
        bookArb,
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: -8, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (b, x, dv, extra) => {
          const book = scenarioBook(bookOf(b));
          const got = scenarioPnl(book, x, dv, b.position.dte + extra).condor;
          const want = payoffAtExpiry(ironCondor(b.position), b.spot * (1 + x));
          expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        }
      )
    );
  });

  it("net = condor + hedge in every cell", () => {
    fc.assert(
      fc.property(bookArb, fc.double({ min: 0, max: 60, noNaN: true }), (b, h) => {
        const grid = scenarioGrid(scenarioBook(bookOf(b)), { horizonDays: h });
        grid.net.forEach((net, k) => expect(net).toBe(grid.condor[k] + grid.hedge[k]));
      })
    );
  });

  it("at h = 0 and no move, the condor's P&L is (credit − mark)·m·n", () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const { mark } = icGreeks(b.position, {
          spot: b.spot,
          dte: b.position.dte,
          vol: b.position.vol,
        });
        const want = (b.position.credit - mark) * 100 * b.position.contracts;
        const got = scenarioPnl(scenarioBook(bookOf(b)), 0, 0, 0).condor;
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      })
    );
  });
});

describe("hedge sensitivity", () => {
  it("is N·1000·e^(−κτ) for futures", () => {
    const book = scenarioBook(WORKED_EXAMPLE.book);
    expect(hedgeVixSensitivity(book)).toBeCloseTo(2 * 1000 * vixFutureBeta(77 / 365), 9);
    expect(hedgeVixSensitivity(scenarioBook({ ...WORKED_EXAMPLE.book, hedge: null }))).toBe(0);
  });
});

describe("bad input names the argument", () => {
  const book = () => scenarioBook(WORKED_EXAMPLE.book);

  it("VIX + ΔV below 1 is #NUM! naming vixMoves", () => {
    const error = thrown(() => scenarioGrid(book(), { vixMoves: [0, -17.5] }));
    expect(error.argument).toBe("vixMoves");
    expect(error.kind).toBe("num");
    expect(error.message).toMatch(/below 1/);
    expect(() => scenarioGrid(book(), { vixMoves: [-17] })).not.toThrow();
  });

  it("spot VIX typed as a decimal is named as vix, not blamed on vixMoves", () => {
    const decimal = { ...WORKED_EXAMPLE.book, market: { spot: 6000, vix: 0.18 } };
    const error = thrown(() => scenarioBook(decimal));
    expect(error.argument).toBe("vix");
    expect(error.message).toBe("vix 0.18 looks like a decimal: enter VIX in points, 18 for 18");
  });

  it("an SPX move of 100 % or more is a percent typed as a fraction", () => {
    const error = thrown(() => scenarioGrid(book(), { spxMoves: [-5] }));
    expect(error.argument).toBe("spxMoves");
    expect(error.message).toMatch(/−0\.05 for −5 %/);
  });

  it("empty moves, a negative horizon, a hedge without days", () => {
    expect(thrown(() => scenarioGrid(book(), { spxMoves: [] })).argument).toBe("spxMoves");
    expect(thrown(() => scenarioGrid(book(), { horizonDays: -1 })).argument).toBe("horizonDays");
    const noDays = {
      ...WORKED_EXAMPLE.book,
      hedge: { kind: "future" as const, contracts: 2, days: NaN },
    };
    expect(thrown(() => scenarioBook(noDays)).argument).toBe("hedgeDays");
    const bad = { ...WORKED_EXAMPLE.book, market: { spot: 6000, vix: 18, volBeta: -1 } };
    expect(thrown(() => scenarioBook(bad)).argument).toBe("volBeta");
  });
});
