/**
 * The positions table as cells: its columns, how a position is shown in a row, and how rows read
 * back from Excel become positions (validated by position.ts).
 */
import { AlvhError, describe, isAlvhError, requireExcelDate, serialFromIso } from "../core";
import { isBlank, numberFromText } from "./cell-values";
import { EMPTY, FORMATS, num, text } from "./cells";
import type { Position } from "./model";
import type { PlanCell } from "./plan";
import { validatePosition } from "./position";

/**
 * The columns every sheet shows a condor with, in order, and how each shows it: the one place a
 * condor column (the credit's, say) is encoded. The schedule's positions block starts with them.
 */
export const CONDOR_COLUMNS = [
  "Label",
  "Expiry",
  "Long put",
  "Short put",
  "Short call",
  "Long call",
  "Credit",
  "Contracts",
] as const;

export type CondorColumn = (typeof CONDOR_COLUMNS)[number];

const CONDOR_CELL: Record<CondorColumn, (position: Position) => PlanCell> = {
  Label: (p) => text(p.label),
  Expiry: (p) => num(p.expiry, FORMATS.date),
  "Long put": (p) => num(p.longPut, FORMATS.points),
  "Short put": (p) => num(p.shortPut, FORMATS.points),
  "Short call": (p) => num(p.shortCall, FORMATS.points),
  "Long call": (p) => num(p.longCall, FORMATS.points),
  Credit: (p) => num(p.credit, FORMATS.points),
  Contracts: (p) => num(p.contracts, FORMATS.whole),
};

/** Header row of the `ALVH_Positions` table, in order; the book reads columns by these names. */
export const POSITION_COLUMNS = [...CONDOR_COLUMNS, "Entry date", "Implied vol", "Notes"] as const;

export type PositionColumn = (typeof POSITION_COLUMNS)[number];

const POSITION_COLUMN_WIDTH: Record<PositionColumn, number> = {
  Label: 24,
  Expiry: 12,
  "Long put": 10,
  "Short put": 10,
  "Short call": 10,
  "Long call": 10,
  Credit: 9,
  Contracts: 10,
  "Entry date": 12,
  "Implied vol": 11,
  Notes: 40,
};

/** Widths in characters of the positions sheet's columns, in POSITION_COLUMNS order. */
export const POSITION_COLUMN_WIDTHS = POSITION_COLUMNS.map((c) => POSITION_COLUMN_WIDTH[c]);

export interface PositionProblem {
  /** Sheet row number (1-based, as Excel shows it). */
  row: number;
  message: string;
}

export interface PositionListing {
  positions: Position[];
  problems: PositionProblem[];
}

/** Label, expiry, the four strikes, credit and contracts: how every sheet shows a condor. */
export function condorCells(position: Position): PlanCell[] {
  return CONDOR_COLUMNS.map((column) => CONDOR_CELL[column](position));
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

/** A number as Excel may hand it back: a number, or text such as "5,700.25" or "16%". */
function readNumber(column: string, value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const trimmed = value.trim();
    const percent = trimmed.endsWith("%");
    const parsed = numberFromText(percent ? trimmed.slice(0, -1) : trimmed);
    if (Number.isFinite(parsed)) return percent ? parsed / 100 : parsed;
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
