import { describe, expect, it } from "vitest";
import { replay, replaySweep, SWEEP_STEPS, SWEEP_THRESHOLDS } from "../../../src/core";
import { syntheticHistory } from "../../support/synthetic-history";
import { thrown } from "../../support/thrown";

describe("replaySweep: ALVH over a threshold × step grid", () => {
  const history = syntheticHistory(500, 5);

  it("is 9 × 9 by default, around SPEC's 0.90 and 0.05", () => {
    const sweep = replaySweep(history);
    expect(sweep.thresholds).toEqual(SWEEP_THRESHOLDS);
    expect(sweep.steps).toEqual(SWEEP_STEPS);
    expect(sweep.cells).toHaveLength(9);
    expect(sweep.cells.every((row) => row.length === 9)).toBe(true);
    expect(SWEEP_THRESHOLDS).toContain(0.9);
    expect(SWEEP_STEPS).toContain(0.05);
  });

  it("gives in each cell what a full replay with that threshold and step gives for ALVH", () => {
    const sweep = replaySweep(history, { cap: 0.5 }, [0.85, 1], [0.05, 0.1]);
    for (const row of sweep.cells) {
      for (const cell of row) {
        const { alvh } = replay(history, {
          cap: 0.5,
          threshold: cell.threshold,
          step: cell.step,
        }).summary;
        expect([cell.maxDrawdown, cell.totalPnl]).toEqual([alvh.maxDrawdown, alvh.totalPnl]);
      }
    }
    const pnl = sweep.cells.flat().map((c) => c.totalPnl);
    expect(new Set(pnl).size).toBeGreaterThan(1);
  });

  it("refuses a step of the grid that is not above 0, naming it", () => {
    expect(thrown(() => replaySweep(history, {}, [0.9], [0])).argument).toBe("step");
  });
});
