/**
 * The book and the settings of the standalone app, kept in the browser's localStorage. The book
 * is stored as rows in the positions table's column order and read back with the table's own
 * parser, so a stored row is checked exactly like a row of the Excel table, and a row that no
 * longer reads is reported by its number and kept, never silently dropped.
 */
import { AlvhError } from "../../core";
import type { PositionBook, PositionListing } from "../../workbook/book";
import type { HedgeSettings, Position } from "../../workbook/model";
import { validatePosition } from "../../workbook/position";
import { parsePositionRows, POSITION_COLUMNS } from "../../workbook/positions-table";
import type { DocumentSetting } from "../../workbook/plan";
import {
  SETTINGS_KEY,
  settingsFromDocument,
  settingsToDocument,
  type SettingsStore,
} from "../../workbook/settings";

/** The slice of the Web Storage API used here (localStorage, or a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const BOOK_KEY = "alvh.book";
export const SETTINGS_STORE_KEY = "alvh.settings";

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

const sameLabel = (row: readonly unknown[], label: string): boolean =>
  String(row[0] ?? "")
    .trim()
    .toLowerCase() === label.trim().toLowerCase();

export class LocalPositionBook implements PositionBook {
  constructor(private readonly store: KeyValueStore) {}

  private rows(): Row[] {
    const raw = this.store.getItem(BOOK_KEY);
    if (raw === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every(Array.isArray)) {
      // Refusing to write keeps whatever is there for the trader to rescue.
      throw new AlvhError(
        "book",
        "the book saved in this browser cannot be read: clear this site's data to start a new book"
      );
    }
    return parsed as Row[];
  }

  async list(): Promise<PositionListing> {
    // Row numbers as a sheet would show them under a header row, like the Excel table.
    return parsePositionRows(this.rows(), POSITION_COLUMNS, 2);
  }

  async save(input: Position): Promise<void> {
    const position = validatePosition(input);
    const rows = this.rows();
    const at = rows.findIndex((row) => sameLabel(row, position.label));
    if (at >= 0) rows[at] = positionRow(position);
    else rows.push(positionRow(position));
    this.store.setItem(BOOK_KEY, JSON.stringify(rows));
  }

  async remove(label: string): Promise<void> {
    const rows = this.rows();
    const at = rows.findIndex((row) => sameLabel(row, label));
    if (at < 0) {
      throw new AlvhError(
        "label",
        `no position labelled "${label}" in the book: nothing was removed`
      );
    }
    rows.splice(at, 1);
    this.store.setItem(BOOK_KEY, JSON.stringify(rows));
  }
}

export class LocalSettingsStore implements SettingsStore {
  constructor(private readonly store: KeyValueStore) {}

  async load(): Promise<{ settings: HedgeSettings; problems: string[] }> {
    const raw = this.store.getItem(SETTINGS_STORE_KEY);
    if (raw === null) return settingsFromDocument(undefined);
    try {
      return settingsFromDocument(JSON.parse(raw));
    } catch {
      return settingsFromDocument(raw);
    }
  }

  async save(settings: HedgeSettings): Promise<void> {
    this.store.setItem(SETTINGS_STORE_KEY, JSON.stringify(settingsToDocument(settings)));
  }

  /** Keeps a written plan's document settings, as Excel keeps them with the workbook. */
  keep(documentSettings: readonly DocumentSetting[]): void {
    for (const { key, value } of documentSettings) {
      if (key === SETTINGS_KEY) this.store.setItem(SETTINGS_STORE_KEY, JSON.stringify(value));
    }
  }
}
