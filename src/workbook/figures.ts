/**
 * Every number the schedule shows, computed once by the engine (src/core). The layout turns them
 * into cells: model-only figures are written as values, the rest become native formulas whose
 * `expected` is the figure computed here.
 */
import {
  activeLayers,
  activeLayersText,
  black76,
  capAllowsNoContract,
  carryText,
  condorBreakEvens,
  hedgedExposure,
  heldCoverage,
  hedgeMonthFuture,
  noHedgeReason,
  shownVixTrigger,
  wholeContractsWithinCap,
  coverage,
  edr,
  expectedMove,
  exposureFromMaxLoss,
  exposureFromVega,
  hedgeContracts,
  icGreeks,
  maxLoss,
  maxProfit,
  nextVixExpiry,
  parseClosures,
  payoffAtExpiry,
  schedule,
  ceilOnDecimals,
  DEFAULTS,
  requirePositive,
  type IronCondor,
  type PositionGreeks,
  type ScheduleRow,
} from "../core";
import type { MarketInputs, Position } from "./model";
import { condorOf } from "./position";
import type { ResolvedSettings } from "./settings";
import { daysToSettlement, SETTLEMENT } from "./time";

export interface PositionFigures {
  position: Position;
  ic: IronCondor;
  /** Calendar days (fractional, New York clock) from the computation to the 4 pm settlement; 0 after it. */
  dte: number;
  greeks: PositionGreeks;
  maxProfit: number;
  maxLoss: number;
  /** null on a side whose wing the credit covers: it has no break-even (SPEC §3.2). */
  lowerBreakEven: number | null;
  upperBreakEven: number | null;
}

/** A corner of the book's payoff at expiry; the payoff is linear between consecutive kinks. */
export interface Kink {
  x: number;
  pnl: number;
  /** Where the payoff crosses zero upwards (loss to profit) before the next kink, if it does. */
  up: number | null;
  /** Where it crosses zero downwards (profit to loss) before the next kink, if it does. */
  down: number | null;
}

export interface LayerFigures extends ScheduleRow {
  /** Whole contracts under the settings' rounding, never above the cap (SPEC §3.5). */
  whole: number;
  /** The VIX trigger as shown: rounded up at 2 decimals, so a print at it triggers the layer. */
  shownVixTrigger: number;
  cost: number;
  /** What the cost is, in words: "contango cost", "backwardation gain", "premium"... */
  costKind: string;
  status: "active" | "next" | "";
}

export interface HedgeFigures {
  expiry: number;
  dte: number;
  /** The hedge month's future: the quoted one, else the SPEC §3.7 estimate. */
  future: number;
  /** No quoted future was entered: the future is an estimate, the cost it implies a lower bound. */
  estimated: boolean;
  /** The hedge's beta to spot VIX: the trader's when set, else e^(−κτ) (SPEC §3.7). */
  beta: number;
  multiplier: number;
  delta: number;
  /** $ per point per contract the layer costs: call premium, or the future's carry F − VIX. */
  unitCost: number;
  /** The carry in words (futures only): "contango: costs $…", "backwardation: gains $…". */
  carry: string | null;
  call: { strike: number; vol: number; price: number; delta: number } | null;
}

export interface BookFigures {
  positions: PositionFigures[];
  maxProfit: number;
  maxLoss: number;
  lowerBreakEven: number | null;
  upperBreakEven: number | null;
  kinks: Kink[];
  worst: number;
  best: number;
  pnlAtSpot: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  closeCost: number;
  edr: number;
  expectedMove: number;
  layers: number;
  coverage: number;
  exposureMaxLoss: number;
  exposureVega: number;
  exposure: number;
  /** The exposure the hedge is sized on: 0 when a VIX rise helps the book (SPEC §3.5 direction). */
  hedgedExposure: number;
  /** Why the book gets no hedge (its vega is positive), or null. */
  noHedge: string | null;
  /** Active layers against the schedule: "5 (cap reached at 3)". */
  activeLayersText: string;
  /** Exact contracts the cap itself would need: whole counts never exceed its floor. */
  capContracts: number;
  contracts: number;
  wholeContracts: number;
  /** The coverage the whole contracts now actually give. */
  heldCoverage: number;
  /** Why the whole count is 0 although the exact one is not (the cap allows no contract), or null. */
  zeroReason: string | null;
  hedge: HedgeFigures;
  rows: LayerFigures[];
}

