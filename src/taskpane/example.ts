/**
 * "Load example" on first run (an empty book): a sample condor the trader can look at before
 * typing one, SPX at 6000 with 5850/5900/6100/6150, credit 15, 5 lots, about six weeks out.
 */
import { isoFromSerial, weekday } from "../core";
import type { FormValues } from "./fields";

/** The example's form text; it expires on the first Friday at least 42 days after `today`. */
export function exampleValues(today: number): FormValues {
  let expiry = Math.floor(today) + 42;
  while (weekday(expiry) !== 5) expiry++;
  return {
    label: "SPX example 5900/6100",
    expiry: isoFromSerial(expiry),
    longPut: "5850",
    shortPut: "5900",
    shortCall: "6100",
    longCall: "6150",
    credit: "15",
    contracts: "5",
    impliedVol: "0.16",
    spot: "6000",
    vix: "15",
  };
}
