import {
  bsmPrice,
  DEFAULT_SPX_MOVES,
  DEFAULT_VIX_MOVES,
  scenarioBook,
  scenarioGrid,
  type ScenarioPositionInput,
  type SpotOptionInput,
} from "../src/core";
import { bestRates } from "./measure";

/**
 * SPEC §3.8's default 9×7 grid for a 50-position book, the risk view's work on every slider
 * frame, beside a plain Black–Scholes price loop (bsmPrice) over the same legs at the same
 * scenarios, the two measured in the same interleaved rounds: the ratio says what the grid costs
 * per leg priced.
 */
export interface ScenarioTiming {
  positions: number;
  cells: number;
  /** Milliseconds per full grid (net, condor and hedge). */
  gridMs: number;
  /** Milliseconds for the same number of plain bsmPrice calls (cells × positions × 4 legs). */
  plainMs: number;
  /** gridMs / plainMs. */
  ratio: number;
}

const POSITIONS = 50;

/** A deterministic book: strikes around 6000, 5 to 60 days, vols 0.12 to 0.30. */
function book(): ScenarioPositionInput[] {
  return Array.from({ length: POSITIONS }, (_, i) => {
    const shortPut = 5600 + 10 * (i % 30);
    const shortCall = 6150 + 10 * ((i * 7) % 30);
    return {
      longPut: shortPut - 50,
      shortPut,
      shortCall,
      longCall: shortCall + 50,
      credit: 8 + (i % 10),
      contracts: 1 + (i % 5),
      dte: 5 + ((i * 11) % 56),
      vol: 0.12 + 0.18 * ((i % 13) / 12),
    };
  });
}

export function scenarioTiming(): ScenarioTiming {
  const positions = book();
  const scenario = scenarioBook({
    positions,
    hedge: { kind: "future", contracts: 12, days: 77 },
    market: { spot: 6000, vix: 18 },
  });
  let grid = scenarioGrid(scenario);
  // The same legs at the same (x, ΔV) points, one bsmPrice each, inputs built beforehand.
  const legs: SpotOptionInput[] = [];
  for (const x of DEFAULT_SPX_MOVES) {
    for (const dv of DEFAULT_VIX_MOVES) {
      for (const p of positions) {
        const strikes = [p.longPut, p.shortPut, p.shortCall, p.longCall];
        strikes.forEach((strike, k) =>
          legs.push({
            type: k < 2 ? "put" : "call",
            spot: 6000 * (1 + x),
            strike,
            dte: p.dte,
            vol: Math.max((p.vol as number) + dv / 100, 0.01),
          })
        );
      }
    }
  }
  // Both sides are thousands of prices a call: batches of 2 after a 40-call warm-up.
  const rates = bestRates(
    {
      grid: (i) => {
        grid = scenarioGrid(scenario, { horizonDays: i % 20 }, grid);
        return grid.net[0];
      },
      plain: () => {
        let sum = 0;
        for (const leg of legs) sum += bsmPrice(leg);
        return sum;
      },
    },
    7,
    0.2,
    2
  );
  const gridMs = 1000 / rates.grid;
  const plainMs = 1000 / rates.plain;
  return {
    positions: POSITIONS,
    cells: DEFAULT_SPX_MOVES.length * DEFAULT_VIX_MOVES.length,
    gridMs,
    plainMs,
    ratio: gridMs / plainMs,
  };
}
