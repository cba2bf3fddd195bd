import { black76, futuresPrice, requireRate, yearFraction } from "./black76";
import { spotOptionPrice } from "./bsm";
import { DEFAULTS } from "./defaults";
import { requireVix } from "./edr";
import { AlvhError } from "./errors";
import { condorLegVols, ironCondor, type IronCondorInput } from "./ironCondor";
import { termStructure } from "./term";
import { requireFinite, requireNonNegative, requirePositive, requireVol } from "./validate";

/**
 * SPEC §3.8: the condors and their VIX hedge repriced under a scenario (x, ΔV, h): SPX moves by
 * the fraction x, VIX by ΔV points, h calendar days pass. `scenarioBook` validates and lays the
 * book out flat once; `scenarioGrid` and `scenarioPnl` then reprice without allocating, so a
 * slider can recompute a 9×7 grid of a 50-position book on every frame.
 */

export const DEFAULT_SPX_MOVES: readonly number[] = [
  -0.1, -0.075, -0.05, -0.025, 0, 0.025, 0.05, 0.075, 0.1,
];
export const DEFAULT_VIX_MOVES: readonly number[] = [-5, 0, 5, 10, 15, 20, 30];

/** One condor of the book: strikes, credit and size, its days to expiry and one vol or four. */
export interface ScenarioPositionInput extends IronCondorInput {
  dte: number;
  vol: number | readonly number[];
}

/**
 * The VIX hedge held beside the book: `contracts` futures (or calls) expiring `days` calendar
 * days from now. A quoted `future` shifts the §3.7 curve by (future − F(τ)) at every point.
 */
export interface ScenarioHedgeInput {
  kind: "future" | "call";
  contracts: number;
  days: number;
  future?: number;
  /** Default: 1000 for futures, 100 for calls. */
  multiplier?: number;
  /** A call's strike, in VIX points. */
  strike?: number;
  /** A call's implied vol (decimal per year, the VIX options' "vol of vol"). */
  callVol?: number;
}

export interface ScenarioMarketInput {
  spot: number;
  vix: number;
  rate?: number;
  divYield?: number;
  /** λ: points of implied vol each leg gains per point of VIX. Default 1. */
  volBeta?: number;
  kappa?: number;
  longRunVix?: number;
}

export interface ScenarioBookInput {
  positions: readonly ScenarioPositionInput[];
  hedge?: ScenarioHedgeInput | null;
  market: ScenarioMarketInput;
}

/** The validated book, flat: leg k of position p at index 4p + k (longPut, shortPut, shortCall, longCall). */
export interface ScenarioBook {
  readonly spot: number;
  readonly vix: number;
  readonly rate: number;
  readonly divYield: number;
  readonly volBeta: number;
  readonly kappa: number;
  readonly longRunVix: number;
  readonly count: number;
  readonly strikes: Float64Array;
  readonly vols: Float64Array;
  readonly dte: Float64Array;
  readonly credit: Float64Array;
  /** multiplier × contracts of each position. */
  readonly size: Float64Array;
  readonly hedge: PreparedHedge | null;
}

export interface PreparedHedge {
  readonly isCall: boolean;
  readonly contracts: number;
  readonly multiplier: number;
  /** Years from now to the hedge's expiry. */
  readonly tau: number;
  /** Quoted future − F(τ): 0 without a quote. */
  readonly shift: number;
  readonly strike: number;
  readonly callVol: number;
  /** The unit's value today: the future (F0 or F(τ)), or the call's Black-76 price on it. */
  readonly valueNow: number;
}

export interface ScenarioPnl {
  condor: number;
  hedge: number;
  net: number;
}

export interface ScenarioMoves {
  /** SPX moves as fractions (−0.05 for −5 %). Default DEFAULT_SPX_MOVES. */
  spxMoves?: readonly number[];
  /** VIX moves in VIX points. Default DEFAULT_VIX_MOVES. */
  vixMoves?: readonly number[];
  /** Calendar days that pass. Default 0. */
  horizonDays?: number;
}

/** P&L in $, row-major with x down and ΔV across: cell (i, j) at i·vixMoves.length + j. */
export interface ScenarioGrid {
  spxMoves: readonly number[];
  vixMoves: readonly number[];
  horizonDays: number;
  condor: Float64Array;
  hedge: Float64Array;
  net: Float64Array;
}

export type ScenarioOutput = "net" | "condor" | "hedge";
export const SCENARIO_OUTPUTS: readonly ScenarioOutput[] = ["net", "condor", "hedge"];

const MIN_LEG_VOL = 0.01;