const SPX_MULTIPLIER = DEFAULTS.spxMultiplier;

function positionFigures(
  position: Position,
  market: MarketInputs,
  settings: ResolvedSettings,
  at: number
): PositionFigures {
  const ic = condorOf(position);
  const dte = daysToSettlement(position.expiry, SETTLEMENT.spx, at);
  const { lower, upper } = condorBreakEvens(ic);
  return {
    position,
    ic,
    dte,
    greeks: icGreeks(ic, { spot: market.spot, dte, vol: position.impliedVol, rate: settings.rate }),
    maxProfit: maxProfit(ic),
    maxLoss: maxLoss(ic),
    lowerBreakEven: lower,
    upperBreakEven: upper,
  };
}

/**
 * The book's payoff at expiry (each position at its own expiry) at every strike, plus a point one
 * wing-width beyond the outer wings where it is flat, and its exact zero crossings.
 */
function payoffKinks(figures: readonly PositionFigures[]): Kink[] {
  const strikes = new Set<number>();
  let pad = 0;
  for (const { ic } of figures) {
    [ic.longPut, ic.shortPut, ic.shortCall, ic.longCall].forEach((k) => strikes.add(k));
    pad = Math.max(pad, ic.shortPut - ic.longPut, ic.longCall - ic.shortCall);
  }
  const sorted = [...strikes].sort((a, b) => a - b);
  const xs = [sorted[0] - pad, ...sorted, sorted[sorted.length - 1] + pad];
  const pnls = xs.map((x) => figures.reduce((sum, f) => sum + payoffAtExpiry(f.ic, x), 0));
  return xs.map((x, i) => {
    if (i === xs.length - 1) return { x, pnl: pnls[i], up: null, down: null };
    const [x1, p0, p1] = [xs[i + 1], pnls[i], pnls[i + 1]];
    return {
      x,
      pnl: p0,
      up: p0 < 0 && p1 >= 0 ? x + ((0 - p0) * (x1 - x)) / (p1 - p0) : null,
      down: p0 >= 0 && p1 < 0 ? x + (p0 * (x1 - x)) / (p0 - p1) : null,
    };
  });
}

function hedgeFigures(
  lastExpiry: number,
  at: number,
  market: MarketInputs,
  settings: ResolvedSettings
): HedgeFigures {
  // The hedge must outlive both the book's last expiry and today (time-shifting, SPEC §3.6),
  // on the exchange calendar with the closures the trader added.
  const closures = new Set(parseClosures(settings.closures));
  const expiry = nextVixExpiry(Math.max(lastExpiry, Math.floor(at)), 1, closures);
  const dte = daysToSettlement(expiry, SETTLEMENT.vix, at);
  // SPEC §3.7: the quoted future when entered, else the mean-reverting estimate; β = e^(−κτ)
  // unless the trader set one.
  const month = hedgeMonthFuture(market.vix, dte / 365, {
    kappa: settings.kappa,
    longRunVix: settings.longRunVix,
    ...(market.vixFuture === undefined ? {} : { quoted: market.vixFuture }),
    ...(settings.beta === undefined ? {} : { beta: settings.beta }),
  });
  const { future, estimated, beta } = month;
  if (settings.instrument === "future") {
    return {
      expiry,
      dte,
      future,
      estimated,
      beta,
      multiplier: DEFAULTS.vixFuturesMultiplier,
      delta: DEFAULTS.hedgeDelta,
      unitCost: month.carry,
      carry: carryText(month.carry, DEFAULTS.vixFuturesMultiplier, market.vix),
      call: null,
    };
  }
  const strike = settings.callStrike ?? ceilOnDecimals(future);
  const priced = black76({
    type: "call",
    future,
    strike,
    dte,
    vol: settings.callVol,
    rate: settings.rate,
  });
  return {
    expiry,
    dte,
    future,
    estimated,
    beta,
    multiplier: DEFAULTS.vixOptionMultiplier,
    delta: priced.delta,
    unitCost: priced.price,
    carry: null,
    call: { strike, vol: settings.callVol, price: priced.price, delta: priced.delta },
  };
}

/** The layer cost in words: a future's carry is a contango cost or a backwardation gain. */
function costKind(cost: number, hedge: HedgeFigures): string {
  const estimate = hedge.estimated ? " (estimate, a lower bound)" : "";
  if (cost === 0) return "none";
  if (hedge.call) return `premium${estimate}`;
  return cost > 0 ? `contango cost${estimate}` : `backwardation gain${estimate}`;
}

