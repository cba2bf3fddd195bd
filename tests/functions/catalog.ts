/**
 * SPEC §4 as a contract, copied by hand from ../shared/SPEC.md: the ids, the parameters in order,
 * which are optional and their defaults, and the unit each description must state. Workbooks that
 * colleagues share depend on these signatures, so the tests hold the build to this list rather than
 * to anything the code generates.
 */
export interface ParamSpec {
  name: string;
  /** Phrase the parameter's description must contain to state its unit. */
  unit: string;
  /** Present for an optional parameter: the default its description must state. */
  default?: string;
}

export interface FunctionSpec {
  /** What the code registers (functions.json `id`): at least 3 characters. */
  id: string;
  /** What a cell types after ALVH., when it differs from the id (BS keeps its 2-letter name). */
  name?: string;
  /** Phrase the function's description must contain to state the unit of what it returns. */
  returns: string;
  params: ParamSpec[];
}

const p = (name: string, unit: string, fallback?: string): ParamSpec =>
  fallback === undefined ? { name, unit } : { name, unit, default: fallback };

const points = "index points";
const strikes = [
  p("longPut", points),
  p("shortPut", points),
  p("shortCall", points),
  p("longCall", points),
  p("credit", points),
];
const days = "calendar days";
const perYear = "decimal per year";
const fraction = "fraction";
const percent = "percent";
const pure = "pure number";
const hedgeDollars = "$ per VIX point";

