import * as core from "../core";
import {
  finiteCell,
  historyColumns,
  legVols,
  optionType,
  optionalChoice,
  optionalList,
  optionalCell,
  optionalNumber,
  requiredDate,
  requiredNumber,
} from "./args";
import { columnArg, evaluateColumns, requireAligned, spill } from "./columns";
import { evaluate, evaluateTable, evaluateWithGaps, notFiniteError, toCellError } from "./errors";
import { hostRegistry } from "./registry";

/*
 * The ALVH custom functions (SPEC §4): thin adapters that read Excel's arguments, call the engine
 * and shape the result. custom-functions-metadata-plugin builds functions.json from the JSDoc
 * below and appends one `CustomFunctions.associate("ID", fn);` line per function to this file.
 */

/**
 * Those appended lines resolve to this module-scoped name, not to the global: office.js defines
 * the global in Excel, but the standalone page loads this bundle without office.js, where a bare
 * `CustomFunctions` would throw a ReferenceError. hostRegistry forwards to the global when it is
 * there and does nothing otherwise. Exported because the lines only exist in the build, and
 * an unused local would fail the type check of the source.
 */
export const CustomFunctions = hostRegistry;

function condor(
  longPut: unknown,
  shortPut: unknown,
  shortCall: unknown,
  longCall: unknown,
  credit: unknown,
  contracts: unknown,
  multiplier: unknown
): core.IronCondor {
  return core.ironCondor({
    longPut: requiredNumber("longPut", longPut),
    shortPut: requiredNumber("shortPut", shortPut),
    shortCall: requiredNumber("shortCall", shortCall),
    longCall: requiredNumber("longCall", longCall),
    credit: requiredNumber("credit", credit),
    contracts: optionalNumber("contracts", contracts),
    multiplier: optionalNumber("multiplier", multiplier),
  });
}

/**
 * Break-even SPX levels of an iron condor at expiry, as a 1×2 row (lower, upper) in index points; with the long strikes given, a side whose wing the credit covers has none (#N/A).
 * @customfunction BREAKEVEN
 * @helpurl https://localhost:3000/docs/functions.html#breakeven
 * @param shortPut Short put strike, in index points.
 * @param shortCall Short call strike, in index points.
 * @param credit Net credit received, in index points per share.
 * @param longPut Long put strike (lowest), in index points: a put wing no wider than the credit leaves no lower break-even. Default: none (the put wing is taken as wider than the credit).
 * @param longCall Long call strike (highest), in index points: a call wing no wider than the credit leaves no upper break-even. Default: none (the call wing is taken as wider than the credit).
 * @returns 1×2 row: shortPut − credit, shortCall + credit; #N/A on a broken-wing side.
 * @example =ALVH.BREAKEVEN(5500, 5900, 12.35)
 * columns: lower | upper
 * note: broken wing: =ALVH.BREAKEVEN(5900, 6100, 30, 5800, 6125) gives 5870 and #N/A, since the 25-point call wing is narrower than the 30 credit and that side never loses
 */
export function breakEven(
  shortPut: number,
  shortCall: number,
  credit: number,
  longPut?: number,
  longCall?: number
): number[][] {
  // Excel takes a CustomFunctions.Error in a cell of a number[][] result (Microsoft's own example
  // for CustomFunctions.Error returns #NUM! inside one); the metadata has no union result type.
  const row = evaluateWithGaps(() => {
    const { lower, upper } = core.breakEvenSides({
      shortPut: requiredNumber("shortPut", shortPut),
      shortCall: requiredNumber("shortCall", shortCall),
      credit: requiredNumber("credit", credit),
      longPut: optionalNumber("longPut", longPut),
      longCall: optionalNumber("longCall", longCall),
    });
    return [
      [
        lower ?? new core.AlvhError("longPut", core.NO_LOWER_BREAK_EVEN, "na"),
        upper ?? new core.AlvhError("longCall", core.NO_UPPER_BREAK_EVEN, "na"),
      ],
    ];
  });
  return row as unknown as number[][];
}

/**
 * Maximum profit of an iron condor (the credit kept at expiry), in $.
 * @customfunction MAXPROFIT
 * @helpurl https://localhost:3000/docs/functions.html#maxprofit
 * @param longPut Long put strike (lowest), in index points.
 * @param shortPut Short put strike, in index points.
 * @param shortCall Short call strike, in index points.
 * @param longCall Long call strike (highest), in index points.
 * @param credit Net credit received, in index points per share.
 * @param contracts Number of iron condors, in contracts. Default: 1.
 * @param multiplier SPX option multiplier, in $ per index point. Default: 100.
 * @returns credit × multiplier × contracts, in $.
 * @example =ALVH.MAXPROFIT(5400, 5500, 5900, 6000, 12.35, 2)
 */
export function maxProfit(
  longPut: number,
  shortPut: number,
  shortCall: number,
  longCall: number,
  credit: number,
  contracts?: number,
  multiplier?: number
): number {
  return evaluate(() =>
    core.maxProfit(condor(longPut, shortPut, shortCall, longCall, credit, contracts, multiplier))
  );
}

/**
 * Maximum loss of an iron condor, in $ as a positive number; the wider wing decides.
 * @customfunction MAXLOSS
 * @helpurl https://localhost:3000/docs/functions.html#maxloss
 * @param longPut Long put strike (lowest), in index points.
 * @param shortPut Short put strike, in index points.
 * @param shortCall Short call strike, in index points.
 * @param longCall Long call strike (highest), in index points.
 * @param credit Net credit received, in index points per share.
 * @param contracts Number of iron condors, in contracts. Default: 1.
 * @param multiplier SPX option multiplier, in $ per index point. Default: 100.
 * @returns (wider wing − credit) × multiplier × contracts, in $.
 * @example =ALVH.MAXLOSS(5400, 5500, 5900, 6000, 12.35, 2)
 */
