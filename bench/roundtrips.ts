import { excelHost } from "../src/hosts/excel/host";
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
