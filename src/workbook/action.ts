/**
 * The action first (issue 18): one line that says what to hold and what to trade now, and the VIX
 * at which the next layer starts. Pure text from the schedule's own figures (the plan's whole
 * contracts and hedge expiry, the layer rows' shown triggers), so the line cannot disagree with them.
 * The task pane shows the text; the schedule sheet writes the same rule as native formulas over its
 * own cells (actionFormula, nextTriggerFormula), checked against the text in LibreOffice.
 */
import { ymdFromSerial } from "../core";
import type { BookFigures } from "./figures";
import type { HedgeSettings } from "./model";

/** CME/Cboe month codes, January to December. */
const MONTH_CODES = "FGHJKMNQUVXZ";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The VX futures symbol of the contract expiring on `expiry` (Excel serial): Feb 2027 → VXG7. */
export function vxSymbol(expiry: number): string {
  const { year, month } = ymdFromSerial(Math.floor(expiry));
  return `VX${MONTH_CODES[month - 1]}${year % 10}`;
}

/** "Feb-27": the hedge month as traders name it. */
export function hedgeMonth(expiry: number): string {
  const { year, month } = ymdFromSerial(Math.floor(expiry));
  return `${MONTHS[month - 1]}-${String(year % 100).padStart(2, "0")}`;
}

/** "future", "futures", "call" or "calls": the hedge unit for `count` contracts. */
export function hedgeNoun(instrument: HedgeSettings["instrument"], count: number): string {
  return `${instrument === "call" ? "call" : "future"}${Math.abs(count) === 1 ? "" : "s"}`;
}

export interface HedgeHolding {
  /** Whole contracts the schedule asks for. */
  target: number;
  /** Contracts already held for this book. */
  held: number;
  /** The hedge's expiry (Excel serial). */
  expiry: number;
  instrument: HedgeSettings["instrument"];
}

/** "Hold 2 VIX Feb-27 futures (VXG7) — buy 1 more" (or "sell 1", or "nothing to trade"). */
export function actionText({ target, held, expiry, instrument }: HedgeHolding): string {
  const what = `VIX ${hedgeMonth(expiry)} ${hedgeNoun(instrument, target)}`;
  const symbol = instrument === "future" ? ` (${vxSymbol(expiry)})` : "";
  const trade =
    target > held
      ? `buy ${target - held}${held > 0 ? " more" : ""}`
      : target < held
        ? `sell ${held - target}`
        : "nothing to trade";
  return `Hold ${target} ${what}${symbol} — ${trade}`;
}

/**
 * "next layer at VIX 15.09": the shown trigger (rounded up, SPEC §3.5) of the schedule's first
 * layer not yet active, or that the cap is reached. With `added`, the contracts that layer adds to
 * those held: "next layer at VIX 15.09 (+1 future)", or "all 3 layers active" (the risk view's).
 */
export function nextTriggerText(
  rows: BookFigures["rows"],
  added?: HedgeSettings["instrument"]
): string {
  const next = rows.find((row) => row.status === "next");
  if (!next) return added ? `all ${rows.length} layers active` : "cap reached: no further layer";
  const text = `next layer at VIX ${next.shownVixTrigger.toFixed(2)}`;
  if (!added) return text;
  const active = rows.filter((row) => row.status === "active");
  const count = next.whole - (active.at(-1)?.whole ?? 0);
  return `${text} (${count >= 0 ? "+" : ""}${count} ${hedgeNoun(added, count)})`;
}

/** Sheet cells (names or references) the action line's formula reads. */
export interface ActionRefs {
  target: string;
  held: string;
  /** An Excel date serial. */
  expiry: string;
  /** "future" or "call". */
  instrument: string;
}

/** actionText as a native formula: month and code picked with MID, so no locale date format. */
export function actionFormula({ target, held, expiry, instrument }: ActionRefs): string {
  const month = `MID("${MONTHS.join("")}",3*MONTH(${expiry})-2,3)&"-"&RIGHT("0"&MOD(YEAR(${expiry}),100),2)`;
  const noun = `IF(${instrument}="call","call","future")&IF(${target}=1,"","s")`;
  const symbol = `IF(${instrument}="future"," (VX"&MID("${MONTH_CODES}",MONTH(${expiry}),1)&MOD(YEAR(${expiry}),10)&")","")`;
  const trade =
    `IF(${target}>${held},"buy "&(${target}-${held})&IF(${held}>0," more",""),` +
    `IF(${target}<${held},"sell "&(${held}-${target}),"nothing to trade"))`;
  return `="Hold "&${target}&" VIX "&${month}&" "&${noun}&${symbol}&" — "&${trade}`;
}

/**
 * nextTriggerText as a native formula over the layer table: the shown VIX trigger of the row after
 * the active layers (`triggers`, the table's VIX trigger column), or the cap when none is left.
 */
export function nextTriggerFormula(active: string, triggers: string): string {
  return (
    `=IF(${active}>=ROWS(${triggers}),"cap reached: no further layer",` +
    `"next layer at VIX "&FIXED(INDEX(${triggers},${active}+1),2,TRUE))`
  );
}
