import { describe, expect, it } from "vitest";
import { replay, replaySummaryTable, REPLAY_VARIANTS, type ReplayParams } from "../../../src/core";
import references from "../references/replay.json";

// SPEC §6 against scripts/references/replay.py: an independent implementation written from SPEC
// (mpmath at 40 digits, python-dateutil's calendar), run on the deterministic histories it made and
// stored beside its results in replay.json. Every figure must agree to 1e-6.

const TOLERANCE = 1e-6;

interface Reference {
  name: string;
  params: ReplayParams;
  history: { dates: number[]; spx: number[]; vix: number[] };
  summary: Record<string, Record<string, number>>;
  days: Record<string, number[]>;
  cycles: {
    entry: number;
    expiry: number;
    settlement: number;
    hedgeExpiry: number;
    strikes: number[];
    credit: number;
    pnl: Record<string, number>;
  }[];
}

const cases = references.cases as Reference[];

function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    TOLERANCE
  );
}

describe("replay against the independent reference (scripts/references/replay.py)", () => {
  it("covers a 2½-year synthetic history with a crash and a calm stretch, and a short one", () => {
    expect(cases.map((c) => c.name)).toEqual([
      "synthetic",
      "synthetic, fees and a tighter grid",
      "synthetic, other condor",
      "hand-checkable",
    ]);
    expect(cases[0].history.dates.length).toBe(660);
    expect(Math.max(...cases[0].history.vix)).toBeGreaterThan(40);
    expect(Math.min(...cases[0].history.vix)).toBeLessThan(14.29);
  });

  for (const ref of cases) {
    describe(ref.name, () => {
      const result = replay(ref.history, ref.params);

      it("every summary cell", () => {
        for (const v of REPLAY_VARIANTS) {
          for (const [field, expected] of Object.entries(ref.summary[v])) {
            const actual = result.summary[v][field as keyof (typeof result.summary)[typeof v]];
            close(actual, expected, `${v} ${field}`);
          }
        }
        const table = replaySummaryTable(result.summary);
        expect(table).toHaveLength(9);
        expect(table[2][1]).toBeCloseTo(ref.summary.unhedged.totalPnl, 6);
      });

      it("every cycle: dates, strikes, credit and P&L per variant", () => {
        expect(result.cycles).toHaveLength(ref.cycles.length);
        result.cycles.forEach((cycle, j) => {
          const expected = ref.cycles[j];
          expect([cycle.entry, cycle.expiry, cycle.settlement, cycle.hedgeExpiry]).toEqual([
            expected.entry,
            expected.expiry,
            expected.settlement,
            expected.hedgeExpiry,
          ]);
          const { longPut, shortPut, shortCall, longCall } = cycle.strikes;
          expect([longPut, shortPut, shortCall, longCall], `cycle ${j} strikes`).toEqual(
            expected.strikes
          );
          close(cycle.credit, expected.credit, `cycle ${j} credit`);
          for (const v of REPLAY_VARIANTS) close(cycle.pnl[v], expected.pnl[v], `cycle ${j} ${v}`);
        });
      });

      it("every day: EDR, layers, contracts and the equity of each variant", () => {
        expect(result.days).toHaveLength(ref.days.date.length);
        result.days.forEach((day, i) => {
          expect(day.date).toBe(ref.days.date[i]);
          close(day.edr, ref.days.edr[i], `row ${i + 1} EDR`);
          expect(day.layers, `row ${i + 1} layers`).toBe(ref.days.layers[i]);
          for (const v of REPLAY_VARIANTS) {
            expect(day.contracts[v], `row ${i + 1} ${v} contracts`).toBe(
              ref.days[`contracts_${v}`][i]
            );
            close(day.equity[v], ref.days[`equity_${v}`][i], `row ${i + 1} ${v} equity`);
          }
        });
      });
    });
  }
});
