import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bsm,
  condorMark,
  condorStrikes,
  edr,
  monthlyExpiration,
  monthlyExpirations,
  replay,
  replaySummaryTable,
  roundStrike,
  serialFromYmd,
  strikeForDelta,
  vixFuture,
  type ReplayHistory,
} from "../../../src/core";
import { syntheticHistory } from "../../support/synthetic-history";
import { thrown } from "../../support/thrown";

const ymd = serialFromYmd;

/** Business-day rows from 2025-01-02 to 2025-03-21, SPX 5000 and VIX 20, SPX 4700 on the last. */
function flatHistory(vixLevel = 20): ReplayHistory {
  const { dates } = syntheticHistory(8000);
  const rows = dates.filter((d) => d >= ymd(2025, 1, 2) && d <= ymd(2025, 3, 21));
  const spx = rows.map((_, i) => (i === rows.length - 1 ? 4700 : 5000));
  return { dates: rows, spx, vix: rows.map(() => vixLevel) };
}

describe("monthly expirations (SPEC §6)", () => {
  it("are third Fridays, the business day before when the Friday is a holiday", () => {
    expect(monthlyExpiration(2025, 1)).toBe(ymd(2025, 1, 17));
    expect(monthlyExpiration(2025, 3)).toBe(ymd(2025, 3, 21));
    // Good Friday 2025 was the third Friday of April.
    expect(monthlyExpiration(2025, 4)).toBe(ymd(2025, 4, 17));
    expect(monthlyExpiration(2022, 4)).toBe(ymd(2022, 4, 14));
    expect(monthlyExpirations(ymd(2024, 11, 20), ymd(2025, 2, 1))).toEqual([
      ymd(2024, 11, 15),
      ymd(2024, 12, 20),
      ymd(2025, 1, 17),
      ymd(2025, 2, 21),
    ]);
  });
});

describe("condor strikes from deltas (SPEC §6)", () => {
  it("puts a put of delta −d and a call of delta d at the unrounded strikes", () => {
    const [spot, vol, years] = [5000, 0.2, 35 / 365];
    const put = strikeForDelta("put", 0.2, spot, vol, years);
    const call = strikeForDelta("call", 0.05, spot, vol, years);
    const dte = years * 365;
    expect(bsm({ type: "put", spot, strike: put, dte, vol }).delta).toBeCloseTo(-0.2, 12);
    expect(bsm({ type: "call", spot, strike: call, dte, vol }).delta).toBeCloseTo(0.05, 12);
  });

  it("rounds to the nearest 5, a tie going down for puts and up for calls", () => {
    expect(roundStrike(4502.5, "put")).toBe(4500);
    expect(roundStrike(4502.5, "call")).toBe(4505);
    expect(roundStrike(4502.49, "call")).toBe(4500);
    expect(roundStrike(4502.51, "put")).toBe(4505);
    expect(roundStrike(4500, "call")).toBe(4500);
  });

  it("keeps 5 points between legs, in SPEC's order, when the deltas collapse onto one strike", () => {
    expect(condorStrikes(5000, 0.001, 1 / 365, 0.2, 0.05)).toEqual({
      longPut: 4995,
      shortPut: 5000,
      shortCall: 5005,
      longCall: 5010,
    });
  });
});

