/**
 * The Scenarios section of the done-when example (issue 15) in LibreOffice: the .xlsx renderer's
 * file and the Office.js renderer's writes (recording fake, replayed into .xlsx) are recalculated
 * by soffice, and the grids read back equal core.scenarioGrid to 1e-9 (relative above 1); the
 * colour scales survive the round trip; the section's formulas recompute to the engine's values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as core from "../../../src/core";
import { cellAddress } from "../../../src/workbook/a1";
import { renderXlsx } from "../../../src/workbook/xlsx";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { recalculate } from "../../support/libreoffice";
import { block, namedValue, recordScheduleWrite } from "../helpers";
import { examplePlan } from "../scenario-example";
import { readXlsx, sheetNamed, type ReadBook } from "./read";
import { bookFromSnapshot, compareFormulas } from "./support";
import { close } from "../../support/close";

const plan = examplePlan();
const recalculated: Record<string, ReadBook> = {};

beforeAll(async () => {
  const files = {
    plan: await renderXlsx(plan),
    fake: await writeXlsx(bookFromSnapshot((await recordScheduleWrite(plan)).snapshot)),
  };
  const out = await recalculate(files);
  for (const name of Object.keys(files)) recalculated[name] = await readXlsx(out[name]);
}, 180_000);

/** The engine's grid for the plan's own inputs (DTE 45, 2 futures, the sheet's hedge days). */
function engineGrid(): core.ScenarioGrid {
  const book = core.scenarioBook({
    positions: [
      {
        longPut: 5850,
        shortPut: 5900,
        shortCall: 6100,
        longCall: 6150,
        credit: 15,
        contracts: 5,
        dte: 45,
        vol: 0.18,
      },
    ],
    hedge: { kind: "future", contracts: 2, days: namedValue(plan, "ALVH_HedgeDays") as number },
    market: { spot: 6000, vix: 18 },
  });
  return core.scenarioGrid(book);
}

describe.each(["plan", "fake"])("LibreOffice opens the %s workbook's Scenarios", (name) => {
  it("shows the net, condor and hedge grids of the engine to 1e-9", () => {
    const sheet = sheetNamed(recalculated[name], "ALVH Schedule");
    const table = core.scenarioTable;
    const grid = engineGrid();
    let checked = 0;
    for (const output of core.SCENARIO_OUTPUTS) {
      const b = block(plan, `scenarios-${output}`);
      table(grid, output).forEach((row, i) =>
        row.forEach((expected, j) => {
          const address = cellAddress(b.row + 1 + i, b.col + j);
          const got = sheet.cells.get(address)?.value;
          expect(close(got, expected), `${output} ${address}: ${got} vs ${expected}`).toBe(true);
          checked++;
        })
      );
    }
    expect(checked).toBe(3 * 10 * 8);
  });

  it("recomputes the section's formulas and keeps a colour scale on each grid", () => {
    const sheet = sheetNamed(recalculated[name], "ALVH Schedule");
    const b = block(plan, "scenarios");
    // The live formula's linked inputs: computed at, hedge held, days, kappa, long-run VIX.
    const addresses = [2, 3, 4, 7, 8].map((r) => cellAddress(b.row + r, b.col + 2));
    const result = compareFormulas(plan, "schedule", sheet, addresses);
    expect(result.mismatches).toEqual([]);
    const sqrefs = sheet.conditionalFormats.map((cf) => cf.sqref);
    for (const scale of plan.colorScales) expect(sqrefs).toContain(scale.address);
  });
});