export const SPEC_FUNCTIONS: FunctionSpec[] = [
  {
    id: "BREAKEVEN",
    returns: points,
    params: [
      p("shortPut", points),
      p("shortCall", points),
      p("credit", points),
      p("longPut", points, "none (the put wing is taken as wider than the credit)"),
      p("longCall", points, "none (the call wing is taken as wider than the credit)"),
    ],
  },
  {
    id: "MAXPROFIT",
    returns: "$",
    params: [
      ...strikes,
      p("contracts", "contracts", "1"),
      p("multiplier", "$ per index point", "100"),
    ],
  },
  {
    id: "MAXLOSS",
    returns: "$",
    params: [
      ...strikes,
      p("contracts", "contracts", "1"),
      p("multiplier", "$ per index point", "100"),
    ],
  },
  {
    id: "ICPAYOFF",
    returns: "$",
    params: [
      p("spotAtExpiry", points),
      ...strikes,
      p("contracts", "contracts", "1"),
      p("multiplier", "$ per index point", "100"),
    ],
  },
  {
    id: "ICGREEKS",
    returns: "$ per vol point",
    params: [
      p("spot", points),
      ...strikes.slice(0, 4),
      p("dte", days),
      p("vol", perYear),
      p("contracts", "contracts", "1"),
      p("rate", perYear, "0"),
      p("divYield", perYear, "0"),
      p("multiplier", "$ per index point", "100"),
    ],
  },
  {
    id: "POP",
    returns: "Probability",
    params: [
      p("spot", points),
      p("lower", points),
      p("upper", points),
      p("dte", days),
      p("vol", perYear),
      p("rate", perYear, "0"),
      p("divYield", perYear, "0"),
    ],
  },
  {
    id: "BSPRICE",
    name: "BS",
    returns: "index points",
    params: [
      p("type", "as text"),
      p("spot", points),
      p("strike", points),
      p("dte", days),
      p("vol", perYear),
      p("rate", perYear, "0"),
      p("divYield", perYear, "0"),
      p("output", "as text", '"price"'),
    ],
  },
  {
    id: "BLACK76",
    returns: "VIX points",
    params: [
      p("type", "as text"),
      p("future", "VIX points"),
      p("strike", "VIX points"),
      p("dte", days),
      p("vol", perYear),
      p("rate", perYear, "0"),
      p("output", "as text", '"price"'),
    ],
  },
  {
    id: "EXPECTEDMOVE",
    returns: points,
    params: [
      p("spot", points),
      p("vix", "VIX points"),
      p("days", "days", "1"),
      p("annualDays", "days", "252"),
    ],
  },
  {
    id: "EDR",
    returns: percent,
    params: [p("vix", "VIX points"), p("annualDays", "days", "252"), p("bias", pure, "1")],
  },
  {
    id: "LAYERS",
    returns: "layers",
    params: [
      p("edr", percent),
      p("threshold", percent, "0.9"),
      p("step", percent, "0.05"),
      p("maxLayers", "layers", "none (no cap)"),
    ],
  },
  {
    id: "COVERAGE",
    returns: fraction,
    params: [
      p("edr", percent),
      p("perLayer", fraction, "0.25"),
      p("cap", fraction, "0.6"),
      p("threshold", percent, "0.9"),
      p("step", percent, "0.05"),
    ],
  },
  {
    id: "LAYERDEPTH",
    returns: "unit of baseHedge",
    params: [
      p("edr", percent),
      p("baseHedge", "contracts"),
      p("threshold", percent, "0.9"),
      p("step", percent, "0.05"),
      p("mode", "as text", '"linear"'),
      p("maxDepth", "unit of baseHedge", "none (no cap)"),
    ],
  },
  {
    id: "HEDGERATIO",
    returns: "contracts",
    params: [
      p("exposure", hedgeDollars),
      p("coverage", fraction),
      p("beta", pure, "1"),
      p("hedgeDelta", pure, "1"),
      p("multiplier", hedgeDollars, "1000"),
    ],
  },
  {
    id: "SCHEDULE",
    returns: "contracts",
    params: [
      p("exposure", hedgeDollars),
      p("perLayer", fraction, "0.25"),
      p("cap", fraction, "0.6"),
      p("threshold", percent, "0.9"),
      p("step", percent, "0.05"),
      p("beta", pure, "1"),
      p("hedgeDelta", pure, "1"),
      p("multiplier", hedgeDollars, "1000"),
    ],
  },
  {
    id: "VIXEXPIRY",
    returns: "Excel date serial",
    params: [p("date", "Excel date serial"), p("n", "whole number", "1")],
  },
  {
    id: "REPLAY",
    returns: "$",
    params: [
      p("dates", "Excel date serials"),
      p("spx", points),
      p("vix", "VIX points"),
      p("shortDelta", fraction, "0.2"),
      p("wingDelta", fraction, "0.05"),
      p("vixRiseAtMaxLoss", "VIX points", "10"),
      p("threshold", percent, "0.9"),
      p("step", percent, "0.05"),
      p("perLayer", fraction, "0.25"),
      p("cap", fraction, "0.6"),
      p("kappa", "per year", "5.9"),
      p("longRunVix", "VIX points", "19.4"),
      p("feePerContract", "$ per contract", "0"),
    ],
  },
  {
    id: "BSM",
    returns: "index points",
    params: [
      p("type", "as text"),
      p("spot", points),
      p("strike", points),
      p("dte", days),
      p("vol", perYear),
      p("rate", perYear, "0"),
      p("divYield", perYear, "0"),
      p("output", "as text", '"price"'),
    ],
  },
  {
    id: "VIXTERM",
    returns: "VIX points",
    params: [
      p("vix", "VIX points"),
      p("days", days),
      p("kappa", "per year", "5.9"),
      p("longRunVix", "VIX points", "19.4"),
      p("output", "as text", '"future"'),
    ],
  },
  {
    id: "SMA",
    returns: "unit of values",
    params: [p("values", "any unit"), p("n", "whole number of values")],
  },
  {
    id: "EMA",
    returns: "unit of values",
    params: [p("values", "any unit"), p("n", "whole number of values")],
  },
  {
    id: "RSI",
    returns: "0 to 100",
    params: [p("values", "any unit"), p("n", "whole number of values", "14")],
  },
  {
    id: "MACD",
    returns: "unit of values",
    params: [
      p("values", "any unit"),
      p("fast", "whole number of values", "12"),
      p("slow", "whole number of values", "26"),
      p("signal", "whole number of values", "9"),
    ],
  },
  {
    id: "ADLINE",
    returns: "issues",
    params: [p("advances", "count of issues"), p("declines", "count of issues")],
  },
  {
    id: "SCENARIO",
    returns: "$",
    params: [
      p("spot", points),
      ...strikes,
      p("dte", days),
      p("vol", perYear),
      p("vix", "VIX points"),
      p("contracts", "contracts", "1"),
      p("hedgeContracts", "contracts", "0"),
      p("hedgeDays", days, "none (required when hedgeContracts is not 0)"),
      p("horizonDays", days, "0"),
      p("spxMoves", fraction, "−0.1 to 0.1 by 0.025"),
      p("vixMoves", "VIX points", "−5, 0, 5, 10, 15, 20, 30"),
      p("output", "as text", '"net"'),
      p("volBeta", pure, "1"),
      p("kappa", "per year", "5.9"),
      p("longRunVix", "VIX points", "19.4"),
    ],
  },
];

/** The name a cell types: =ALVH.<name>(…). */
export const nameOf = (spec: FunctionSpec): string => spec.name ?? spec.id;
