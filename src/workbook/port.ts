/**
 * What the task pane form needs from wherever the book lives: the open workbook (Office,
 * src/taskpane/office/workbook.ts) or, in standalone mode, the browser. Plain types only.
 *
 * - `list / save / remove` edit the position book (`PositionBook`): save adds or updates by label
 *   (any case), remove deletes by label; bad rows come back from `list` by sheet row number.
 * - `selected` is the book row the trader selected (or its problem), `watchSelection` calls back
 *   whenever the selection moves, so the form can load that row.
 * - `loadSettings / saveSettings` keep the hedge settings with the book.
 * - `writeSchedule` builds the schedule from the book as it is stored right now and writes it;
 *   it fails with an AlvhError, writing nothing, when the inputs or the host are not fit.
 */
import type { PositionBook, PositionProblem } from "./book";
import type { HedgeSettings, MarketInputs, Position, ScheduleScope } from "./model";
import type { ScheduleSummary } from "./plan";

export interface ScheduleRequest {
  scope: ScheduleScope;
  settings: HedgeSettings;
  market: MarketInputs;
  /** When model figures (Greeks, hedge expiry, VIX call) are computed; default: now. */
  at?: Date;
}

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
  writeSchedule(request: ScheduleRequest): Promise<ScheduleWritten>;
}
