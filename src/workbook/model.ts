/**
 * The plain values the task pane, the workbook plan and its renderers exchange.
 * No Office or DOM types here: the same values drive Excel, the standalone preview and .xlsx.
 */
import type { Rounding } from "../core";

/** One iron condor of the book: one row of the `ALVH_Positions` table. Dates are Excel serials. */
export interface Position {
  label: string;
  expiry: number;
  longPut: number;
  shortPut: number;
  shortCall: number;
  longCall: number;
  credit: number;
  contracts: number;
  entryDate: number | null;
  impliedVol: number;
  notes: string;
}

export type HedgeInstrumentKind = "future" | "call";
export type { Rounding };
export type ExposureMethod = "maxLoss" | "vega";

/** Hedge settings; saved in the workbook's document settings so they travel with the file. */
export interface HedgeSettings {
  threshold: number;
  step: number;
  perLayer: number;
  cap: number;
  instrument: HedgeInstrumentKind;
  /**
   * The hedge's beta to spot VIX, set by the trader; default (undefined): e^(−κτ), the hedge
   * month's future's sensitivity to spot VIX (SPEC §3.7).
   */
  beta?: number;
  /** VIX rise (points) at which the trader expects the book to reach max loss. */
  vixRise: number;
  rounding: Rounding;
  exposureMethod: ExposureMethod;
  /** Implied volatility of VIX options (decimal, "vol of vol") used to price a VIX call hedge; default 0.9. */
  callVol?: number;
  /** Strike of a VIX call hedge; default: the first whole-point strike at or above the VIX future. */
  callStrike?: number;
  /** Risk-free rate (decimal, continuous) for the models; default 0. */
  rate?: number;
  /** Trading days per year in EDR = bias·VIX/√annualDays; default 252. */
  annualDays?: number;
  /** The methodology's empirical bias factor in the EDR; default 1. */
  bias?: number;
  /** SPEC §3.7: mean reversion of VIX per year in the estimated term structure; default 5.9. */
  kappa?: number;
  /** SPEC §3.7: the level VIX reverts to, in VIX points; default 19.4. */
  longRunVix?: number;
  /**
   * Exchange closures no rule predicts, added by the trader (SPEC §3.6): ISO dates separated by
   * commas ("2026-03-02, 2026-03-03"); default none. Parsed by parseClosures (src/core/calendar).
   */
  closures?: string;
}

/** Market inputs typed into the form at the time of writing. */
export interface MarketInputs {
  spot: number;
  vix: number;
  /** Quoted price of the hedge month's VIX future; default: the SPEC §3.7 estimate. */
  vixFuture?: number;
}

/** What the schedule is written for: one position (by label) or the whole book, exposures summed. */
export type ScheduleScope = { kind: "position"; label: string } | { kind: "book" };
