import type { ScenarioBookInput, ScenarioMoves, ScenarioOutput } from "../../../src/core";
import scenario from "./scenario.json";

/**
 * The mpmath grids of scenario.json (made by scenario.py from SPEC §3.8 alone), with their inputs
 * as the engine takes them. CI never runs Python: the JSON is the reference.
 */
interface RawPosition {
  strikes: string[];
  credit: string;
  contracts: string;
  dte: string;
  vol: string | string[];
  multiplier?: string;
}

interface RawHedge {
  kind: "future" | "call";
  contracts: string;
  days: string;
  future?: string;
  strike?: string;
  callVol?: string;
}

export interface ScenarioCase {
  name: string;
  book: ScenarioBookInput;
  moves: Required<ScenarioMoves>;
  expected: Record<ScenarioOutput, number[][]>;
  /** The case as the JSON holds it (decimals as typed). */
  raw: (typeof scenario.cases)[number];
}

const num = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : Number(text);

export const SCENARIO_CASES: ScenarioCase[] = scenario.cases.map((raw) => {
  const market = raw.market as Record<string, string | undefined>;
  const hedge = (raw as { hedge?: RawHedge }).hedge;
  return {
    name: raw.name,
    raw,
    book: {
      positions: (raw.positions as RawPosition[]).map((p) => ({
        longPut: Number(p.strikes[0]),
        shortPut: Number(p.strikes[1]),
        shortCall: Number(p.strikes[2]),
        longCall: Number(p.strikes[3]),
        credit: Number(p.credit),
        contracts: Number(p.contracts),
        multiplier: num(p.multiplier),
        dte: Number(p.dte),
        vol: Array.isArray(p.vol) ? p.vol.map(Number) : Number(p.vol),
      })),
      hedge: hedge && {
        kind: hedge.kind,
        contracts: Number(hedge.contracts),
        days: Number(hedge.days),
        future: num(hedge.future),
        strike: num(hedge.strike),
        callVol: num(hedge.callVol),
      },
      market: {
        spot: Number(market.spot),
        vix: Number(market.vix),
        rate: num(market.rate),
        divYield: num(market.divYield),
        volBeta: num(market.volBeta),
        kappa: num(market.kappa),
        longRunVix: num(market.longRunVix),
      },
    },
    moves: { spxMoves: raw.spxMoves, vixMoves: raw.vixMoves, horizonDays: raw.horizonDays },
    expected: raw.expected,
  };
});

/** The worked example: SPX 6000, 5850/5900/6100/6150, credit 15, 5 lots, 45 days, hedge 2 futures 77 days out. */
export const WORKED_EXAMPLE = SCENARIO_CASES[0];
