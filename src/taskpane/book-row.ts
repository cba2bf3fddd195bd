/**
 * What the book list shows for each position (issue 18): strikes, expiry, days left, contracts and
 * the P&L now (the credit less what closing the condor costs at the model's price, SPX options at
 * $100 a point). A small module for the book view to show beside each label.
 */
import { bsmPrice, DEFAULTS, isoFromSerial, type OptionType } from "../core";
import type { Position } from "../workbook/model";

export interface BookRowFacts {
  /** "5800/5900/6100/6200". */
  strikes: string;
  /** ISO date. */
  expiry: string;
  /** Calendar days to expiry, 0 on and after it. */
  daysLeft: number;
  contracts: number;
  /** Dollars; undefined until a spot is known. */
  pnlNow: number | undefined;
}

export function bookRowFacts(position: Position, today: number, spot?: number): BookRowFacts {
  const daysLeft = Math.max(Math.floor(position.expiry) - Math.floor(today), 0);
  const leg = (type: OptionType, strike: number): number =>
    bsmPrice({ type, spot: spot as number, strike, dte: daysLeft, vol: position.impliedVol });
  const pnlNow =
    spot === undefined
      ? undefined
      : (position.credit -
          (leg("put", position.shortPut) -
            leg("put", position.longPut) +
            leg("call", position.shortCall) -
            leg("call", position.longCall))) *
        DEFAULTS.spxMultiplier *
        position.contracts;
  return {
    strikes: [position.longPut, position.shortPut, position.shortCall, position.longCall].join("/"),
    expiry: isoFromSerial(position.expiry),
    daysLeft,
    contracts: position.contracts,
    pnlNow,
  };
}