export function maxLoss(
  longPut: number,
  shortPut: number,
  shortCall: number,
  longCall: number,
  credit: number,
  contracts?: number,
  multiplier?: number
): number {
  return evaluate(() =>
    core.maxLoss(condor(longPut, shortPut, shortCall, longCall, credit, contracts, multiplier))
  );
}

/**
 * Profit or loss of an iron condor held to expiry, in $, for a given SPX level at expiry.
 * @customfunction ICPAYOFF
 * @helpurl https://localhost:3000/docs/functions.html#icpayoff
 * @param spotAtExpiry SPX level at expiry, in index points.
 * @param longPut Long put strike (lowest), in index points.
 * @param shortPut Short put strike, in index points.
 * @param shortCall Short call strike, in index points.
 * @param longCall Long call strike (highest), in index points.
 * @param credit Net credit received, in index points per share.
 * @param contracts Number of iron condors, in contracts. Default: 1.
 * @param multiplier SPX option multiplier, in $ per index point. Default: 100.
 * @returns P&L at expiry in $: positive is a profit.
 * @example =ALVH.ICPAYOFF(5460, 5400, 5500, 5900, 6000, 12.35, 2)
 */
export function icPayoff(
  spotAtExpiry: number,
  longPut: number,
  shortPut: number,
  shortCall: number,
  longCall: number,
  credit: number,
  contracts?: number,
  multiplier?: number
): number {
  return evaluate(() => {
    const ic = condor(longPut, shortPut, shortCall, longCall, credit, contracts, multiplier);
    return core.payoffAtExpiry(ic, requiredNumber("spotAtExpiry", spotAtExpiry));
  });
}

/**
 * Mark and Greeks of a short iron condor, as a 1×5 row: mark (index points per share, debit to close), delta and gamma (SPX-share equivalents), vega ($ per vol point), theta ($ per calendar day).
 * @customfunction ICGREEKS
 * @helpurl https://localhost:3000/docs/functions.html#icgreeks
 * @param spot SPX level, in index points.
 * @param longPut Long put strike (lowest), in index points.
 * @param shortPut Short put strike, in index points.
 * @param shortCall Short call strike, in index points.
 * @param longCall Long call strike (highest), in index points.
 * @param dte Time to expiry, in calendar days (fractions allowed; 0 = at expiry).
 * @param vol Implied volatility, as a decimal per year (0.16 for 16 %): one number, or a 1×4 range with one vol per leg (longPut, shortPut, shortCall, longCall).
 * @param contracts Number of iron condors, in contracts. Default: 1.
 * @param rate Risk-free rate, as a decimal per year (continuous). Default: 0.
 * @param divYield SPX dividend yield, as a decimal per year (continuous). Default: 0.
 * @param multiplier SPX option multiplier, in $ per index point. Default: 100.
 * @returns 1×5 row: mark, delta, gamma, vega, theta of the position.
 * @example =ALVH.ICGREEKS(5700, 5400, 5500, 5900, 6000, 30, {0.22,0.19,0.13,0.12}, 2, 0.045, 0.013)
 * columns: mark | delta | gamma | vega | theta
 */
export function icGreeks(
  spot: number,
  longPut: number,
  shortPut: number,
  shortCall: number,
  longCall: number,
  dte: number,
  vol: number[][],
  contracts?: number,
  rate?: number,
  divYield?: number,
  multiplier?: number
): number[][] {
  return evaluate(() => {
    const greeks = core.icGreeks(
      {
        longPut: requiredNumber("longPut", longPut),
        shortPut: requiredNumber("shortPut", shortPut),
        shortCall: requiredNumber("shortCall", shortCall),
        longCall: requiredNumber("longCall", longCall),
        contracts: optionalNumber("contracts", contracts),
        multiplier: optionalNumber("multiplier", multiplier),
      },
      {
        spot: requiredNumber("spot", spot),
        dte: requiredNumber("dte", dte),
        vol: legVols("vol", vol),
        rate: optionalNumber("rate", rate),
        divYield: optionalNumber("divYield", divYield),
      }
    );
    return [[greeks.mark, greeks.delta, greeks.gamma, greeks.vega, greeks.theta]];
  });
}

/**
 * Probability (0 to 1) that SPX ends between two levels at expiry: lognormal, risk-neutral.
 * @customfunction POP
 * @helpurl https://localhost:3000/docs/functions.html#pop
 * @param spot SPX level, in index points.
 * @param lower Lower level (lower break-even), in index points; empty or "none" where BREAKEVEN has no lower break-even (unbounded below).
 * @param upper Upper level (upper break-even), in index points; empty or "none" where BREAKEVEN has no upper break-even (unbounded above).
 * @param dte Time to expiry, in calendar days (fractions allowed).
 * @param vol Implied volatility, as a decimal per year (0.16 for 16 %).
 * @param rate Risk-free rate, as a decimal per year (continuous). Default: 0.
 * @param divYield SPX dividend yield, as a decimal per year (continuous). Default: 0.
 * @returns Probability of profit, from 0 to 1.
 * @example =ALVH.POP(5700, 5487.65, 5912.35, 30, 0.16, 0.045, 0.013)
 */