export function scenarioBook(input: ScenarioBookInput): ScenarioBook {
  const { market } = input;
  const spot = requirePositive("spot", market.spot);
  const vix = requireVix(market.vix);
  const rate = requireRate("rate", market.rate ?? DEFAULTS.rate);
  const divYield = requireRate("divYield", market.divYield ?? DEFAULTS.divYield);
  const volBeta = requireNonNegative("volBeta", market.volBeta ?? 1);
  const { kappa, longRunVix } = termStructure({
    kappa: market.kappa,
    longRunVix: market.longRunVix,
  });
  const count = input.positions.length;
  const strikes = new Float64Array(4 * count);
  const vols = new Float64Array(4 * count);
  const dte = new Float64Array(count);
  const credit = new Float64Array(count);
  const size = new Float64Array(count);
  input.positions.forEach((position, p) => {
    const ic = ironCondor(position);
    const legVols = condorLegVols(position.vol);
    [ic.longPut, ic.shortPut, ic.shortCall, ic.longCall].forEach((strike, k) => {
      strikes[4 * p + k] = strike;
      vols[4 * p + k] = legVols[k];
    });
    dte[p] = requireNonNegative("dte", position.dte);
    credit[p] = ic.credit;
    size[p] = ic.multiplier * ic.contracts;
  });
  const market0 = { spot, vix, rate, divYield, volBeta, kappa, longRunVix };
  const hedge = prepareHedge(input.hedge ?? null, market0);
  return { ...market0, count, strikes, vols, dte, credit, size, hedge };
}

type Market = Pick<ScenarioBook, "vix" | "rate" | "kappa" | "longRunVix">;

/** F(τ) of SPEC §3.7 for a VIX of `vix`, plus the quote's shift. */
function curveFuture(market: Market, vix: number, tau: number, shift: number): number {
  return market.longRunVix + (vix - market.longRunVix) * Math.exp(-market.kappa * tau) + shift;
}

function prepareHedge(input: ScenarioHedgeInput | null, market: Market): PreparedHedge | null {
  if (input === null) return null;
  const contracts = requireNonNegative("hedgeContracts", input.contracts);
  if (contracts === 0) return null;
  const days = requireNonNegative("hedgeDays", input.days);
  const tau = yearFraction(days);
  const isCall = input.kind === "call";
  const multiplier = requirePositive(
    "hedgeMultiplier",
    input.multiplier ?? (isCall ? DEFAULTS.vixOptionMultiplier : DEFAULTS.vixFuturesMultiplier)
  );
  const estimated = curveFuture(market, market.vix, tau, 0);
  const shift =
    input.future === undefined ? 0 : requirePositive("vixFuture", input.future) - estimated;
  const future = estimated + shift;
  if (!isCall) {
    return { isCall, contracts, multiplier, tau, shift, strike: 0, callVol: 0, valueNow: future };
  }
  const strike = requirePositive("callStrike", input.strike ?? Number.NaN);
  const callVol = requireVol("callVol", input.callVol ?? Number.NaN);
  const valueNow = futuresPrice(true, future, strike, tau, callVol, market.rate);
  return { isCall, contracts, multiplier, tau, shift, strike, callVol, valueNow };
}

/** An SPX move x as a fraction: S·(1 + x) must stay above 0, and ±100 % or more is a typed percent. */
export function requireSpxMove(x: number): number {
  requireFinite("spxMoves", x);
  if (Math.abs(x) >= 1) {
    throw new AlvhError(
      "spxMoves",
      `spxMoves ${x} is a move of ${x * 100} %: enter moves as fractions, −0.05 for −5 %`,
      "num"
    );
  }
  return x;
}

/** VIX + ΔV must stay at 1 or above: no VIX print goes lower, and the curve needs a level. */
export function requireVixMove(vix: number, move: number): number {
  requireFinite("vixMoves", move);
  if (vix + move < 1) {
    throw new AlvhError(
      "vixMoves",
      `vixMoves ${move} takes VIX ${vix} to ${vix + move}, below 1: enter VIX moves in points, at least ${1 - vix}`,
      "num"
    );
  }
  return move;
}

/** Condor P&L of position p in $ at spot S', VIX move ΔV and T' years to its expiry. */
function condorPnlOf(
  book: ScenarioBook,
  p: number,
  spot: number,
  vixMove: number,
  t: number
): number {
  const { strikes, vols, rate, divYield } = book;
  const bump = (book.volBeta * vixMove) / 100;
  const base = 4 * p;
  // mark = P(K2) − P(K1) + C(K3) − C(K4), each leg at its own vol σ' = max(σ + λ·ΔV/100, 0.01).
  const mark =
    spotOptionPrice(
      false,
      spot,
      strikes[base + 1],
      t,
      legVol(vols[base + 1], bump),
      rate,
      divYield
    ) -
    spotOptionPrice(false, spot, strikes[base], t, legVol(vols[base], bump), rate, divYield) +
    spotOptionPrice(
      true,
      spot,
      strikes[base + 2],
      t,
      legVol(vols[base + 2], bump),
      rate,
      divYield
    ) -
    spotOptionPrice(true, spot, strikes[base + 3], t, legVol(vols[base + 3], bump), rate, divYield);
  return (book.credit[p] - mark) * book.size[p];
}

function legVol(vol: number, bump: number): number {
  return Math.max(vol + bump, MIN_LEG_VOL);
}