describe("replay on a hand-checkable history (flat SPX 5000 and VIX 20)", () => {
  const history = flatHistory();
  const result = replay(history);

  it("opens on the January expiration and rolls at each next one, sharing the row", () => {
    expect(result.cycles.map((c) => [c.entry, c.expiry, c.settlement])).toEqual([
      [ymd(2025, 1, 17), ymd(2025, 2, 21), ymd(2025, 2, 21)],
      [ymd(2025, 2, 21), ymd(2025, 3, 21), ymd(2025, 3, 21)],
    ]);
    // The VIX expiry after 21 February 2025 is Tuesday 18 March (SPEC §3.6: Good Friday was the
    // third Friday of April); after 21 March, 16 April.
    expect(result.cycles.map((c) => c.hedgeExpiry)).toEqual([ymd(2025, 3, 18), ymd(2025, 4, 16)]);
  });

  it("takes the model mark at entry as the credit and settles at the payoff", () => {
    const [first, second] = result.cycles;
    expect(first.credit).toBe(condorMark(first.strikes, 5000, 0.2, 35));
    expect(second.credit).toBe(condorMark(second.strikes, 5000, 0.2, 28));
    // Unhedged: the first expires between the shorts (the credit is kept); the second settles
    // at 4700, inside its put spread.
    expect(first.pnl.unhedged).toBeCloseTo(first.credit * 100, 8);
    expect(second.pnl.unhedged).toBeCloseTo(
      (second.credit - (second.strikes.shortPut - 4700)) * 100,
      8
    );
    expect(result.summary.unhedged.totalPnl).toBeCloseTo(
      first.pnl.unhedged + second.pnl.unhedged,
      8
    );
    expect(result.summary.unhedged.winningCycles).toBe(0.5);
    expect(result.summary.unhedged.worstCycle).toBe(second.pnl.unhedged);
  });

  it("hedges at the cap at VIX 20 (8 layers), pays the drift of F toward the spot", () => {
    const { days, summary, cycles } = result;
    expect(days.every((d) => d.layers === 8)).toBe(true);
    expect(summary.alvh).toEqual(summary.static);
    const entry = days.findIndex((d) => d.date === cycles[0].entry);
    const settle = days.findIndex((d) => d.date === cycles[0].settlement);
    const future = (i: number) => vixFuture(20, (cycles[0].hedgeExpiry - days[i].date) / 365);
    let hedge = 0;
    for (let i = entry + 1; i <= settle; i++) {
      hedge += days[i - 1].contracts.static * 1000 * (future(i) - future(i - 1));
    }
    expect(cycles[0].pnl.static - cycles[0].pnl.unhedged).toBeCloseTo(hedge, 8);
    expect(hedge).toBeGreaterThan(0); // VIX 20 above θV 19.4: the future rises toward the spot
  });

  it("sizes the hedge at whole contracts within the cap, from the max loss", () => {
    const cycle = result.cycles[0];
    const day = result.days.find((d) => d.date === cycle.entry)!;
    const k = cycle.strikes;
    const maxLoss =
      (Math.max(k.shortPut - k.longPut, k.longCall - k.shortCall) - cycle.credit) * 100;
    const beta = Math.exp((-5.9 * (cycle.hedgeExpiry - cycle.entry)) / 365);
    expect(day.contracts.static).toBe(Math.floor((0.6 * maxLoss) / 10 / (beta * 1000)));
  });

  it("charges the fee on every change of contracts, openings and closings included", () => {
    const fee = 2.5;
    const withFees = replay(history, { feePerContract: fee });
    const traded = result.summary.static.contractsTraded;
    expect(traded).toBeGreaterThan(0);
    expect(withFees.summary.static.totalPnl).toBeCloseTo(
      result.summary.static.totalPnl - fee * traded,
      8
    );
    expect(withFees.summary.static.hedgePnl).toBeCloseTo(
      result.summary.static.hedgePnl - fee * traded,
      8
    );
    expect(withFees.summary.unhedged).toEqual(result.summary.unhedged);
  });
});

describe("replay properties", () => {
  const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });
  const params = fc.record({
    threshold: fc.constantFrom(0.8, 0.9, 1),
    step: fc.constantFrom(0.03, 0.05, 0.1),
    perLayer: fc.constantFrom(0.1, 0.25, 0.5),
    cap: fc.constantFrom(0.4, 0.6, 1),
    feePerContract: fc.constantFrom(0, 1.5),
  });

  it("unhedged has no hedge P&L; static holds at least ALVH's contracts every day", () => {
    fc.assert(
      fc.property(seeds, params, (seed, p) => {
        const result = replay(syntheticHistory(180, seed, 120), p);
        const { unhedged, alvh } = result.summary;
        expect([unhedged.hedgePnl, unhedged.contractsTraded, unhedged.daysHedged]).toEqual([
          0, 0, 0,
        ]);
        expect(result.summary.static.daysHedged).toBeGreaterThanOrEqual(alvh.daysHedged);
        for (const day of result.days) {
          expect(day.contracts.static).toBeGreaterThanOrEqual(day.contracts.alvh);
        }
        const cycles = result.cycles.reduce((sum, c) => sum + c.pnl.alvh, 0);
        expect(cycles).toBeCloseTo(alvh.totalPnl, 6);
        expect(result.days[result.days.length - 1].equity.alvh).toBeCloseTo(alvh.totalPnl, 6);
      }),
      { numRuns: 25 }
    );
  });

  it("a flat VIX below the threshold leaves ALVH unhedged", () => {
    fc.assert(
      fc.property(seeds, fc.double({ min: 9, max: 14.28, noNaN: true }), (seed, level) => {
        const history = { ...syntheticHistory(120, seed), vix: Array(120).fill(level) };
        const { summary, days } = replay(history);
        expect(summary.alvh).toEqual(summary.unhedged);
        expect(days.every((d) => d.layers === 0 && d.contracts.alvh === 0)).toBe(true);
        expect(summary.static.daysHedged).toBeGreaterThan(0);
      }),
      { numRuns: 20 }
    );
  });

  it("max drawdown is the largest fall of the equity from its running peak, from 0", () => {
    const result = replay(syntheticHistory(400, 7));
    let peak = 0;
    let drawdown = 0;
    for (const day of result.days) {
      peak = Math.max(peak, day.equity.static);
      drawdown = Math.max(drawdown, peak - day.equity.static);
    }
    expect(result.summary.static.maxDrawdown).toBe(drawdown);
    expect(drawdown).toBeGreaterThan(0);
  });
});