export function computeFigures(
  positions: readonly Position[],
  settings: ResolvedSettings,
  market: MarketInputs,
  computedAt: number
): BookFigures {
  requirePositive("spot", market.spot);
  requirePositive("vix", market.vix);
  const at = requirePositive("computedAt", computedAt);
  const figures = positions.map((p) => positionFigures(p, market, settings, at));
  const kinks = payoffKinks(figures);
  const sum = (pick: (f: PositionFigures) => number): number =>
    figures.reduce((total, f) => total + pick(f), 0);
  const ups = kinks.flatMap((k) => (k.up === null ? [] : [k.up]));
  const downs = kinks.flatMap((k) => (k.down === null ? [] : [k.down]));
  const single = figures.length === 1 ? figures[0] : null;

  const book = {
    maxProfit: sum((f) => f.maxProfit),
    maxLoss: sum((f) => f.maxLoss),
    vega: sum((f) => f.greeks.vega),
  };
  const hedge = hedgeFigures(Math.max(...positions.map((p) => p.expiry)), at, market, settings);
  const grid = { threshold: settings.threshold, step: settings.step };
  const level = edr(market.vix, settings.annualDays, settings.bias);
  const layers = activeLayers(level, grid);
  const covered = coverage(level, { ...grid, perLayer: settings.perLayer, cap: settings.cap });
  const exposureMaxLoss = exposureFromMaxLoss(book.maxLoss, settings.vixRise);
  const exposureVega = exposureFromVega(book.vega);
  const exposure = settings.exposureMethod === "vega" ? exposureVega : exposureMaxLoss;
  const instrument = { beta: hedge.beta, hedgeDelta: hedge.delta, multiplier: hedge.multiplier };
  // SPEC §3.5 direction: a book that gains on a VIX rise is sized on 0, and told why.
  const sized = hedgedExposure(exposure);
  const capContracts = hedgeContracts(sized, settings.cap, instrument);
  const contracts = hedgeContracts(sized, covered, instrument);
  const whole = wholeContractsWithinCap(contracts, capContracts, settings.rounding);
  const rows = schedule(sized, {
    ...grid,
    perLayer: settings.perLayer,
    cap: settings.cap,
    ...instrument,
    annualDays: settings.annualDays,
    bias: settings.bias,
    rounding: settings.rounding,
  }).map((row): LayerFigures => {
    const status = row.layer <= layers ? "active" : row.layer === layers + 1 ? "next" : "";
    const cost = row.wholeContracts * hedge.unitCost * hedge.multiplier;
    return {
      ...row,
      whole: row.wholeContracts,
      shownVixTrigger: shownVixTrigger(row.vixTrigger, 2),
      cost,
      costKind: costKind(cost, hedge),
      status,
    };
  });

  return {
    positions: figures,
    ...book,
    lowerBreakEven: single ? single.lowerBreakEven : ups.length ? Math.min(...ups) : null,
    upperBreakEven: single ? single.upperBreakEven : downs.length ? Math.max(...downs) : null,
    kinks,
    worst: Math.min(...kinks.map((k) => k.pnl)),
    best: Math.max(...kinks.map((k) => k.pnl)),
    pnlAtSpot: sum((f) => payoffAtExpiry(f.ic, market.spot)),
    delta: sum((f) => f.greeks.delta),
    gamma: sum((f) => f.greeks.gamma),
    theta: sum((f) => f.greeks.theta),
    closeCost: sum((f) => f.greeks.mark * SPX_MULTIPLIER * f.ic.contracts),
    edr: level,
    expectedMove: expectedMove(market.spot, market.vix, 1, settings.annualDays),
    layers,
    coverage: covered,
    exposureMaxLoss,
    exposureVega,
    exposure,
    hedgedExposure: sized,
    noHedge: noHedgeReason(exposure) ?? null,
    activeLayersText: activeLayersText(layers, rows.length),
    capContracts,
    contracts,
    wholeContracts: whole,
    heldCoverage: heldCoverage(whole, sized, instrument),
    zeroReason:
      whole === 0 && contracts > 0 ? capAllowsNoContract(sized, settings.cap, instrument) : null,
    hedge,
    rows,
  };
}