export function pop(
  spot: number,
  lower: number | string,
  upper: number | string,
  dte: number,
  vol: number,
  rate?: number,
  divYield?: number
): number {
  return evaluate(() =>
    core.probabilityOfProfit({
      spot: requiredNumber("spot", spot),
      lower: breakEvenLevel("lower", lower),
      upper: breakEvenLevel("upper", upper),
      dte: requiredNumber("dte", dte),
      vol: requiredNumber("vol", vol),
      rate: optionalNumber("rate", rate),
      divYield: optionalNumber("divYield", divYield),
    })
  );
}

/** A break-even argument of POP: empty or "none" (what the sheet shows) is a side without one. */
function breakEvenLevel(name: string, value: unknown): number | null {
  if (typeof value === "string" && value.trim().toLowerCase() === "none") return null;
  return optionalNumber(name, value) ?? null;
}

const SPOT_OUTPUTS = ["price", "delta", "gamma", "vega", "theta", "rho"] as const;
const FUTURES_OUTPUTS = ["price", "delta", "gamma", "vega", "theta"] as const;

/*
 * The choices Excel's formula bar offers for `type` and `output` (custom enums in functions.json).
 * They only suggest: the adapters still read any text, so "c", "P" or "Delta" keep working.
 */

/**
 * Option type.
 * @customenum {string}
 */
enum OptionKind {
  /** A call option. */
  call = "call",
  /** A put option. */
  put = "put",
}

/**
 * Figure of a Black–Scholes–Merton option.
 * @customenum {string}
 */
enum SpotOutput {
  /** Price, in index points per share. */
  price = "price",
  /** Delta: price change per 1-point move of the underlying. */
  delta = "delta",
  /** Gamma: delta change per 1-point move of the underlying. */
  gamma = "gamma",
  /** Vega: price change per vol point. */
  vega = "vega",
  /** Theta: price change per calendar day. */
  theta = "theta",
  /** Rho: price change per 1 % of rate. */
  rho = "rho",
}

/**
 * Figure of a Black-76 option on a VIX future.
 * @customenum {string}
 */
enum FuturesOutput {
  /** Price, in VIX points per share. */
  price = "price",
  /** Delta: price change per 1-point move of the future. */
  delta = "delta",
  /** Gamma: delta change per 1-point move of the future. */
  gamma = "gamma",
  /** Vega: price change per vol point. */
  vega = "vega",
  /** Theta: price change per calendar day. */
  theta = "theta",
}

/**
 * Black–Scholes–Merton price or Greek of one option on SPX, per share: price in index points, vega per vol point, theta per calendar day, rho per 1 % of rate.
 * @customfunction BSPRICE BS
 * @helpurl https://localhost:3000/docs/functions.html#bs
 * @param type Option type, as text: "call" or "put" ("c" or "p"), any case.
 * @param spot Underlying level, in index points.
 * @param strike Strike, in index points.
 * @param dte Time to expiry, in calendar days (fractions allowed; 0 = at expiry).
 * @param vol Implied volatility, as a decimal per year (0.16 for 16 %).
 * @param rate Risk-free rate, as a decimal per year (continuous). Default: 0.
 * @param divYield Dividend yield, as a decimal per year (continuous). Default: 0.
 * @param output Figure to return, as text: "price", "delta", "gamma", "vega", "theta" or "rho", any case. Default: "price".
 * @returns The chosen figure, per share.
 * @example =ALVH.BS("call", 42, 40, 182.5, 0.2, 0.1)
 * note: Hull's textbook example: 4.76
 */
export function bs(
  type: OptionKind,
  spot: number,
  strike: number,
  dte: number,
  vol: number,
  rate?: number,
  divYield?: number,
  output?: SpotOutput
): number {
  // No closure and no input object per call: a sheet of prices calls this per cell (issue 13).
  try {
    const kind = optionType("type", type);
    const s = finiteCell("spot", spot);
    const k = finiteCell("strike", strike);
    const days = finiteCell("dte", dte);
    const sigma = finiteCell("vol", vol);
    const r = optionalCell("rate", rate, core.DEFAULTS.rate);
    const q = optionalCell("divYield", divYield, core.DEFAULTS.divYield);
    const figure = optionalChoice("output", output, SPOT_OUTPUTS) ?? "price";
    // A sheet of prices is the common case: skip the Greeks it would throw away.
    const value =
      figure === "price"
        ? core.bsmPriceOf(kind, s, k, days, sigma, r, q)
        : core.bsm({ type: kind, spot: s, strike: k, dte: days, vol: sigma, rate: r, divYield: q })[
            figure
          ];
    if (Number.isFinite(value)) return value;
  } catch (error) {
    throw toCellError(error);
  }
  throw notFiniteError();
}

/**
 * Black-76 price or Greek of one option on a VIX future, per share: price in VIX points, vega per vol point, theta per calendar day.
 * @customfunction BLACK76
 * @helpurl https://localhost:3000/docs/functions.html#black76
 * @param type Option type, as text: "call" or "put" ("c" or "p"), any case.
 * @param future VIX futures price, in VIX points.
 * @param strike Strike, in VIX points.
 * @param dte Time to expiry, in calendar days (fractions allowed; 0 = at expiry).
 * @param vol Implied volatility of the future, as a decimal per year (0.9 for 90 %).
 * @param rate Risk-free rate for discounting, as a decimal per year (continuous). Default: 0.
 * @param output Figure to return, as text: "price", "delta", "gamma", "vega" or "theta", any case. Default: "price".
 * @returns The chosen figure, per share.
 * @example =ALVH.BLACK76("call", 20, 22, 35, 0.9, 0.045, "delta")
 */
