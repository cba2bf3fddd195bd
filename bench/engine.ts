import { blackScholes } from "black-scholes";
import hedgeReference from "../tests/core/references/hedge.json";
import pricing from "../tests/core/references/pricing.json";
import { loadFunctionsBundle } from "../tests/functions/bundle";
import { callsPerSecond, relativeError } from "./measure";

/**
 * Engine throughput through the registered custom functions of dist/functions.js (the entry
 * points Excel calls, argument parsing included), beside the npm package `black-scholes` on the
 * same inputs in the same process, and each one's worst relative error against the mpmath
 * references of tests/core/references.
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

export function engineThroughput(): Throughput[] {
  const fns = loadFunctionsBundle();
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
    fns.BS(c.type, c.spot, c.strike, c.dte, c.vol, c.rate, null, null) as number;
  const peer = (c: (typeof cases)[number]) =>
    blackScholes(c.spot, c.strike, c.dte / 365, c.vol, c.rate, c.type);
  const greeks = (row: CondorRow) => {
    const [[k1, k2, k3, k4], multiplier, contracts, spot, dte, vol, rate, divYield] = row;
    const volArg = Array.isArray(vol) ? [vol] : vol;
    return fns.ICGREEKS(
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
  const scheduleCase = hedgeReference.schedule[0];
  const schedule = (exposure: number) =>
    fns.SCHEDULE(exposure, null, null, null, null, null, null, null) as number[][];

  const condorErrors = condors.flatMap((row) => {
    const got = greeks(row)[0];
    return row.slice(8).map((want, i) => relativeError(got[i], want as number));
  });
  const scheduleErrors = schedule(Number(scheduleCase.exposure)).flatMap((row, i) => {
    const [layer, edrTrigger, , cumulative, added, exact, whole] = scheduleCase.rows[i];
    return [layer, edrTrigger, cumulative, added, exact, whole].map((want, j) =>
      relativeError(row[j], want)
    );
  });

  return [
    {
      name: "Black–Scholes price, ALVH.BS",
      perSecond: callsPerSecond((i) => ours(cases[i % n])),
      maxRelativeError: Math.max(...cases.map((c) => relativeError(ours(c), c.price))),
    },
    {
      name: "Black–Scholes price, npm black-scholes",
      perSecond: callsPerSecond((i) => peer(cases[i % n])),
      maxRelativeError: Math.max(...cases.map((c) => relativeError(peer(c), c.price))),
    },
    {
      name: "Iron condor Greeks (4 legs), ALVH.ICGREEKS",
      perSecond: callsPerSecond((i) => greeks(condors[i % condors.length])[0][3]),
      maxRelativeError: Math.max(...condorErrors),
    },
    {
      name: "Layer schedule, ALVH.SCHEDULE",
      perSecond: callsPerSecond((i) => schedule(4800 + (i % 100))[0][4]),
      maxRelativeError: Math.max(...scheduleErrors),
    },
  ];
}
