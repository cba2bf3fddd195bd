/**
 * What the task pane form needs from wherever the book lives: the open workbook (Office,
 * src/taskpane/office/workbook.ts) or, in standalone mode, the browser. Plain types only.
 *
 * - `list / save / remove` edit the position book (`PositionBook`): save adds or updates by label
 *   (any case), remove deletes by label; bad rows come back from `list` by sheet row number.
 * - `selected` is the book row the trader selected (or its problem), `watchSelection` calls back
 *   whenever the selection moves, so the form can load that row.
 * - `loadSettings / saveSettings` keep the hedge settings with the book.
 * - `writeSchedule` reads the book as it is stored at the moment of writing, builds the plan from
 *   it with `planFor` and writes it; it fails with an AlvhError, writing nothing, when the inputs
 *   or the host are not fit.
 */
import type { PositionBook, PositionProblem } from "./book";
import type { HedgeSettings, Position } from "./model";
import type { ScheduleSummary, WorkbookPlan } from "./plan";
import type { PositionListing } from "./positions-table";

/** Builds the plan from the book as the write finds it. */
export type PlanFromBook = (book: PositionListing) => WorkbookPlan;

export interface ScheduleWritten {
  /** One sentence for the trader: where the schedule went, and which rows were skipped. */
  message: string;
  sheet: string;
  /** True when a sheet of the preferred name belongs to the trader and the schedule went elsewhere. */
  renamed: boolean;
  /** Book rows that could not be read and were left out, by sheet row number. */
  problems: PositionProblem[];
  summary: ScheduleSummary;
}

export type SelectedRow = { position: Position } | { problem: PositionProblem } | null;

export interface WorkbookPort extends PositionBook {
  selected(): Promise<SelectedRow>;
  watchSelection(onChange: () => void): Promise<void>;
  loadSettings(): Promise<{ settings: HedgeSettings; problems: string[] }>;
  saveSettings(settings: HedgeSettings): Promise<void>;
  writeSchedule(planFor: PlanFromBook): Promise<ScheduleWritten>;
}
