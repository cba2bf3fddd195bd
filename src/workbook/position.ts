/**
 * A position as the domain sees it: the engine's iron condor of it and the book's validation
 * rules. No sheet presentation here (see positions-table.ts).
 */
import { DEFAULTS, ironCondor, requireExcelDate, type IronCondor } from "../core";
import { AlvhError } from "../core";
import { describe, requireVol } from "../core";
import type { Position } from "./model";

const MAX_LABEL_LENGTH = 100;

/** The engine's iron condor of a position (SPX options: 100 $ a point). */
export function condorOf(position: Position): IronCondor {
  return ironCondor({
    longPut: position.longPut,
    shortPut: position.shortPut,
    shortCall: position.shortCall,
    longCall: position.longCall,
    credit: position.credit,
    contracts: position.contracts,
    multiplier: DEFAULTS.spxMultiplier,
  });
}

/** Validates one position with the engine's iron-condor rules plus the book's own (label, dates). */
export function validatePosition(position: Position): Position {
  const label = typeof position.label === "string" ? position.label.trim() : "";
  if (label === "")
    throw new AlvhError(
      "label",
      'label must not be empty: name the position, e.g. "SPX Mar 5600/6100"'
    );
  if (label.length > MAX_LABEL_LENGTH) {
    throw new AlvhError(
      "label",
      `label is ${label.length} characters long: keep it to ${MAX_LABEL_LENGTH} or fewer`
    );
  }
  requireExcelDate("expiry", position.expiry);
  if (position.entryDate !== null) requireExcelDate("entryDate", position.entryDate);
  if (!Number.isInteger(position.contracts)) {
    throw new AlvhError(
      "contracts",
      `contracts must be a whole number (got ${describe(position.contracts)})`
    );
  }
  condorOf(position);
  requireVol("impliedVol", position.impliedVol);
  return { ...position, label, notes: typeof position.notes === "string" ? position.notes : "" };
}
