/** SPEC §3.9/§4 default look-back periods, for the engine, the functions and the task pane. */
export const SIGNAL_PERIODS = {
  rsi: 14,
  macdFast: 12,
  macdSlow: 26,
  macdSignal: 9,
} as const;