export function black76(
  type: OptionKind,
  future: number,
  strike: number,
  dte: number,
  vol: number,
  rate?: number,
  output?: FuturesOutput
): number {
  return evaluate(() => {
    const result = core.black76({
      type: optionType("type", type),
      future: requiredNumber("future", future),
      strike: requiredNumber("strike", strike),
      dte: requiredNumber("dte", dte),
      vol: requiredNumber("vol", vol),
      rate: optionalNumber("rate", rate),
    });
    return result[optionalChoice("output", output, FUTURES_OUTPUTS) ?? "price"];
  });
}

/**
 * Expected SPX move over a number of days that VIX implies, in index points: spot × VIX/100 × √(days/annualDays).
 * @customfunction EXPECTEDMOVE
 * @helpurl https://localhost:3000/docs/functions.html#expectedmove
 * @param spot SPX level, in index points.
 * @param vix VIX level, in VIX points (18.5, not 0.185).
 * @param days Horizon, in days (counted like annualDays). Default: 1.
 * @param annualDays Days in a year for the √time scaling, in days (252 trading or 365 calendar). Default: 252.
 * @returns One-standard-deviation move, in index points.
 * @example =ALVH.EXPECTEDMOVE(5700, 18, 5)
 */
export function expectedMove(
  spot: number,
  vix: number,
  days?: number,
  annualDays?: number
): number {
  return evaluate(() =>
    core.expectedMove(
      requiredNumber("spot", spot),
      requiredNumber("vix", vix),
      optionalNumber("days", days),
      optionalNumber("annualDays", annualDays)
    )
  );
}

/**
 * Expected daily range (EDR) that VIX implies, in percent of SPX: bias × VIX / √annualDays (0.90 means 0.90 %).
 * @customfunction EDR
 * @helpurl https://localhost:3000/docs/functions.html#edr
 * @param vix VIX level (or ATM implied vol), in VIX points (18.5, not 0.185).
 * @param annualDays Days in a year, in days (252 trading or 365 calendar). Default: 252.
 * @param bias Empirical bias factor, a pure number (1 = none). Default: 1.
 * @returns EDR, in percent.
 * @example =ALVH.EDR(18)
 */
export function edr(vix: number, annualDays?: number, bias?: number): number {
  return evaluate(() =>
    core.edr(
      requiredNumber("vix", vix),
      optionalNumber("annualDays", annualDays),
      optionalNumber("bias", bias)
    )
  );
}

/**
 * Number of active hedge layers for an EDR, in layers: 0 below threshold, then one more every step.
 * @customfunction LAYERS
 * @helpurl https://localhost:3000/docs/functions.html#layers
 * @param edr Expected daily range, in percent (0.95 means 0.95 %).
 * @param threshold EDR at which layer 1 activates, in percent. Default: 0.9.
 * @param step EDR increase that adds one layer, in percent. Default: 0.05.
 * @param maxLayers Most layers to count, in layers. Default: none (no cap).
 * @returns Active layers, a whole number.
 * @example =ALVH.LAYERS(1)
 * note: exact step boundaries count: 0.90, 0.95 and 1.00 each add a layer
 */
export function layers(edr: number, threshold?: number, step?: number, maxLayers?: number): number {
  return evaluate(() =>
    core.activeLayers(requiredNumber("edr", edr), {
      threshold: optionalNumber("threshold", threshold),
      step: optionalNumber("step", step),
      maxLayers: optionalNumber("maxLayers", maxLayers),
    })
  );
}

/**
 * Fraction of the iron condor's max loss to hedge at an EDR, as a fraction from 0 to cap: min(active layers × perLayer, cap).
 * @customfunction COVERAGE
 * @helpurl https://localhost:3000/docs/functions.html#coverage
 * @param edr Expected daily range, in percent (0.95 means 0.95 %).
 * @param perLayer Coverage each layer adds, as a fraction of max loss. Default: 0.25.
 * @param cap Most coverage, as a fraction of max loss. Default: 0.6.
 * @param threshold EDR at which layer 1 activates, in percent. Default: 0.9.
 * @param step EDR increase that adds one layer, in percent. Default: 0.05.
 * @returns Coverage, as a fraction of max loss.
 * @example =ALVH.COVERAGE(0.95)
 */
export function coverage(
  edr: number,
  perLayer?: number,
  cap?: number,
  threshold?: number,
  step?: number
): number {
  return evaluate(() =>
    core.coverage(requiredNumber("edr", edr), {
      perLayer: optionalNumber("perLayer", perLayer),
      cap: optionalNumber("cap", cap),
      threshold: optionalNumber("threshold", threshold),
      step: optionalNumber("step", step),
    })
  );
}

const DEPTH_MODES = ["linear", "stepped"] as const;

/**
 * Layer depth for an EDR, in the unit of baseHedge: baseHedge × (edr − threshold)/step ("linear", never below 0) or baseHedge × active layers ("stepped").
 * @customfunction LAYERDEPTH
 * @helpurl https://localhost:3000/docs/functions.html#layerdepth
 * @param edr Expected daily range, in percent (0.95 means 0.95 %).
 * @param baseHedge Hedge size of one layer, in contracts (or any unit; the result uses the same).
 * @param threshold EDR at which layer 1 activates, in percent. Default: 0.9.
 * @param step EDR increase that adds one layer, in percent. Default: 0.05.
 * @param mode Depth formula, as text: "linear" or "stepped", any case. Default: "linear".
 * @param maxDepth Largest depth, in the unit of baseHedge. Default: none (no cap).
 * @returns baseHedge × depth factor, in the unit of baseHedge.
 * @example =ALVH.LAYERDEPTH(1.02, 2, , , "linear")
 */
