/**
 * What the replay does not model, each with how to change it (issue 16's honesty note). One list,
 * shown on the "ALVH Replay" sheet and in the pane under the summary.
 */
export const REPLAY_LIMITS: readonly string[] = [
  "Hedge futures are modelled (SPEC §3.7, mean reversion to Long-run VIX at speed κ) without the market's risk premium, so calm years' contango, and the hedge's cost, is understated: raise Long-run VIX (21 or 22 instead of 19.4) to charge it.",
  "The condor is marked by Black–Scholes at VIX/100 as every leg's implied vol, not at traded prices or spreads: treat its P&L as a model's; a fee per hedge contract charges the hedge's trading costs.",
  "No skew: the wings and the shorts share one vol, so the put wing is cheaper than the market would charge; move Short delta and Wing delta to see how the results depend on the strikes.",
  "Each condor settles at the close of the last history row on or before its expiry (not at the SPX's morning settlement on the third Friday): paste the settlement prints as that day's SPX close to settle on them.",
];
