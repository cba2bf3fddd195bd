import { blackScholes } from "black-scholes";
import hedgeReference from "../tests/core/references/hedge.json";
import pricing from "../tests/core/references/pricing.json";
import type { FunctionsById } from "../tests/functions/bundle";
import { bestRates, relativeError } from "./measure";
import { inlineBsPrice, inlineCondorGreeks } from "./peers";

/**
 * Engine throughput through the registered custom functions of dist/functions.js (the entry
 * points Excel calls, argument parsing included), beside its peers on the same inputs in the same
 * process: the same formulas inline on @stdlib's CDF (bench/peers.ts, the ceiling) and the npm
 * package `black-scholes`; and each one's worst relative error against the mpmath references of
 * tests/core/references.
 */
export interface Throughput {
  name: string;
  perSecond: number;
  maxRelativeError: number;
}

type BsmRow = [string, number, number, number, number, number, number, number, ...number[]];
type CondorRow = [
  number[],
  number,
  number,
  number,
  number,
  number | number[],
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

export function engineThroughput(fns: FunctionsById): Throughput[] {
  // Each function taken once, as Excel holds the function it calls, not looked up by name per call.
  const { BSPRICE: BS, ICGREEKS, SCHEDULE } = fns;
  // The peer has no dividend yield and no dte = 0, and relative error is only meaningful for a
  // price that is not lost in the noise of the strikes (SPEC's 1e-8 floor).
  const cases = (pricing.bsm.rows as BsmRow[])
    .filter(([, , , dte, , , divYield, price]) => divYield === 0 && dte > 0 && price > 1e-8)
    .map(([type, spot, strike, dte, vol, rate, , price]) => ({
      type: type as "call" | "put",
      spot,
      strike,
      dte,
      vol,
      rate,
      price,
    }));
  const condors = pricing.ironCondor.rows as CondorRow[];
  const n = cases.length;

  const ours = (c: (typeof cases)[number]) =>
    BS(c.type, c.spot, c.strike, c.dte, c.vol, c.rate, null, null) as number;
  const inline = (c: (typeof cases)[number]) =>
    inlineBsPrice(c.type, c.spot, c.strike, c.dte, c.vol, c.rate);
  const peer = (c: (typeof cases)[number]) =>
    blackScholes(c.spot, c.strike, c.dte / 365, c.vol, c.rate, c.type);
  const greeks = (row: CondorRow) => {
    const [[k1, k2, k3, k4], multiplier, contracts, spot, dte, vol, rate, divYield] = row;
    const volArg = Array.isArray(vol) ? [vol] : vol;
    return ICGREEKS(
      spot,
      k1,
      k2,
      k3,
      k4,
      dte,
      volArg,
      contracts,
      rate,
      divYield,
      multiplier
    ) as number[][];
  };
  const inlineGreeks = (row: CondorRow) => {
    const [[k1, k2, k3, k4], multiplier, contracts, spot, dte, vol, rate, divYield] = row;
    const [v1, v2, v3, v4] = Array.isArray(vol) ? vol : [vol, vol, vol, vol];
    return inlineCondorGreeks(
      [k1, k2, k3, k4],
      spot,
      dte,
      [v1, v2, v3, v4],
      contracts,
      rate,
      divYield,
      multiplier
    );
  };
  const scheduleCase = hedgeReference.schedule[0];
  const schedule = (exposure: number) =>
    SCHEDULE(exposure, null, null, null, null, null, null, null) as number[][];

  const condorErrors = condors.flatMap((row) => {
    const got = greeks(row)[0];
    return row.slice(8).map((want, i) => relativeError(got[i], want as number));
  });
  const inlineCondorErrors = condors.flatMap((row) => {
    const got = inlineGreeks(row);
    return row.slice(8).map((want, i) => relativeError(got[i], want as number));
  });
  const scheduleErrors = schedule(Number(scheduleCase.exposure)).flatMap((row, i) => {
    const [layer, edrTrigger, , cumulative, added, exact, whole] = scheduleCase.rows[i];
    return [layer, edrTrigger, cumulative, added, exact, whole].map((want, j) =>
      relativeError(row[j], want)
    );
  });

  const rates = bestRates({
    bs: (i) => ours(cases[i % n]),
    inlineBs: (i) => inline(cases[i % n]),
    npmBs: (i) => peer(cases[i % n]),
    icGreeks: (i) => greeks(condors[i % condors.length])[0][3],
    inlineIcGreeks: (i) => inlineGreeks(condors[i % condors.length])[3],
    schedule: (i) => schedule(4800 + (i % 100))[0][4],
  });

  return [
    {
      name: "Black–Scholes price, ALVH.BS",
      perSecond: rates.bs,
      maxRelativeError: Math.max(...cases.map((c) => relativeError(ours(c), c.price))),
    },
    {
      name: "Black–Scholes price, inline on @stdlib CDF",
      perSecond: rates.inlineBs,
      maxRelativeError: Math.max(...cases.map((c) => relativeError(inline(c), c.price))),
    },
    {
      name: "Black–Scholes price, npm black-scholes",
      perSecond: rates.npmBs,
      maxRelativeError: Math.max(...cases.map((c) => relativeError(peer(c), c.price))),
    },
    {
      name: "Iron condor Greeks (4 legs), ALVH.ICGREEKS",
      perSecond: rates.icGreeks,
      maxRelativeError: Math.max(...condorErrors),
    },
    {
      name: "Iron condor Greeks (4 legs), inline on core normCdf",
      perSecond: rates.inlineIcGreeks,
      maxRelativeError: Math.max(...inlineCondorErrors),
    },
    {
      name: "Layer schedule, ALVH.SCHEDULE",
      perSecond: rates.schedule,
      maxRelativeError: Math.max(...scheduleErrors),
    },
  ];
}