export function layerDepth(
  edr: number,
  baseHedge: number,
  threshold?: number,
  step?: number,
  mode?: string,
  maxDepth?: number
): number {
  return evaluate(() =>
    core.layerDepth(requiredNumber("edr", edr), requiredNumber("baseHedge", baseHedge), {
      threshold: optionalNumber("threshold", threshold),
      step: optionalNumber("step", step),
      mode: optionalChoice("mode", mode, DEPTH_MODES),
      maxDepth: optionalNumber("maxDepth", maxDepth),
    })
  );
}

/**
 * Hedge contracts for an exposure and a coverage, in contracts (exact, not rounded): coverage × |exposure| / (beta × hedgeDelta × multiplier).
 * @customfunction HEDGERATIO
 * @helpurl https://localhost:3000/docs/functions.html#hedgeratio
 * @param exposure Dollars the position loses per 1-point rise in VIX, in $ per VIX point (position vega, or max loss ÷ the VIX rise that reaches it).
 * @param coverage Share of the exposure to hedge, as a fraction (e.g. from COVERAGE).
 * @param beta Hedge instrument's beta to spot VIX, a pure number (1 = moves one for one). Default: 1.
 * @param hedgeDelta Hedge's delta to its underlying, a pure number (1 for a future; the Black-76 delta for a VIX call). Default: 1.
 * @param multiplier Hedge multiplier, in $ per VIX point (1000 for VIX futures, 100 for VIX options). Default: 1000.
 * @returns Exact number of hedge contracts.
 * @example =ALVH.HEDGERATIO(4800, 0.5, 0.6)
 * note: SPEC §3.5: half of a $4,800 exposure with futures of beta 0.6 is 0.5 × 4800 / (0.6 × 1000) = 4 contracts
 */
export function hedgeRatio(
  exposure: number,
  coverage: number,
  beta?: number,
  hedgeDelta?: number,
  multiplier?: number
): number {
  return evaluate(() =>
    core.hedgeContracts(
      requiredNumber("exposure", exposure),
      requiredNumber("coverage", coverage),
      {
        beta: optionalNumber("beta", beta),
        hedgeDelta: optionalNumber("hedgeDelta", hedgeDelta),
        multiplier: optionalNumber("multiplier", multiplier),
      }
    )
  );
}

/**
 * Layered hedge schedule, one row per layer: layer, EDR trigger (percent), cumulative coverage and added coverage (fractions of max loss), exact contracts, whole contracts to hold (rounded up but never above the cap), and the coverage those whole contracts give (fraction of the exposure).
 * @customfunction SCHEDULE
 * @helpurl https://localhost:3000/docs/functions.html#schedule
 * @param exposure Dollars the position loses per 1-point rise in VIX, in $ per VIX point (position vega, or max loss ÷ the VIX rise that reaches it).
 * @param perLayer Coverage each layer adds, as a fraction of max loss. Default: 0.25.
 * @param cap Most coverage, as a fraction of max loss. Default: 0.6.
 * @param threshold EDR at which layer 1 activates, in percent. Default: 0.9.
 * @param step EDR increase that adds one layer, in percent. Default: 0.05.
 * @param beta Hedge instrument's beta to spot VIX, a pure number (1 = moves one for one). Default: 1.
 * @param hedgeDelta Hedge's delta to its underlying, a pure number (1 for a future; the Black-76 delta for a VIX call). Default: 1.
 * @param multiplier Hedge multiplier, in $ per VIX point (1000 for VIX futures, 100 for VIX options). Default: 1000.
 * @returns n×7 rows: layer, EDR trigger, cumulative coverage, added coverage, exact contracts, whole contracts within the cap, coverage held.
 * @example =ALVH.SCHEDULE(4800)
 * columns: layer | EDR trigger | cumulative coverage | added coverage | exact contracts | whole contracts | coverage held
 * note: the cap's 2.88 exact contracts allow 2 whole ones, so every layer holds 2 futures: 2 × 1000 / 4800 = 41.7 % of the exposure, never more than the 60 % cap
 */
export function schedule(
  exposure: number,
  perLayer?: number,
  cap?: number,
  threshold?: number,
  step?: number,
  beta?: number,
  hedgeDelta?: number,
  multiplier?: number
): number[][] {
  return evaluate(() =>
    core
      .schedule(requiredNumber("exposure", exposure), {
        perLayer: optionalNumber("perLayer", perLayer),
        cap: optionalNumber("cap", cap),
        threshold: optionalNumber("threshold", threshold),
        step: optionalNumber("step", step),
        beta: optionalNumber("beta", beta),
        hedgeDelta: optionalNumber("hedgeDelta", hedgeDelta),
        multiplier: optionalNumber("multiplier", multiplier),
      })
      .map((row) => [
        row.layer,
        row.edrTrigger,
        row.cumulativeCoverage,
        row.addedCoverage,
        row.exactContracts,
        row.wholeContracts,
        row.heldCoverage,
      ])
  );
}

/**
 * Expiry of a VIX future / standard VIX option, as an Excel date serial: the n-th one strictly after date (hedge an iron condor expiring on date with n = 1).
 * @customfunction VIXEXPIRY
 * @helpurl https://localhost:3000/docs/functions.html#vixexpiry
 * @param date Date to start from, as an Excel date serial (DATE(2025,1,1) = 45658).
 * @param n Which expiry after date, a whole number of expiries (1 = the first). Default: 1.
 * @returns The expiry date, as an Excel date serial (format the cell as a date).
 * @example =ALVH.VIXEXPIRY(45444)
 * note: 45444 is 2024-06-01
 * result: date
 */
export function vixExpiry(date: number, n?: number): number {
  return evaluate(() => core.nextVixExpiry(requiredDate("date", date), optionalNumber("n", n)));
}

