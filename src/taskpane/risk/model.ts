/**
 * What the risk view shows, computed from the book, the settings and the market: the §3.8
 * scenario book with the schedule's current hedge, and the figures beside the grid. Pure, so it
 * is tested without a browser; every number is the engine's (src/core) or the schedule's.
 */
import {
  bsm,
  hedgeVixSensitivity,
  probabilityOfProfit,
  scenarioBook,
  scenarioPnl,
  type ScenarioBook,
  type ScenarioBookInput,
} from "../../core";
import { computeFigures, type BookFigures } from "../../workbook/figures";
import type { MarketInputs, Position } from "../../workbook/model";
import type { ResolvedSettings } from "../../workbook/settings";
import { nextTriggerText } from "../../workbook/action";

export interface RiskFigures {
  /** Σ (credit − mark)·m·n: what closing now gives against the entry credit, in $. */
  pnlNow: number;
  /** The condors' vega plus the hedge's $ per VIX point: $ per vol point after the hedge. */
  netVega: number;
  /** Per-share BSM deltas of the short put and short call, one pair per position. */
  shortDeltas: { label: string; put: number; call: number }[];
  /** Calendar days to expiry of the nearest and the farthest position. */
  dte: { min: number; max: number };
  /** Probability that SPX ends between the book's break-evens (SPEC §3.2). */
  pop: number | null;
  /** "next layer at VIX 15.09 (+1 future)", or why there is none. */
  nextTrigger: string;
}

export interface RiskModel {
  input: ScenarioBookInput;
  book: ScenarioBook;
  figures: BookFigures;
  /** Hedge contracts held, and the days from now to the hedge's expiry. */
  hedge: { kind: "future" | "call"; contracts: number; days: number };
  risk: RiskFigures;
}

/**
 * The risk of `positions` (the form's position or the whole book) with the schedule's current
 * hedge, under settings the form's reading validated; `hedgeContracts` overrides the schedule's
 * whole contracts to try another size. `known` are these positions' figures when the caller has
 * them already (the pane's refresh computed them for the summary).
 */
export function riskModel(
  positions: readonly Position[],
  resolved: ResolvedSettings,
  market: MarketInputs,
  computedAt: number,
  hedgeContracts?: number,
  known?: BookFigures
): RiskModel {
  const figures = known ?? computeFigures(positions, resolved, market, computedAt);
  const kind = resolved.instrument;
  const contracts = hedgeContracts ?? figures.wholeContracts;
  const input: ScenarioBookInput = {
    positions: figures.positions.map((f) => ({ ...f.ic, dte: f.dte, vol: f.position.impliedVol })),
    hedge: {
      kind,
      contracts,
      days: figures.hedge.dte,
      future: market.vixFuture,
      strike: figures.hedge.call?.strike,
      callVol: figures.hedge.call?.vol,
    },
    market: { spot: market.spot, vix: market.vix, rate: resolved.rate },
  };
  const book = scenarioBook(input);
  const dtes = figures.positions.map((f) => f.dte);
  const dte = { min: Math.min(...dtes), max: Math.max(...dtes) };
  const lower = figures.lowerBreakEven;
  const upper = figures.upperBreakEven;
  const vols = figures.positions.map((f) => f.position.impliedVol);
  const pop =
    lower !== null && upper !== null && upper > lower && lower > 0
      ? probabilityOfProfit({
          spot: market.spot,
          lower,
          upper,
          dte: dte.max,
          // One position: its own vol; a book: the mean of its positions' vols.
          vol: vols.reduce((a, b) => a + b, 0) / vols.length,
          rate: resolved.rate,
        })
      : null;
  const shortDelta = (type: "put" | "call", strike: number, f: BookFigures["positions"][number]) =>
    bsm({
      type,
      spot: market.spot,
      strike,
      dte: f.dte,
      vol: f.position.impliedVol,
      rate: resolved.rate,
    }).delta;
  return {
    input,
    book,
    figures,
    hedge: { kind, contracts, days: figures.hedge.dte },
    risk: {
      pnlNow: scenarioPnl(book, 0, 0, 0).condor,
      netVega: figures.vega + hedgeVixSensitivity(book),
      shortDeltas: figures.positions.map((f) => ({
        label: f.position.label,
        put: shortDelta("put", f.ic.shortPut, f),
        call: shortDelta("call", f.ic.shortCall, f),
      })),
      dte,
      pop,
      nextTrigger: nextTriggerText(figures.rows, kind),
    },
  };
}
