/**
 * The position book, whatever stores it: the `ALVH_Positions` table in Excel
 * (src/taskpane/office/book.ts) or the browser's localStorage in standalone mode.
 */
import type { Position } from "./model";
import type { PositionListing } from "./positions-table";

export type { PositionListing, PositionProblem } from "./positions-table";

export interface PositionBook {
  /** Every valid position, plus the rows that could not be read (by sheet row number). */
  list(): Promise<PositionListing>;
  /** Adds the position, or updates the one with the same label (case-insensitive). */
  save(position: Position): Promise<void>;
  /** Removes the position with that label; a label not in the book is an AlvhError. */
  remove(label: string): Promise<void>;
}
