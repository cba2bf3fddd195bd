/**
 * Shows a number the way Excel shows it under one of the plan's number formats (src/workbook/cells
 * FORMATS), so the preview reads like the sheet. Only the en-US codes the plan uses are understood;
 * any other code falls back to Excel's "General".
 */
import { ymdFromSerial } from "../core";

const NUMBER_CODE = /^(\$?)(#,##0|0)(?:\.(0+))?(%?)$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function dateText(serial: number, withTime: boolean): string {
  // As Excel shows dates and hh:mm: the moment is taken to the millisecond, then what the format
  // does not show is dropped (not rounded), so 23:59:40 is 23:59 of the same day.
  const ms = Math.round(serial * 86_400_000);
  const day = Math.floor(ms / 86_400_000);
  const { year, month, day: date } = ymdFromSerial(day);
  const text = `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
  if (!withTime) return text;
  const minutes = Math.floor((ms - day * 86_400_000) / 60_000);
  return `${text} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Excel's General: up to 11 significant digits, no trailing zeros. */
function general(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e11 || magnitude < 1e-9) return value.toExponential(5).replace(/\.?0*e/, "E");
  return String(Number(value.toPrecision(11)));
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A number written with an Excel format code, in the pane's locale (formatNumber: en-US). */
export type ShowNumber = (value: number, code: string) => string;

export function formatNumber(value: number, code: string): string {
  if (code === "yyyy-mm-dd") return dateText(value, false);
  if (code === "yyyy-mm-dd hh:mm") return dateText(value, true);
  const match = NUMBER_CODE.exec(code);
  if (!match) return general(value);
  const [, dollar, whole, decimals = "", percent] = match;
  const scaled = percent ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(decimals.length);
  const rounded = Number(fixed);
  const [int, frac] = fixed.split(".");
  const body = (whole === "#,##0" ? grouped(int) : int) + (frac ? `.${frac}` : "");
  const sign = scaled < 0 && rounded !== 0 ? "-" : "";
  return `${sign}${dollar}${body}${percent}`;
}
