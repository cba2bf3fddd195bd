import { isBusinessDay, isoFromSerial, serialFromYmd, type ReplayHistory } from "../../src/core";

/**
 * Deterministic SPX/VIX closes on exchange business days for replay tests and benchmarks (no market
 * data is shipped): mean-reverting VIX around 18, one calm stretch (VIX near 12.5, below the first
 * layer) and one crash (SPX ≈ −25 % in three weeks, VIX in the 40s) per `crashEvery` rows.
 * Numerical Recipes' LCG with Box–Muller, as in scripts/references/replay.py.
 */
export function syntheticHistory(rows: number, seed = 20260101, crashEvery = rows): ReplayHistory {
  let state = seed;
  const uniform = (): number => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const dates: number[] = [];
  const spx: number[] = [];
  const vix: number[] = [];
  let day = serialFromYmd(1995, 1, 3);
  let s = 4500;
  let v = 18;
  while (dates.length < rows) {
    if (isBusinessDay(day)) {
      const phase = (dates.length % crashEvery) / crashEvery;
      const calm = phase >= 0.25 && phase < 0.45;
      const crash = phase >= 0.6 && phase < 0.63;
      const target = calm ? 12.5 : crash ? 48 : 18;
      const shock = calm || crash ? 0 : 1;
      const drift = calm ? 0.0004 : crash ? -0.017 : 0.0003;
      v = Math.max(9.5, v + 0.12 * (target - v) + shock * 0.9 * normal());
      s *= Math.exp(drift + ((0.6 * v) / 100 / Math.sqrt(252)) * normal());
      dates.push(day);
      spx.push(Math.round(s * 100) / 100);
      vix.push(Math.round(v * 100) / 100);
    }
    day++;
  }
  return { dates, spx, vix };
}

/** The history as the CSV "Import history" reads: a Date,SPX,VIX header, ISO dates, oldest first. */
export function historyCsv(history: ReplayHistory): string {
  return [
    "Date,SPX,VIX",
    ...history.dates.map((d, i) => `${isoFromSerial(d)},${history.spx[i]},${history.vix[i]}`),
  ].join("\n");
}

/** The history as table rows: [date serial, SPX, VIX] per day. */
export function historyRows(history: ReplayHistory): number[][] {
  return history.dates.map((d, i) => [d, history.spx[i], history.vix[i]]);
}
