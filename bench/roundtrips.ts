import { performance } from "node:perf_hooks";
import { replay } from "../src/core";
import { excelHost } from "../src/hosts/excel/host";
import { writeReplay } from "../src/hosts/excel/replay";
import { HISTORY_COLUMNS } from "../src/workbook/plan";
import { buildReplaySheet } from "../src/workbook/replay";
import { historyRows, syntheticHistory } from "../tests/support/synthetic-history";
import { workbookWithHistory } from "../tests/support/history-table";
import { DEFAULT_SETTINGS } from "../src/workbook/settings";
import { planFromBook, tableRow, workbookWithBook } from "../tests/workbook/helpers";

/**
 * "Write schedule" for a whole book as the task pane runs it in Excel (read the positions table,
 * build the plan, write it), against the recording fake of the Excel object model: the number of
 * context.sync() calls (each one a network round trip in Excel on the web) and of proxy calls.
 */
export interface RoundTrips {
  positions: number;
  syncs: number;
  proxyCalls: number;
}

export async function roundTrips(sizes: readonly number[]): Promise<RoundTrips[]> {
  const results: RoundTrips[] = [];
  for (const positions of sizes) {
    const fake = workbookWithBook(
      Array.from({ length: positions }, (_, i) =>
        tableRow(`IC ${i + 1}`, { shortPut: 5550 + (i % 20) * 5, contracts: 1 + (i % 3) })
      )
    );
    const written = await excelHost(fake.ports).write(
      planFromBook({
        scope: { kind: "book" },
        settings: DEFAULT_SETTINGS,
        market: { spot: 5712.5, vix: 18 },
        at: new Date(2025, 1, 19, 10, 30),
      })
    );
    if (written.plan.summary.positions !== positions) {
      throw new Error(`wrote ${written.plan.summary.positions} of ${positions} positions`);
    }
    results.push({ positions, syncs: fake.syncs, proxyCalls: fake.proxyCalls });
  }
  return results;
}

/**
 * "Replay" in Excel against the fake: read `ALVH_History` (a synthetic history of `rows` days),
 * replay it and write the "ALVH Replay" sheet in batches. Syncs, the largest batch's cell data
 * (JSON characters; Excel on the web refuses requests over 5 MB) and the wall time of the whole
 * read–replay–write (the fake's bookkeeping included, Excel's own work excluded).
 */
export interface ReplayRoundTrips {
  rows: number;
  syncs: number;
  largestBatchBytes: number;
  ms: number;
}

export async function replayRoundTrips(sizes: readonly number[]): Promise<ReplayRoundTrips[]> {
  const results: ReplayRoundTrips[] = [];
  for (const rows of sizes) {
    const h = syntheticHistory(rows);
    const fake = workbookWithHistory(HISTORY_COLUMNS, historyRows(h), {
      sheet: "History",
      at: "A1",
    });
    const start = performance.now();
    const report = await writeReplay(fake.ports, (read) =>
      buildReplaySheet({ result: replay(read.history), source: read.range })
    );
    const ms = performance.now() - start;
    if (report.kind !== "written" || report.read.rows !== rows) {
      throw new Error(`the replay of ${rows} rows was not written`);
    }
    results.push({ rows, syncs: fake.syncs, largestBatchBytes: report.largestBatch, ms });
  }
  return results;
}