/**
 * Replays SPEC §6 over a daily history: monthly 20-delta iron condors (1 contract) unhedged, with a static VIX-futures hedge at the cap, and with ALVH's layers; a 9×4 table of $ figures and fractions: header row metric, unhedged, static, ALVH; rows cycles, total P&L ($), hedge P&L ($), max drawdown ($), worst cycle ($), winning cycles (fraction), hedge contracts traded, days hedged (fraction).
 * @customfunction REPLAY
 * @helpurl https://localhost:3000/docs/functions.html#replay
 * @param dates Trading days, oldest first, as Excel date serials (one column; blank rows at the bottom are ignored).
 * @param spx SPX closes of those days, in index points (one column).
 * @param vix VIX closes of those days, in VIX points (one column; 18.5, not 0.185).
 * @param shortDelta Delta of the short put and call, as a fraction (0.2 for 20-delta). Default: 0.2.
 * @param wingDelta Delta of the long wings, as a fraction below shortDelta. Default: 0.05.
 * @param vixRiseAtMaxLoss VIX rise at which the condor reaches max loss, in VIX points (sizes the exposure: max loss ÷ this). Default: 10.
 * @param threshold EDR at which layer 1 activates, in percent. Default: 0.9.
 * @param step EDR increase that adds one layer, in percent. Default: 0.05.
 * @param perLayer Coverage each layer adds, as a fraction of max loss. Default: 0.25.
 * @param cap Most coverage, as a fraction of max loss (the static hedge holds it throughout). Default: 0.6.
 * @param kappa Mean reversion of the modelled VIX futures, per year. Default: 5.9.
 * @param longRunVix Level the modelled futures revert to, in VIX points (raise it to add a risk premium). Default: 19.4.
 * @param feePerContract Cost of each hedge contract bought or sold, in $ per contract. Default: 0.
 * @returns 9×4 table: header row, then cycles, total P&L ($), hedge P&L ($), max drawdown ($), worst cycle ($), winning cycles, hedge contracts traded, days hedged.
 * @example =ALVH.REPLAY(A2:A55, B2:B55, C2:C55)
 * inputs: replayHistory
 * header: first row
 * note: A2:C55 hold 54 business days from 2025-01-02 to 2025-03-21 with SPX 5000 and VIX 20, SPX 4700 on 2025-03-21: two cycles, the second settling inside its put spread; at VIX 20 ALVH holds all its layers, so it hedges like the static hedge
 */
export function replay(
  dates: number[][],
  spx: number[][],
  vix: number[][],
  shortDelta?: number,
  wingDelta?: number,
  vixRiseAtMaxLoss?: number,
  threshold?: number,
  step?: number,
  perLayer?: number,
  cap?: number,
  kappa?: number,
  longRunVix?: number,
  feePerContract?: number
  // any: the metadata generator maps no union type to a matrix; the cells are numbers and labels.
): any[][] {
  return evaluateTable(() => {
    const summary = core.replaySummary(historyColumns(dates, spx, vix), {
      shortDelta: optionalNumber("shortDelta", shortDelta),
      wingDelta: optionalNumber("wingDelta", wingDelta),
      vixRiseAtMaxLoss: optionalNumber("vixRiseAtMaxLoss", vixRiseAtMaxLoss),
      threshold: optionalNumber("threshold", threshold),
      step: optionalNumber("step", step),
      perLayer: optionalNumber("perLayer", perLayer),
      cap: optionalNumber("cap", cap),
      kappa: optionalNumber("kappa", kappa),
      longRunVix: optionalNumber("longRunVix", longRunVix),
      feePerContract: optionalNumber("feePerContract", feePerContract),
    });
    return core.replaySummaryTable(summary);
  });
}

/**
 * Simple moving average of a row or column of values, in the unit of values: the mean of the last n, from the n-th value on. Spills a column as tall as values, "" before the first average.
 * @customfunction SMA
 * @helpurl https://localhost:3000/docs/functions.html#sma
 * @param values Values oldest first, in any unit (VIX points for VIX closes): one row or one column, empty cells only before the first value or after the last.
 * @param n Look-back, a whole number of values (1 up to how many values there are).
 * @returns A column as tall as values: the SMA, in the unit of values.
 * @example =ALVH.SMA({18.5;19.2;21.04;20.4;22.8}, 3)
 * columns: SMA
 */
export function sma(values: any[][], n: number): any[][] {
  return evaluateColumns(() => {
    const column = columnArg("values", values);
    return spill(column, [core.sma(column.values, requiredNumber("n", n))]);
  });
}

/**
 * Black–Scholes–Merton price or Greek of one option on SPX, per share, the same as BS (BSM has the 3-character id the unified manifest needs): price in index points, vega per vol point, theta per calendar day, rho per 1 % of rate.
 * @customfunction BSM
 * @helpurl https://localhost:3000/docs/functions.html#bsm
 * @param type Option type, as text: "call" or "put" ("c" or "p"), any case.
 * @param spot Underlying level, in index points.
 * @param strike Strike, in index points.
 * @param dte Time to expiry, in calendar days (fractions allowed; 0 = at expiry).
 * @param vol Implied volatility, as a decimal per year (0.16 for 16 %).
 * @param rate Risk-free rate, as a decimal per year (continuous). Default: 0.
 * @param divYield Dividend yield, as a decimal per year (continuous). Default: 0.
 * @param output Figure to return, as text: "price", "delta", "gamma", "vega", "theta" or "rho", any case. Default: "price".
 * @returns The chosen figure, per share.
 * @example =ALVH.BSM("call", 42, 40, 182.5, 0.2, 0.1)
 * note: the same as BS: Hull's 4.76
 */
