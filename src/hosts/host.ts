/**
 * Where the task pane runs, as one interface: the open workbook in Excel (./excel) or the browser
 * in the standalone app (./standalone). Plain types only; the pane (src/taskpane/app.ts) sees
 * nothing else of its host.
 *
 * - `book` edits the position book: save adds or updates by label (any case), remove deletes by
 *   label (a label not in the book is an AlvhError); bad rows come back from `list` by sheet row.
 *   A book changed by someone else since this pane read it fails with a StaleBookError, which
 *   the pane answers by offering to reload the book.
 * - `settings` keeps the hedge settings with the book (document settings, or localStorage).
 * - `write` reads the book as it is stored at the moment of writing, builds the plan from it with
 *   `planFor` and writes it, keeping the plan's document settings; it fails with an AlvhError,
 *   writing nothing, when the inputs or the host are not fit. It returns the renderer's report.
 * - `download`, when present, saves the plan as an .xlsx file (the standalone app's real file).
 * - `selection`, when present, is the book row the trader selected (or its problem), and `watch`
 *   calls back whenever the selection moves, so the form can load that row.
 * - `market`, when present, remembers the market inputs (spot, VIX, VIX future, hedge contracts
 *   held) with the book: the workbook's document settings, or localStorage.
 * - `numberFormat`, when present, gives the separators the trader types and reads numbers with:
 *   Excel's (cultureInfo, ExcelApi 1.11) or the browser locale's.
 */
import { AlvhError } from "../core";
import type { PlanFromBook } from "../workbook/excel/render";
import type { MarketMemory } from "../workbook/market-memory";
import type { HedgeSettings, Position } from "../workbook/model";
import type { WorkbookPlan } from "../workbook/plan";
import type { PositionListing, PositionProblem } from "../workbook/positions-table";

export type { PlanFromBook };

/** What every host's write reports (the Excel host's RenderReport says more). */
export interface WriteReport {
  /** What to tell the trader: where the schedule went, and which rows were skipped. */
  message: string;
  /** The plan that was written, built from the book as the write found it. */
  plan: WorkbookPlan;
  /** Book rows that could not be read and were left out, by sheet row number. */
  problems: PositionProblem[];
}

/** The decimal and group separators of a locale: "," and "." in de-DE, "." and "," in en-US. */
export interface NumberSeparators {
  decimal: string;
  group: string;
}

/** The book changed elsewhere (another tab) since it was read: nothing was written. */
export class StaleBookError extends AlvhError {
  constructor(message: string) {
    super("book", message);
    this.name = "StaleBookError";
  }
}

export type SelectedRow = { position: Position } | { problem: PositionProblem } | null;

export interface Host<Report extends WriteReport = WriteReport> {
  /** Shown under the title: where positions are kept and where the schedule goes. */
  description: string;
  book: {
    /** Every valid position, plus the rows that could not be read (by sheet row number). */
    list(): Promise<PositionListing>;
    /** Adds the position, or updates the one with the same label (case-insensitive). */
    save(position: Position): Promise<void>;
    /** Removes the position with that label; a label not in the book is an AlvhError. */
    remove(label: string): Promise<void>;
  };
  settings: {
    load(): Promise<{ settings: HedgeSettings; problems: string[] }>;
    save(settings: HedgeSettings): Promise<void>;
  };
  write(planFor: PlanFromBook): Promise<Report>;
  download?(plan: WorkbookPlan): Promise<string>;
  selection?: {
    selected(): Promise<SelectedRow>;
    watch(onChange: () => void): Promise<void>;
  };
  market?: {
    /** The remembered inputs; entries that do not read are left out and named in `problems`. */
    load(): Promise<{ market: MarketMemory; problems: string[] }>;
    save(market: MarketMemory): Promise<void>;
  };
  numberFormat?(): Promise<NumberSeparators>;
}

/** What a position book implements (the Excel table, the browser's storage). */
export type HostBook = Host["book"];
/** What a settings store implements (document settings, the browser's storage). */
export type HostSettings = Host["settings"];
/** What a market-inputs store implements (document settings, the browser's storage). */
export type HostMarket = NonNullable<Host["market"]>;
