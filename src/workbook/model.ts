/**
 * The plain values the task pane, the workbook plan and its renderers exchange.
 * No Office or DOM types here: the same values drive Excel, the standalone preview and .xlsx.
 */

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
export type Rounding = "up" | "nearest" | "down";
export type ExposureMethod = "maxLoss" | "vega";

/** Hedge settings; saved in the workbook's document settings so they travel with the file. */
export interface HedgeSettings {
  threshold: number;
  step: number;
  perLayer: number;
  cap: number;
  instrument: HedgeInstrumentKind;
  beta: number;
  /** VIX rise (points) at which the trader expects the book to reach max loss. */
  vixRise: number;
  rounding: Rounding;
  exposureMethod: ExposureMethod;
}

/** Market inputs typed into the form at the time of writing. */
export interface MarketInputs {
  spot: number;
  vix: number;
}

/** What the schedule is written for: one position (by label) or the whole book, exposures summed. */
export type ScheduleScope = { kind: "position"; label: string } | { kind: "book" };
