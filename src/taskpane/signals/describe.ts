/**
 * Today's VIX signals in a trader's words, for the summary beside the EDR:
 * "RSI(14) 72.4 — above 70; MACD above signal (crossed up today)".
 */
import { SIGNAL_PERIODS, type SignalState } from "../../core";
import { formatNumber } from "../format";

/** RSI levels the methodology names: above 70 deploy at once; below 30 VIX is oversold. */
const RSI_HIGH = 70;
const RSI_LOW = 30;

export function describeSignals(state: SignalState, count: number): string {
  return [rsiWords(state.rsi, count), macdWords(state.macd, count)].join("; ");
}

function rsiWords(rsi: number | undefined, count: number): string {
  const name = `RSI(${SIGNAL_PERIODS.rsi})`;
  if (rsi === undefined) return `${name} needs ${SIGNAL_PERIODS.rsi + 1} closes (got ${count})`;
  const level =
    rsi > RSI_HIGH ? ` — above ${RSI_HIGH}` : rsi < RSI_LOW ? ` — below ${RSI_LOW}` : "";
  return `${name} ${formatNumber(rsi, "0.0")}${level}`;
}

function macdWords(macd: SignalState["macd"], count: number): string {
  if (macd === undefined) {
    const needed = SIGNAL_PERIODS.macdSlow + SIGNAL_PERIODS.macdSignal - 1;
    return `MACD needs ${needed} closes (got ${count})`;
  }
  const crossed = macd.crossedToday
    ? ` (crossed ${macd.position === "above" ? "up" : "down"} today)`
    : "";
  return `MACD ${macd.position} signal${crossed}`;
}