export function bsmAlias(
  type: OptionKind,
  spot: number,
  strike: number,
  dte: number,
  vol: number,
  rate?: number,
  divYield?: number,
  output?: SpotOutput
): number {
  return bs(type, spot, strike, dte, vol, rate, divYield, output);
}

const TERM_OUTPUTS = ["future", "beta"] as const;

/**
 * Estimated VIX future (in VIX points) or its beta to spot VIX (a pure number) from the mean-reverting term structure: longRunVix + (vix − longRunVix)·e^(−kappa·days/365), beta e^(−kappa·days/365). A statistical estimate: quoted futures carry a risk premium it omits.
 * @customfunction VIXTERM
 * @helpurl https://localhost:3000/docs/functions.html#vixterm
 * @param vix Spot VIX level, in VIX points (18.5, not 0.185).
 * @param days Time to the future's expiry, in calendar days (fractions allowed; τ = days/365).
 * @param kappa Mean reversion speed, per year (an AR(1) fit of Cboe's VIX closes 1990–2026). Default: 5.9.
 * @param longRunVix Level VIX reverts to, in VIX points (the 1990–2026 mean). Default: 19.4.
 * @param output Figure to return, as text: "future" (VIX points) or "beta" (points the future moves per point of spot VIX), any case. Default: "future".
 * @returns The estimated future in VIX points, or its beta to spot VIX.
 * @example =ALVH.VIXTERM(18, 60)
 * note: a future 60 days out with VIX at 18 is estimated at 18.87 and moves 0.38 point per VIX point (=ALVH.VIXTERM(18, 60, , , "beta"))
 */
export function vixTerm(
  vix: number,
  days: number,
  kappa?: number,
  longRunVix?: number,
  output?: string
): number {
  return evaluate(() => {
    const spot = core.requireVix(requiredNumber("vix", vix));
    const tau = core.requireNonNegative("days", requiredNumber("days", days)) / 365;
    const params = {
      kappa: optionalNumber("kappa", kappa),
      longRunVix: optionalNumber("longRunVix", longRunVix),
    };
    return (optionalChoice("output", output, TERM_OUTPUTS) ?? "future") === "beta"
      ? core.vixFutureBeta(tau, params)
      : core.vixFuture(spot, tau, params);
  });
}

/**
 * Exponential moving average of a row or column of values, in the unit of values: α = 2/(n + 1), started at the n-th value with the SMA of the first n. Spills a column as tall as values, "" before the first average.
 * @customfunction EMA
 * @helpurl https://localhost:3000/docs/functions.html#ema
 * @param values Values oldest first, in any unit (VIX points for VIX closes): one row or one column, empty cells only before the first value or after the last.
 * @param n Look-back, a whole number of values (1 up to how many values there are).
 * @returns A column as tall as values: the EMA, in the unit of values.
 * @example =ALVH.EMA({18.5;19.2;21.04;20.4;22.8}, 3)
 * columns: EMA
 * note: α = 2/(3 + 1); the first EMA is the mean of the first 3 values
 */
export function ema(values: any[][], n: number): any[][] {
  return evaluateColumns(() => {
    const column = columnArg("values", values);
    return spill(column, [core.ema(column.values, requiredNumber("n", n))]);
  });
}

/**
 * Wilder's relative strength index of a row or column of closes, from 0 to 100: 100 when there were only gains, 50 when flat. Spills a column as tall as values, "" before the (n + 1)-th value.
 * @customfunction RSI
 * @helpurl https://localhost:3000/docs/functions.html#rsi
 * @param values Closes oldest first, in any unit (VIX points for VIX closes): one row or one column, empty cells only before the first value or after the last.
 * @param n Look-back, a whole number of values (changes averaged; needs n + 1 values). Default: 14.
 * @returns A column as tall as values: the RSI, from 0 to 100.
 * @example =ALVH.RSI({18.5;19.2;21.04;20.4;22.8;21.9;24.6}, 3)
 * columns: RSI
 * note: n = 3 to keep the example short; leave n out for RSI(14)
 */
export function rsi(values: any[][], n?: number): any[][] {
  return evaluateColumns(() => {
    const column = columnArg("values", values);
    return spill(column, [core.rsi(column.values, optionalNumber("n", n))]);
  });
}

/**
 * MACD of a row or column of closes, in the unit of values, as three columns: line (fast EMA − slow EMA), signal (EMA of the line, started with the SMA of its first values), histogram (line − signal). "" where not defined yet.
 * @customfunction MACD
 * @helpurl https://localhost:3000/docs/functions.html#macd
 * @param values Closes oldest first, in any unit (VIX points for VIX closes): one row or one column, empty cells only before the first value or after the last.
 * @param fast Look-back of the fast EMA, a whole number of values, shorter than slow. Default: 12.
 * @param slow Look-back of the slow EMA, a whole number of values. Default: 26.
 * @param signal Look-back of the signal line's EMA of the MACD line, a whole number of values. Default: 9.
 * @returns Three columns as tall as values: line, signal, histogram, in the unit of values.
 * @example =ALVH.MACD({18.5;19.2;21.04;20.4;22.8;21.9;24.6;23.7}, 2, 4, 3)
 * columns: line | signal | histogram
 * note: short periods to keep the example short; leave them out for MACD(12, 26, 9)
 */
export function macd(values: any[][], fast?: number, slow?: number, signal?: number): any[][] {
  return evaluateColumns(() => {
    const column = columnArg("values", values);
    const result = core.macd(
      column.values,
      optionalNumber("fast", fast),
      optionalNumber("slow", slow),
      optionalNumber("signal", signal)
    );
    return spill(column, [result.line, result.signal, result.histogram]);
  });
}

