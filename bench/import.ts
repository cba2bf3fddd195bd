import { bookFromCsv, bookToCsv } from "../src/taskpane/standalone/csv";
import { planImport } from "../src/taskpane/standalone/import-plan";
import { LocalPositionBook, type KeyValueStore } from "../src/hosts/standalone/storage";
import { makePosition } from "../tests/workbook/helpers";

/**
 * The standalone CSV import end to end, as "Import CSV" runs it: parse and check the file, plan
 * it against the book (new / replacing / invalid), then write the book once. Timed for 10,000 and
 * 100,000 rows in the same run; their ratio shows the import is linear (10× the rows ≈ 10× the
 * time), and the 100,000-row time that it takes seconds, not minutes.
 */
export interface ImportTiming {
  rows: number;
  ms: number;
  csvMB: number;
  writes: number;
}

function timeImport(rows: number): ImportTiming {
  const csv = bookToCsv(
    Array.from({ length: rows }, (_, i) =>
      makePosition(`IC ${i + 1}`, { shortPut: 5550 + (i % 20) * 5, contracts: 1 + (i % 3) })
    )
  );
  const data = new Map<string, string>();
  let writes = 0;
  const store: KeyValueStore = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      writes++;
      data.set(k, v);
    },
  };
  const book = new LocalPositionBook(store);
  const start = process.hrtime.bigint();
  const plan = planImport([], bookFromCsv(csv));
  void book.importPositions([...plan.fresh, ...plan.replacing], "skip");
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (plan.fresh.length !== rows || plan.invalid.length) {
    throw new Error(
      `import read ${plan.fresh.length} of ${rows} rows, ${plan.invalid.length} invalid`
    );
  }
  return { rows, ms, csvMB: csv.length / 1e6, writes };
}

export function importTimings(): ImportTiming[] {
  timeImport(2_000); // warm-up
  return [timeImport(10_000), timeImport(100_000)];
}
