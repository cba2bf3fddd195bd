/**
 * Where the replay's history comes from and where its sheet goes: in Excel the `ALVH_History`
 * table and the owned "ALVH Replay" sheet; standalone, a CSV import kept in the browser and the
 * preview (and "Download workbook").
 */
import { replay, type ReplayHistory, type ReplayParams, type ReplayResult } from "../../core";
import { HISTORY_TABLE, REPLAY_SHEET } from "../../workbook/plan";
import { buildReplaySheet } from "../../workbook/replay/sheet";
import { writeReplay } from "../../hosts/excel/replay";
import type { OfficeApi } from "../../hosts/excel/office";
import { LocalHistoryStore } from "../standalone/history-store";
import { previewReplay } from "../standalone/preview-book";
import type { KeyValueStore } from "../../hosts/standalone/storage";
import {
  describeHistory,
  historyFromFiles,
  type HistoryFile,
  type ImportedHistory,
} from "./history-files";

export interface ReplayOutcome {
  history: ReplayHistory;
  result: ReplayResult;
}

export interface ReplayHost {
  /** One line about the history the replay would use. */
  historyStatus(): string;
  /** Standalone only: imports CSV files as the history; returns what to tell the trader. */
  importHistory?(files: readonly HistoryFile[]): string;
  /** Replays the history and writes the sheet; `outcome` is null when nothing was replayed. */
  replay(params: ReplayParams): Promise<{ outcome: ReplayOutcome | null; message: string }>;
}

export function excelReplayHost(ports: OfficeApi): ReplayHost {
  return {
    historyStatus: () =>
      `History: paste daily Date, SPX and VIX closes (oldest first) into the ${HISTORY_TABLE} table; Replay creates it when the workbook has none, and writes the "${REPLAY_SHEET}" sheet.`,
    async replay(params) {
      let outcome: ReplayOutcome | null = null;
      const report = await writeReplay(ports, (read) => {
        const result = replay(read.history, params);
        outcome = { history: read.history, result };
        return buildReplaySheet({ result, source: `the ${HISTORY_TABLE} table, ${read.range}` });
      });
      return { outcome: report.kind === "written" ? outcome : null, message: report.message };
    },
  };
}

export function standaloneReplayHost(store: KeyValueStore): ReplayHost {
  const saved = new LocalHistoryStore(store);
  let current: ImportedHistory | null = saved.load();
  return {
    historyStatus: () =>
      current
        ? `History: ${describeHistory(current.history)} (${current.source}), kept in this browser.`
        : "History: none yet. Import a CSV of Date,SPX,VIX closes, or an SPX and a VIX export together (Date,Open,High,Low,Close; Cboe's VIX_History.csv).",
    importHistory(files) {
      const imported = historyFromFiles(files);
      current = imported;
      const kept = saved.save(imported)
        ? ""
        : " The browser refused to store it, so it lasts until the page closes.";
      return `Imported ${describeHistory(imported.history)} from ${imported.source}.${kept}`;
    },
    async replay(params) {
      if (!current) {
        return { outcome: null, message: "Import a history first (Import history)." };
      }
      const result = replay(current.history, params);
      previewReplay(buildReplaySheet({ result, source: current.source }));
      return {
        outcome: { history: current.history, result },
        message: `Replayed ${describeHistory(current.history)} into the preview's "${REPLAY_SHEET}" sheet; Download workbook includes it.`,
      };
    },
  };
}
