import { describe, expect, it } from "vitest";
import {
  macd,
  macdLayerGate,
  replay,
  replayGateComparison,
  type ReplayParams,
  type VariantSummary,
} from "../../../src/core";
import references from "../references/replay-gated.json";

// Issue 17's option "add a layer only when MACD(VIX) is above its signal" against
// scripts/references/replay_gated.py: MACD in exact fractions, the replay in mpmath (replay.py),
// both written from SPEC apart from src/. Every summary figure must agree to 1e-6.

const TOLERANCE = 1e-6;

interface Reference {
  name: string;
  params: ReplayParams;
  history: { dates: number[]; spx: number[]; vix: number[] };
  gate: boolean[];
  leastMargin: number;
  plain: VariantSummary;
  macdGated: VariantSummary;
  gatedLayers: number[];
  gatedContracts: number[];
}

const cases = references.cases as Reference[];

function expectSummary(actual: VariantSummary, expected: VariantSummary, what: string): void {
  for (const [field, value] of Object.entries(expected)) {
    const got = actual[field as keyof VariantSummary];
    expect(Math.abs(got - value), `${what} ${field}: ${got} vs ${value}`).toBeLessThanOrEqual(
      TOLERANCE
    );
  }
}

describe("macdLayerGate", () => {
  const vix = cases[0].history.vix;

  it("is true exactly where the MACD line is strictly above its signal, false before the signal", () => {
    const gate = macdLayerGate(vix);
    const { line, signal } = macd(vix);
    expect(gate).toHaveLength(vix.length);
    expect(gate.slice(0, 33).every((g) => !g)).toBe(true);
    gate.forEach((g, i) => {
      if (i >= 33) expect(g).toBe((line[i] as number) > (signal[i] as number));
    });
    expect(gate.some((g) => g) && gate.some((g, i) => i >= 33 && !g)).toBe(true);
  });

  it("is false on every row of a history too short for a signal, and on a flat one", () => {
    expect(macdLayerGate([20, 21, 22])).toEqual([false, false, false]);
    expect(macdLayerGate(Array(40).fill(18)).some((g) => g)).toBe(false);
  });

  it("refuses periods MACD refuses, naming the argument", () => {
    expect(() => macdLayerGate(vix, 26, 12)).toThrow(/fast \(26\) must be shorter than slow/);
    expect(() => macdLayerGate(vix, 12, 26, 0)).toThrow(/signal must be 1 or more/);
  });
});

describe("the MACD-gated replay against the independent reference (replay_gated.py)", () => {
  it("the reference's gate is far from float rounding, so it is decidable in doubles", () => {
    for (const ref of cases) expect(ref.leastMargin).toBeGreaterThan(1e-9);
  });

  for (const ref of cases) {
    describe(ref.name, () => {
      it("the gate, row by row", () => {
        expect(macdLayerGate(ref.history.vix)).toEqual(ref.gate);
      });

      it("the plain and gated ALVH summaries, side by side", () => {
        const comparison = replayGateComparison(ref.history, ref.params);
        expectSummary(comparison.plain, ref.plain, "plain");
        expectSummary(comparison.macdGated, ref.macdGated, "gated");
        // The gate changes what ALVH does on this history: the comparison shows a difference.
        expect(comparison.macdGated.contractsTraded).not.toBe(comparison.plain.contractsTraded);
      });

      it("the gated layers and contracts, row by row; layers rise only where the gate allows", () => {
        const result = replay(ref.history, ref.params, { layerGate: ref.gate });
        result.days.forEach((day, i) => {
          expect(day.layers, `row ${i + 1} layers`).toBe(ref.gatedLayers[i]);
          expect(day.contracts.alvh, `row ${i + 1} contracts`).toBe(ref.gatedContracts[i]);
          if (i > 0 && day.layers > result.days[i - 1].layers) expect(ref.gate[i]).toBe(true);
        });
      });
    });
  }
});
