/** SPEC §2–3.7 defaults, in one place for the engine, the functions and the task pane. */
export const DEFAULTS = {
  threshold: 0.9,
  step: 0.05,
  perLayer: 0.25,
  cap: 0.6,
  bias: 1,
  annualDays: 252,
  beta: 1,
  hedgeDelta: 1,
  spxMultiplier: 100,
  vixFuturesMultiplier: 1000,
  vixOptionMultiplier: 100,
  contracts: 1,
  rate: 0,
  divYield: 0,
  /** SPEC §3.7: mean reversion per year and long-run level of an AR(1) fit of VIX closes 1990–2026. */
  kappa: 5.9,
  longRunVix: 19.4,
} as const;