/** Hedge P&L in $ (against today's value) for a VIX move and h days passing. */
function hedgePnlOf(book: ScenarioBook, vixMove: number, horizonDays: number): number {
  const hedge = book.hedge;
  if (hedge === null) return 0;
  const tau = Math.max(hedge.tau - yearFraction(horizonDays), 0);
  const future = curveFuture(book, book.vix + vixMove, tau, hedge.shift);
  let value = future;
  if (hedge.isCall) {
    if (!(future > 0)) {
      throw new AlvhError(
        "vixMoves",
        `vixMoves ${vixMove} takes the quoted future to ${future}: a VIX call needs a future above 0`,
        "num"
      );
    }
    value = futuresPrice(true, future, hedge.strike, tau, hedge.callVol, book.rate);
  }
  return hedge.contracts * hedge.multiplier * (value - hedge.valueNow);
}

/** The P&L of the whole book and its hedge at one scenario, written into `out`. */
export function scenarioPnl(
  book: ScenarioBook,
  spxMove: number,
  vixMove: number,
  horizonDays: number,
  out: ScenarioPnl = { condor: 0, hedge: 0, net: 0 }
): ScenarioPnl {
  requireSpxMove(spxMove);
  requireVixMove(book.vix, vixMove);
  requireNonNegative("horizonDays", horizonDays);
  const spot = book.spot * (1 + spxMove);
  let condor = 0;
  for (let p = 0; p < book.count; p++) {
    condor += condorPnlOf(
      book,
      p,
      spot,
      vixMove,
      yearFraction(Math.max(book.dte[p] - horizonDays, 0))
    );
  }
  out.condor = condor;
  out.hedge = hedgePnlOf(book, vixMove, horizonDays);
  out.net = out.condor + out.hedge;
  return out;
}

/**
 * The grid of SPEC §3.8 over the default or given moves. Pass the previous grid as `into` to
 * reuse its arrays (a slider's every frame): then nothing is allocated when the sizes agree.
 */
export function scenarioGrid(
  book: ScenarioBook,
  moves: ScenarioMoves = {},
  into?: ScenarioGrid
): ScenarioGrid {
  const spxMoves = moves.spxMoves ?? DEFAULT_SPX_MOVES;
  const vixMoves = moves.vixMoves ?? DEFAULT_VIX_MOVES;
  if (spxMoves.length === 0)
    throw new AlvhError("spxMoves", "spxMoves must hold at least one move");
  if (vixMoves.length === 0)
    throw new AlvhError("vixMoves", "vixMoves must hold at least one move");
  spxMoves.forEach(requireSpxMove);
  vixMoves.forEach((move) => requireVixMove(book.vix, move));
  const horizonDays = requireNonNegative("horizonDays", moves.horizonDays ?? 0);
  const rows = spxMoves.length;
  const cols = vixMoves.length;
  const cells = rows * cols;
  const reuse = into !== undefined && into.net.length === cells;
  const grid: ScenarioGrid = reuse
    ? Object.assign(into, { spxMoves, vixMoves, horizonDays })
    : {
        spxMoves,
        vixMoves,
        horizonDays,
        condor: new Float64Array(cells),
        hedge: new Float64Array(cells),
        net: new Float64Array(cells),
      };
  const { condor, hedge, net } = grid;
  condor.fill(0);
  for (let p = 0; p < book.count; p++) {
    const t = yearFraction(Math.max(book.dte[p] - horizonDays, 0));
    for (let i = 0; i < rows; i++) {
      const spot = book.spot * (1 + spxMoves[i]);
      for (let j = 0; j < cols; j++) {
        condor[i * cols + j] += condorPnlOf(book, p, spot, vixMoves[j], t);
      }
    }
  }
  for (let j = 0; j < cols; j++) {
    const value = hedgePnlOf(book, vixMoves[j], horizonDays);
    for (let i = 0; i < rows; i++) hedge[i * cols + j] = value;
  }
  for (let k = 0; k < cells; k++) net[k] = condor[k] + hedge[k];
  return grid;
}

/** One output of a grid as a table: a header row of ΔV, a header column of x, horizonDays in the corner. */
export function scenarioTable(grid: ScenarioGrid, output: ScenarioOutput = "net"): number[][] {
  const values = grid[output];
  const cols = grid.vixMoves.length;
  return [
    [grid.horizonDays, ...grid.vixMoves],
    ...grid.spxMoves.map((x, i) => [x, ...values.subarray(i * cols, (i + 1) * cols)]),
  ];
}

/**
 * $ the hedge gains per 1-point rise of spot VIX today: N·mh·Δ·e^(−κτ), with Δ = 1 for a future
 * and the Black-76 delta for a call. Added to the condors' vega (a VIX point taken as a vol
 * point, SPEC §3.5) it gives the book's net vega after the hedge.
 */
export function hedgeVixSensitivity(book: ScenarioBook): number {
  const hedge = book.hedge;
  if (hedge === null) return 0;
  const beta = Math.exp(-book.kappa * hedge.tau);
  let delta = 1;
  if (hedge.isCall) {
    const future = curveFuture(book, book.vix, hedge.tau, hedge.shift);
    delta = black76({
      type: "call",
      future,
      strike: hedge.strike,
      dte: hedge.tau * 365,
      vol: hedge.callVol,
      rate: book.rate,
    }).delta;
  }
  return hedge.contracts * hedge.multiplier * delta * beta;
}
