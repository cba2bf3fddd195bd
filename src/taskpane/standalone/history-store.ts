/**
 * The replay's history in the standalone app, kept in the browser's storage beside the book:
 * about 200 kB for 30 years, well within localStorage's few megabytes.
 */
import { validateHistory } from "../../core";
import type { ImportedHistory } from "../replay/history-files";
import type { KeyValueStore } from "../../hosts/standalone/storage";

export const HISTORY_KEY = "alvh.history";

export class LocalHistoryStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The saved history, or null when there is none or it no longer reads as one. */
  load(): ImportedHistory | null {
    const raw = this.store.getItem(HISTORY_KEY);
    if (!raw) return null;
    try {
      const saved = JSON.parse(raw) as ImportedHistory;
      return { history: validateHistory(saved.history), source: String(saved.source) };
    } catch {
      return null;
    }
  }

  /** Keeps the history; false when the browser refuses it (then it lasts as long as the page). */
  save(imported: ImportedHistory): boolean {
    const { dates, spx, vix } = imported.history;
    const json = JSON.stringify({ source: imported.source, history: { dates, spx, vix } });
    try {
      this.store.setItem(HISTORY_KEY, json);
      return true;
    } catch {
      return false;
    }
  }
}
