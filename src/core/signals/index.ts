/**
 * Signals the methodology cites (SPEC §3.9), one module per indicator.
 *
 * Written here rather than taken from the npm package trading-signals, whose definitions differ
 * from SPEC's (read in its source, packages/trading-signals/src): its EMA starts from the first
 * price instead of the SMA of the first n, so its MACD signal line is seeded with the first line
 * value instead of the SMA of the first 9; its RSI gives 100, not 50, when the average gain and
 * loss are both 0. It also works one value at a time through objects per update, where these
 * functions fill one output array in one pass.
 */
export * from "./adLine";
export * from "./ema";
export * from "./macd";
export * from "./periods";
export * from "./rsi";
export type { Series } from "./series";
export * from "./sma";
export * from "./state";
