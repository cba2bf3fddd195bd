/** SPEC §6: the methodology replayed over a daily SPX/VIX history. */
export * from "./condor";
export * from "./cycles";
export * from "./expirations";
export * from "./gate";
export * from "./hedging";
export * from "./history";
export * from "./params";
export * from "./replay";
export * from "./summary";
export * from "./sweep";