describe("the layer gate (for signals)", () => {
  const history = syntheticHistory(400, 11);
  const free = replay(history);
  const n = history.dates.length;

  it("changes nothing when it allows every row, and keeps ALVH unhedged when it allows none", () => {
    expect(replay(history, {}, { layerGate: Array(n).fill(true) })).toEqual(free);
    const closed = replay(history, {}, { layerGate: Array(n).fill(false) });
    expect(closed.summary.alvh).toEqual(closed.summary.unhedged);
    expect(closed.summary.static).toEqual(free.summary.static);
  });

  it("adds layers only where allowed; they still fall with the EDR", () => {
    const gate = history.dates.map((_, i) => i % 10 === 0);
    const gated = replay(history, {}, { layerGate: gate });
    gated.days.forEach((day, i) => {
      expect(day.layers).toBeLessThanOrEqual(free.days[i].layers);
      const before = i > 0 ? gated.days[i - 1].layers : 0;
      if (day.layers > before) expect(gate[i]).toBe(true);
      if (day.layers < before) expect(day.layers).toBe(free.days[i].layers);
    });
    expect(gated.summary.alvh.daysHedged).toBeLessThan(free.summary.alvh.daysHedged);
  });

  it("is refused when it does not have one value per row", () => {
    expect(thrown(() => replay(history, {}, { layerGate: [true] })).message).toMatch(
      /one value per history row \(got 1 for 400 rows\)/
    );
  });
});

describe("replay's summary table (SPEC §4 REPLAY)", () => {
  it("is 9×4: the header row, then SPEC's rows in order", () => {
    const table = replaySummaryTable(replay(syntheticHistory(120, 3)).summary);
    expect(table.map((row) => row[0])).toEqual([
      "metric",
      "cycles",
      "total P&L ($)",
      "hedge P&L ($)",
      "max drawdown ($)",
      "worst cycle ($)",
      "winning cycles",
      "hedge contracts traded",
      "days hedged",
    ]);
    expect(table[0]).toEqual(["metric", "unhedged", "static", "ALVH"]);
    expect(table.every((row) => row.length === 4)).toBe(true);
  });
});

describe("replay's input checks name the row", () => {
  const good = flatHistory();
  const change = (key: keyof ReplayHistory, row: number, value: number): ReplayHistory => ({
    ...good,
    [key]: good[key].map((x, i) => (i === row - 1 ? value : x)),
  });

  const cases: [string, string, ReplayHistory, RegExp][] = [
    [
      "dates not ascending",
      "dates",
      change("dates", 5, good.dates[2]),
      /^row 5: .* does not come after row 4's .*strictly ascending/,
    ],
    [
      "a time of day",
      "dates",
      change("dates", 3, good.dates[2] + 0.5),
      /^row 3: date .* has a time of day/,
    ],
    ["a missing date", "dates", change("dates", 2, Number.NaN), /^row 2: the date is missing/],
    [
      "a date out of range",
      "dates",
      change("dates", 1, 12),
      /^row 1: dates 12 is not an Excel date/,
    ],
    ["SPX at 0", "spx", change("spx", 7, 0), /^row 7: spx must be above 0/],
    [
      "a missing SPX",
      "spx",
      change("spx", 8, Number.NaN),
      /^row 8: spx is missing or not a number/,
    ],
    ["a negative VIX", "vix", change("vix", 9, -3), /^row 9: vix must be above 0/],
    [
      "VIX as a decimal",
      "vix",
      change("vix", 10, 0.18),
      /^row 10: vix 0.18 looks like a decimal: enter VIX in points, 18/,
    ],
  ];
  for (const [label, argument, history, message] of cases) {
    it(`${label}: ${String(message)}`, () => {
      const error = thrown(() => replay(history));
      expect(error.argument).toBe(argument);
      expect(error.message).toMatch(message);
    });
  }

  it("refuses columns of different lengths and a history shorter than one cycle", () => {
    expect(thrown(() => replay({ ...good, vix: [20] })).message).toMatch(/one value per row each/);
    const short = {
      dates: good.dates.slice(0, 20),
      spx: good.spx.slice(0, 20),
      vix: good.vix.slice(0, 20),
    };
    const error = thrown(() => replay(short));
    expect(error.argument).toBe("dates");
    expect(error.message).toBe(
      "the history from 2025-01-02 to 2025-01-31 holds no complete cycle: it needs rows from one monthly expiration (third Friday) through the next"
    );
    expect(thrown(() => replay({ dates: [], spx: [], vix: [] })).message).toMatch(/empty/);
  });

  it("names the parameter and the fix", () => {
    expect(thrown(() => replay(good, { shortDelta: 20 })).message).toMatch(
      /enter 0.2 for a 20-delta/
    );
    expect(thrown(() => replay(good, { wingDelta: 0.3 })).message).toMatch(/below shortDelta 0.2/);
    expect(thrown(() => replay(good, { cap: 60 })).argument).toBe("cap");
    expect(thrown(() => replay(good, { vixRiseAtMaxLoss: 0 })).argument).toBe("vixRiseAtMaxLoss");
    expect(thrown(() => replay(good, { feePerContract: -1 })).argument).toBe("feePerContract");
    expect(edr(20)).toBeCloseTo(1.2599, 4);
  });
});
