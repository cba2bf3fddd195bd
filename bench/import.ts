import { bookFromCsv, bookToCsv } from "../src/taskpane/standalone/csv";
import { planImport } from "../src/taskpane/standalone/import-plan";
import { LocalPositionBook } from "../src/hosts/standalone/storage";
import { memoryStore } from "../tests/support/memory-store";
import { makePosition } from "../tests/workbook/helpers";
import { bestCpuMs } from "./measure";

/**
 * The standalone CSV import end to end, as "Import CSV" runs it: parse and check the file, plan
 * it against the book (new / replacing / invalid), then write the book once. Timed for 10,000 and
 * 100,000 rows in the same interleaved rounds (CPU time, best of 3 rounds); their ratio shows the import
 * is linear (10× the rows ≈ 10× the time), and the 100,000-row time that it takes seconds, not
 * minutes.
 */
export interface ImportTiming {
  rows: number;
  ms: number;
  csvMB: number;
  writes: number;
}

const SIZES = [10_000, 100_000];

function csvOf(rows: number): string {
  return bookToCsv(
    Array.from({ length: rows }, (_, i) =>
      makePosition(`IC ${i + 1}`, { shortPut: 5550 + (i % 20) * 5, contracts: 1 + (i % 3) })
    )
  );
}

/** One import into an empty book; throws unless every row was read and the book written once. */
async function importOnce(csv: string, rows: number): Promise<number> {
  const store = memoryStore();
  const book = new LocalPositionBook(store);
  const plan = planImport([], bookFromCsv(csv));
  const result = await book.importPositions([...plan.fresh, ...plan.replacing], "skip");
  if (plan.fresh.length !== rows || plan.invalid.length || result.added !== rows) {
    throw new Error(
      `import read ${plan.fresh.length} of ${rows} rows, ${plan.invalid.length} invalid, added ${result.added}`
    );
  }
  if (store.writes !== 1) throw new Error(`import wrote the book ${store.writes} times, not once`);
  return store.writes;
}

export async function importTimings(): Promise<ImportTiming[]> {
  const csvs = SIZES.map(csvOf);
  const best = await bestCpuMs(
    Object.fromEntries(SIZES.map((rows, i) => [rows, () => importOnce(csvs[i], rows)]))
  );
  return SIZES.map((rows, i) => ({
    rows,
    ms: best[rows],
    csvMB: csvs[i].length / 1e6,
    writes: 1,
  }));
}
