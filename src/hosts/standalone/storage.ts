/**
 * The book and the settings of the standalone app, kept in the browser's localStorage. The book
 * is stored as rows in the positions table's column order and read back with the table's own
 * parser, so a stored row is checked exactly like a row of the Excel table, and a row that no
 * longer reads is reported by its number and kept, never silently dropped (see LocalPositionBook).
 */
import { AlvhError } from "../../core";
import type { PositionListing, PositionProblem } from "../../workbook/positions-table";
import type { HedgeSettings, Position } from "../../workbook/model";
import { validatePosition } from "../../workbook/position";
import { parsePositionRows, POSITION_COLUMNS } from "../../workbook/positions-table";
import type { DocumentSetting } from "../../workbook/plan";
import { SETTINGS_KEY, settingsFromDocument, settingsToDocument } from "../../workbook/settings";
import { StaleBookError, type HostBook, type HostSettings } from "../host";

/** The slice of the Web Storage API used here (localStorage, or a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const BOOK_KEY = "alvh.book";

type Row = (string | number)[];

/** A stored row in POSITION_COLUMNS order; numbers stay numbers, a missing entry date is "". */
export function positionRow(p: Position): Row {
  return [
    p.label,
    p.expiry,
    p.longPut,
    p.shortPut,
    p.shortCall,
    p.longCall,
    p.credit,
    p.contracts,
    p.entryDate ?? "",
    p.impliedVol,
    p.notes,
  ];
}

const labelKey = (value: unknown): string =>
  String(value ?? "")
    .trim()
    .toLowerCase();

const sameLabel = (row: unknown, label: string): boolean =>
  Array.isArray(row) && labelKey(row[0]) === labelKey(label);

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
}

const isQuotaError = (error: unknown): boolean =>
  error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);

const EXPORT_HINT = 'use "Export stored text" to keep a copy of everything stored';

/** What an import does with a position whose label is already in the book. */
export type ImportMode = "skip" | "replace";

export interface ImportResult {
  added: number;
  replaced: number;
  skipped: number;
}

/**
 * The stored book is a JSON array of rows. Entries that are not rows are listed as problems and
 * kept as they are; text that is not a JSON array is shown as one problem and never written over.
 * Every write first checks the stored text is still the one this tab last read, so a tab that
 * has not seen another tab's change refuses to undo it.
 */
export class LocalPositionBook implements HostBook {
  /** The stored text as this tab last read or wrote it (undefined: not read yet). */
  private seen: string | null | undefined;

  constructor(private readonly store: KeyValueStore) {}

  /** The book's stored text, exactly as kept (for "Export stored text"). */
  storedText(): string | null {
    return this.store.getItem(BOOK_KEY);
  }

  private entries(raw: string | null): unknown[] | undefined {
    if (raw === null) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** The stored entries for a write, refusing a stale tab or a book that does not read. */
  private rowsForWrite(): unknown[] {
    const raw = this.store.getItem(BOOK_KEY);
    if (this.seen !== undefined && raw !== this.seen) {
      throw new StaleBookError(
        "the book was changed in another tab since this one read it: nothing was saved. Reload the book to see the other tab's changes, then try again"
      );
    }
    const entries = this.entries(raw);
    if (!entries) {
      throw new AlvhError(
        "book",
        `the book saved in this browser cannot be read, so nothing was written over it: ${EXPORT_HINT}`
      );
    }
    return entries;
  }

  private write(entries: unknown[], what: string): void {
    const text = JSON.stringify(entries);
    try {
      this.store.setItem(BOOK_KEY, text);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // setItem either stores the whole value or nothing, so the book is as it was.
      throw new AlvhError(
        "storage",
        `this browser's storage is full: the book needs about ${size((BOOK_KEY.length + text.length) * 2)}, more than the browser allows, so ${what}. Export the book as CSV to keep it elsewhere, or delete positions you no longer need`
      );
    }
    this.seen = text;
  }

  async list(): Promise<PositionListing> {
    const raw = this.store.getItem(BOOK_KEY);
    this.seen = raw;
    const entries = this.entries(raw);
    if (!entries) {
      return {
        positions: [],
        problems: [
          {
            row: 1,
            message: `the book saved in this browser cannot be read (it is not a list of rows): nothing is written over it; ${EXPORT_HINT}`,
          },
        ],
      };
    }
    const odd: PositionProblem[] = [];
    const rows = entries.map((entry, i) => {
      if (Array.isArray(entry)) return entry;
      const shown = JSON.stringify(entry) ?? String(entry);
      odd.push({
        row: i + 2,
        message: `row ${i + 2}: not a position row (stored as ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}); it is kept as it is, ${EXPORT_HINT}`,
      });
      return [];
    });
    // Row numbers as a sheet would show them under a header row, like the Excel table.
    const listing = parsePositionRows(rows, POSITION_COLUMNS, 2);
    return {
      positions: listing.positions,
      problems: [...listing.problems, ...odd].sort((a, b) => a.row - b.row),
    };
  }

  async save(input: Position): Promise<void> {
    const position = validatePosition(input);
    const rows = this.rowsForWrite();
    const at = rows.findIndex((row) => sameLabel(row, position.label));
    if (at >= 0) rows[at] = positionRow(position);
    else rows.push(positionRow(position));
    this.write(rows, "the position was not saved");
  }

  /**
   * Adds many positions in one write (all or nothing); a used label is skipped or replaced as
   * `mode` says. Linear in the size of the book and the import.
   */
  async importPositions(positions: readonly Position[], mode: ImportMode): Promise<ImportResult> {
    const rows = this.rowsForWrite();
    const index = new Map<string, number>();
    rows.forEach((row, i) => {
      if (Array.isArray(row) && !index.has(labelKey(row[0]))) index.set(labelKey(row[0]), i);
    });
    const result: ImportResult = { added: 0, replaced: 0, skipped: 0 };
    for (const input of positions) {
      const position = validatePosition(input);
      const at = index.get(labelKey(position.label));
      if (at === undefined) {
        index.set(labelKey(position.label), rows.length);
        rows.push(positionRow(position));
        result.added++;
      } else if (mode === "replace") {
        rows[at] = positionRow(position);
        result.replaced++;
      } else result.skipped++;
    }
    this.write(rows, "nothing was imported");
    return result;
  }

  async remove(label: string): Promise<void> {
    const rows = this.rowsForWrite();
    const at = rows.findIndex((row) => sameLabel(row, label));
    if (at < 0) {
      throw new AlvhError(
        "label",
        `no position labelled "${label}" in the book: nothing was removed`
      );
    }
    rows.splice(at, 1);
    this.write(rows, "nothing was removed");
  }
}

export class LocalSettingsStore implements HostSettings {
  constructor(private readonly store: KeyValueStore) {}

  async load(): Promise<{ settings: HedgeSettings; problems: string[] }> {
    const raw = this.store.getItem(SETTINGS_KEY);
    if (raw === null) return settingsFromDocument(undefined);
    try {
      return settingsFromDocument(JSON.parse(raw));
    } catch {
      return settingsFromDocument(raw);
    }
  }

  async save(settings: HedgeSettings): Promise<void> {
    this.store.setItem(SETTINGS_KEY, JSON.stringify(settingsToDocument(settings)));
  }

  /** Keeps a written plan's document settings, as Excel keeps them with the workbook. */
  keep(documentSettings: readonly DocumentSetting[]): void {
    for (const { key, value } of documentSettings) {
      if (key === SETTINGS_KEY) this.store.setItem(SETTINGS_KEY, JSON.stringify(value));
    }
  }
}