/**
 * Advance-Decline line, in issues: the running sum of advances − declines, one value per day from the first. Spills a column as tall as advances.
 * @customfunction ADLINE
 * @helpurl https://localhost:3000/docs/functions.html#adline
 * @param advances Advancing issues each day, oldest first, as a count of issues: one row or one column.
 * @param declines Declining issues each day, oldest first, as a count of issues: the same size as advances.
 * @returns A column as tall as advances: the A/D line, in issues.
 * @example =ALVH.ADLINE({1850;1320;2210}, {1100;1640;780})
 * columns: A/D line
 */
export function adLine(advances: any[][], declines: any[][]): any[][] {
  return evaluateColumns(() => {
    const up = columnArg("advances", advances);
    const down = columnArg("declines", declines);
    requireAligned(["advances", up], ["declines", down]);
    return spill(up, [core.adLine(up.values, down.values)]);
  });
}

/**
 * Profit or loss in $ of an iron condor and its VIX-future hedge under SPX and VIX moves (SPEC §3.8): a grid with SPX moves down and VIX moves across, a header row of VIX moves, a header column of SPX moves and horizonDays in the corner.
 * @customfunction SCENARIO
 * @helpurl https://localhost:3000/docs/functions.html#scenario
 * @param spot SPX level today, in index points.
 * @param longPut Long put strike (lowest), in index points.
 * @param shortPut Short put strike, in index points.
 * @param shortCall Short call strike, in index points.
 * @param longCall Long call strike (highest), in index points.
 * @param credit Net credit received at entry, in index points per share.
 * @param dte Time to the condor's expiry, in calendar days (fractions allowed).
 * @param vol Implied volatility, as a decimal per year (0.16 for 16 %): one number, or a 1×4 range with one vol per leg (longPut, shortPut, shortCall, longCall).
 * @param vix Spot VIX today, in VIX points.
 * @param contracts Number of iron condors, in contracts. Default: 1.
 * @param hedgeContracts VIX futures held as the hedge (multiplier 1000), in contracts. Default: 0.
 * @param hedgeDays Time from today to the hedge future's expiry, in calendar days. Default: none (required when hedgeContracts is not 0).
 * @param horizonDays Time that passes in the scenario, in calendar days (at or past dte the condor is at expiry). Default: 0.
 * @param spxMoves SPX moves as a row or column of fractions (−0.05 for −5 %). Default: −0.1 to 0.1 by 0.025.
 * @param vixMoves VIX moves as a row or column, in VIX points (VIX + move must stay at 1 or above). Default: −5, 0, 5, 10, 15, 20, 30.
 * @param output Which P&L, as text: "net", "condor" or "hedge". Default: "net".
 * @param volBeta Vol points each leg's implied vol gains per VIX point, a pure number. Default: 1.
 * @param kappa Mean reversion speed of the VIX futures curve, per year. Default: 5.9.
 * @param longRunVix Level VIX reverts to, in VIX points. Default: 19.4.
 * @returns Grid of P&L in $ against the entry credit (condor) and today's future (hedge).
 * @example =ALVH.SCENARIO(6000, 5850, 5900, 6100, 6150, 15, 45, 0.18, 18, 5, 2, 77, , {-0.05,0,0.05}, {0,10})
 * columns: horizon, then SPX move ↓ | VIX move → | VIX move →
 * note: issue 15's condor with 2 VIX futures 77 days out: net P&L in $ for SPX −5 %, 0, +5 % (down) and VIX +0, +10 (across); the corner holds horizonDays
 */
export function scenario(
  spot: number,
  longPut: number,
  shortPut: number,
  shortCall: number,
  longCall: number,
  credit: number,
  dte: number,
  vol: number[][],
  vix: number,
  contracts?: number,
  hedgeContracts?: number,
  hedgeDays?: number,
  horizonDays?: number,
  spxMoves?: number[][],
  vixMoves?: number[][],
  output?: string,
  volBeta?: number,
  kappa?: number,
  longRunVix?: number
): number[][] {
  return evaluate(() => {
    const held = optionalNumber("hedgeContracts", hedgeContracts) ?? 0;
    const days = optionalNumber("hedgeDays", hedgeDays);
    if (held !== 0 && days === undefined) {
      throw new core.AlvhError(
        "hedgeDays",
        "hedgeDays is required when hedgeContracts is not 0: enter the calendar days to the hedge future's expiry"
      );
    }
    const book = core.scenarioBook({
      positions: [
        {
          longPut: requiredNumber("longPut", longPut),
          shortPut: requiredNumber("shortPut", shortPut),
          shortCall: requiredNumber("shortCall", shortCall),
          longCall: requiredNumber("longCall", longCall),
          credit: requiredNumber("credit", credit),
          contracts: optionalNumber("contracts", contracts),
          dte: requiredNumber("dte", dte),
          vol: legVols("vol", vol),
        },
      ],
      hedge: {
        kind: "future",
        contracts: held,
        days: days ?? 0,
      },
      market: {
        spot: requiredNumber("spot", spot),
        vix: requiredNumber("vix", vix),
        volBeta: optionalNumber("volBeta", volBeta),
        kappa: optionalNumber("kappa", kappa),
        longRunVix: optionalNumber("longRunVix", longRunVix),
      },
    });
    const grid = core.scenarioGrid(book, {
      spxMoves: optionalList("spxMoves", spxMoves),
      vixMoves: optionalList("vixMoves", vixMoves),
      horizonDays: optionalNumber("horizonDays", horizonDays),
    });
    return core.scenarioTable(grid, optionalChoice("output", output, core.SCENARIO_OUTPUTS));
  });
}
