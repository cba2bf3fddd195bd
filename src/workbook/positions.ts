import {
  DEFAULTS,
  ironCondor,
  requireExcelDate,
  serialFromIso,
  type IronCondor,
  AlvhError,
  isAlvhError,
  describe,
  requireVol,
} from "../core";
import { EMPTY, FORMATS, num, text } from "./cells";
import type { Position } from "./model";
import type { PlanCell } from "./plan";

/** Header row of the `ALVH_Positions` table, in order; the book reads columns by these names. */
export const POSITION_COLUMNS = [
  "Label",
  "Expiry",
  "Long put",
  "Short put",
  "Short call",
  "Long call",
  "Credit",
  "Contracts",
  "Entry date",
  "Implied vol",
  "Notes",
] as const;

export type PositionColumn = (typeof POSITION_COLUMNS)[number];

export const MAX_LABEL_LENGTH = 100;

export interface PositionProblem {
  /** Sheet row number (1-based, as Excel shows it). */
  row: number;
  message: string;
}

export interface PositionListing {
  positions: Position[];
  problems: PositionProblem[];
}

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

/** Label, expiry, the four strikes, credit and contracts: how every sheet shows a condor. */
export function condorCells(position: Position): PlanCell[] {
  return [
    text(position.label),
    num(position.expiry, FORMATS.date),
    num(position.longPut, FORMATS.points),
    num(position.shortPut, FORMATS.points),
    num(position.shortCall, FORMATS.points),
    num(position.longCall, FORMATS.points),
    num(position.credit, FORMATS.points),
    num(position.contracts, FORMATS.whole),
  ];
}

/** One table row, in POSITION_COLUMNS order. */
export function positionCells(position: Position): PlanCell[] {
  return [
    ...condorCells(position),
    position.entryDate === null ? EMPTY : num(position.entryDate, FORMATS.date),
    num(position.impliedVol, FORMATS.vol),
    position.notes === "" ? EMPTY : text(position.notes),
  ];
}

function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** A number as Excel may hand it back: a number, or text such as "5,700.25" or "16%". */
function readNumber(column: string, value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const trimmed = value.trim().replace(/,/g, "");
    const percent = trimmed.endsWith("%");
    const parsed = Number(percent ? trimmed.slice(0, -1) : trimmed);
    if (trimmed !== "" && Number.isFinite(parsed)) return percent ? parsed / 100 : parsed;
  }
  throw new AlvhError(column, `${column} must be a number (got ${describe(value)})`);
}

/** A date serial, or ISO text "2025-03-21" typed into a text cell. */
function readDate(column: string, value: unknown): number {
  const iso = typeof value === "string" ? serialFromIso(value) : undefined;
  return iso ?? requireExcelDate(column, readNumber(column, value));
}

function readText(value: unknown): string {
  if (isBlank(value)) return "";
  return typeof value === "string" ? value : String(value);
}

/**
 * Reads the table's data rows as Excel returns them (`values`: numbers, strings, booleans, "" for
 * blank). A row that does not make a valid position is reported by its sheet row number and
 * skipped: the table itself is never rewritten here, so a hand-edited row is not lost. Blank rows
 * are ignored; a repeated label is reported (the first row with it wins).
 *
 * @param header the table's header row; columns are matched by name so a reordered table still reads.
 * @param firstRow the sheet row number of the first data row.
 */
export function parsePositionRows(
  rows: readonly (readonly unknown[])[],
  header: readonly unknown[] = POSITION_COLUMNS,
  firstRow = 2
): PositionListing {
  const index = columnIndex(header);
  const positions: Position[] = [];
  const problems: PositionProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const sheetRow = firstRow + i;
    if (row.every(isBlank)) return;
    const cell = (column: PositionColumn): unknown => row[index[column]];
    try {
      const entry = cell("Entry date");
      const position = validatePosition({
        label: readText(cell("Label")),
        expiry: readDate("Expiry", cell("Expiry")),
        longPut: readNumber("Long put", cell("Long put")),
        shortPut: readNumber("Short put", cell("Short put")),
        shortCall: readNumber("Short call", cell("Short call")),
        longCall: readNumber("Long call", cell("Long call")),
        credit: readNumber("Credit", cell("Credit")),
        contracts: readNumber("Contracts", cell("Contracts")),
        entryDate: isBlank(entry) ? null : readDate("Entry date", entry),
        impliedVol: readNumber("Implied vol", cell("Implied vol")),
        notes: readText(cell("Notes")),
      });
      const key = position.label.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          row: sheetRow,
          message: `row ${sheetRow}: label "${position.label}" is already used in row ${first}; this row is skipped`,
        });
        return;
      }
      seen.set(key, sheetRow);
      positions.push(position);
    } catch (error) {
      if (!isAlvhError(error)) throw error;
      problems.push({ row: sheetRow, message: `row ${sheetRow}: ${error.message}` });
    }
  });
  return { positions, problems };
}

function columnIndex(header: readonly unknown[]): Record<PositionColumn, number> {
  const names = header.map((h) => (typeof h === "string" ? h.trim().toLowerCase() : ""));
  const index = {} as Record<PositionColumn, number>;
  for (const column of POSITION_COLUMNS) {
    const at = names.indexOf(column.toLowerCase());
    if (at < 0) {
      throw new AlvhError(
        "table",
        `the positions table has no "${column}" column: restore it (columns: ${POSITION_COLUMNS.join(", ")})`
      );
    }
    index[column] = at;
  }
  return index;
}
