import { macd } from "./macd";
import { SIGNAL_PERIODS } from "./periods";
import { rsi } from "./rsi";
import { requireValues } from "./series";

/** Where the MACD line stands against its signal on the last close. */
export interface MacdState {
  line: number;
  signal: number;
  histogram: number;
  /** "above" when the line is strictly above its signal; "below" when under or on it. */
  position: "above" | "below";
  /** The position differs from the close before (which had a signal too). */
  crossedToday: boolean;
}

/** Today's signals of a VIX series, as the pane and the schedule sheet show them. */
export interface SignalState {
  /** RSI(14) of the last close; undefined with fewer than 15 closes. */
  rsi: number | undefined;
  /** MACD(12, 26, 9) on the last close; undefined with fewer than 34 closes. */
  macd: MacdState | undefined;
}

/**
 * Today's RSI(14) and MACD(12, 26, 9) state of a column of closes, oldest first (SPEC §3.9 with
 * §4's default periods). Too few closes is not an error here: the state says what is not known yet.
 */
export function signalState(closes: ArrayLike<number>): SignalState {
  requireValues("closes", closes);
  const last = closes.length - 1;
  const enoughForRsi = closes.length >= SIGNAL_PERIODS.rsi + 1;
  const enoughForMacd = closes.length >= SIGNAL_PERIODS.macdSlow + SIGNAL_PERIODS.macdSignal - 1;
  return {
    rsi: enoughForRsi ? rsi(closes)[last] : undefined,
    macd: enoughForMacd ? macdState(closes, last) : undefined,
  };
}

function macdState(closes: ArrayLike<number>, last: number): MacdState {
  const { line, signal } = macd(closes);
  const position = (i: number) => {
    const l = line[i];
    const s = signal[i];
    if (l === undefined || s === undefined) return undefined;
    return l > s ? "above" : "below";
  };
  const today = position(last) as "above" | "below";
  const yesterday = last > 0 ? position(last - 1) : undefined;
  return {
    line: line[last] as number,
    signal: signal[last] as number,
    histogram: (line[last] as number) - (signal[last] as number),
    position: today,
    crossedToday: yesterday !== undefined && yesterday !== today,
  };
}
