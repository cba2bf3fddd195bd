/**
 * Both renderers proven against one independent spreadsheet engine: the .xlsx renderer's files and
 * the Office.js renderer's writes (recorded by the Excel fake, replayed into .xlsx) are opened in
 * LibreOffice, which recalculates every formula from the cells, and each figure must equal the
 * ALVH engine's value to 1e-9 (relative above 1). Headline figures are also checked against
 * tests/workbook/data/plan-reference.json (mpmath, see make_plan_reference.py). All files go
 * through one soffice start.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cellAddress, parseCellAddress } from "../../../src/workbook/a1";
import type { Position } from "../../../src/workbook/model";
import { POSITIONS_TABLE, type WorkbookPlan } from "../../../src/workbook/plan";
import { LAYER_HEADERS } from "../../../src/workbook/schedule/layers";
import { DEFAULT_SETTINGS } from "../../../src/workbook/settings";
import { renderXlsx } from "../../../src/workbook/xlsx";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { recalculate } from "../../support/libreoffice";
import {
  blockAt,
  cellAt,
  makePosition,
  namedValue,
  recordScheduleWrite,
  SCENARIOS,
  valueOf,
  type Scenario,
} from "../helpers";
import { readXlsx, sheetNamed, type ReadBook } from "./read";
import { bookFromSnapshot, bookPlan, compareFormulas, formulaAddresses, planOf } from "./support";
import { close } from "../../support/close";

const HOSTILE_LABELS = ["=1+1", "+x", "-x", "@x", "-5", "=SUM(A1)", "'quoted"];
const hostilePositions: Position[] = HOSTILE_LABELS.map((label, i) =>
  makePosition(label, { notes: i % 2 === 0 ? '=HYPERLINK("http://x")' : "+1", contracts: i + 1 })
);

/** Wrong cached results on purpose: only a real recalculation can produce the right ones. */
const SCRATCH = {
  sheets: [
    {
      name: "Scratch",
      cells: [
        { address: "A1", value: { kind: "number" as const, value: 24.3 }, format: "General" },
        ...(
          [
            // Microsoft's documented examples for CEILING.MATH and FLOOR.MATH.
            ["B1", "=CEILING.MATH(A1,5)", 25],
            ["B2", "=CEILING.MATH(6.7)", 7],
            ["B3", "=CEILING.MATH(-8.1,2)", -8],
            ["B4", "=FLOOR.MATH(A1,5)", 20],
            ["B5", "=FLOOR.MATH(-8.1,2)", -10],
            ["B6", "=NORM.S.DIST(0,TRUE)", 0.5],
            ["B7", "=Seed*2", 48.6],
            ["B8", '="FLOOR.MATH("&Seed', "FLOOR.MATH(24.3"],
          ] as const
        ).map(([address, formula], i) => ({
          address,
          value: { kind: "formula" as const, formula, result: 999 + i },
          format: "General",
        })),
      ],
      columnWidths: {},
      conditionalFormats: [],
      tables: [],
    },
  ],
  names: [{ name: "Seed", reference: "'Scratch'!$A$1", comment: "", hidden: false }],
  properties: {},
};
const SCRATCH_EXPECTED: Record<string, number | string> = {
  B1: 25,
  B2: 7,
  B3: -8,
  B4: 20,
  B5: -10,
  B6: 0.5,
  B7: 48.6,
  B8: "FLOOR.MATH(24.3",
};

/**
 * A book on the edge of SPEC §3.5's rule "an exact value within 1e-9 of a whole number counts as
 * that whole number", where an engine and a sheet measuring "within 1e-9" differently (relative
 * against absolute, or ROUND to 9 places) would disagree: the EDR 7e-10 short of 3 steps above
 * the threshold (3 steps, so 4 layers), and layer k needing 2.0000000004·k exact contracts
 * (whole for k ≤ 2, where the gap is at most 8e-10; rounded up from k = 3, but never above the cap).
 */
function edgePlan(): WorkbookPlan {
  const settings = { ...DEFAULT_SETTINGS, perLayer: 0.1, cap: 0.6, step: 0.05 };
  const positions = [makePosition("Edge")];
  const probe = bookPlan(positions, settings);
  const firstExact = layerRows(probe)[0][EXACT] as number;
  return bookPlan(positions, {
    ...settings,
    threshold: (namedValue(probe, "ALVH_EDR") as number) - settings.step * (3 - 7e-10),
    vixRise: (settings.vixRise * firstExact) / 2.0000000004,
  });
}

const EXACT = LAYER_HEADERS.indexOf("Exact contracts");
const WHOLE = LAYER_HEADERS.indexOf("Whole contracts, cumulative");

/** The layer table's rows (Layer, EDR trigger, …, Status) as the plan expects them. */
function layerRows(plan: WorkbookPlan): (number | string | null)[][] {
  const [first, last] = plan.names
    .find((n) => n.name === "ALVH_LayerTable")!
    .address.replace(/\$/g, "")
    .split(":")
    .map((a) => parseCellAddress(a)!);
  return Array.from({ length: last.row - first.row + 1 }, (_, r) =>
    Array.from({ length: last.col - first.col + 1 }, (_, c) =>
      valueOf(cellAt(plan, "schedule", cellAddress(first.row + r, first.col + c)))
    )
  );
}

function addinOnlyAt(plan: WorkbookPlan, address: string): boolean {
  const at = parseCellAddress(address)!;
  return blockAt(plan, "schedule", at.row, at.col)?.addinOnly === true;
}

interface Case {
  scenario: Scenario;
  plan: WorkbookPlan;
}

const cases: Case[] = SCENARIOS.map((scenario) => ({ scenario, plan: planOf(scenario) }));
const hostilePlan = bookPlan(hostilePositions);
const edge = edgePlan();
/** Issue 14's worked example, and the same sheet with the trader typing VIX 25 over VIX 18. */
const worked = cases.find((c) => c.scenario.name.startsWith("worked example: VIX 18"))!;
const EDITED_VIX = 25;
function withVix(plan: WorkbookPlan, vix: number): WorkbookPlan {
  const address = plan.names.find((n) => n.name === "ALVH_VIX")!.address.replace(/\$/g, "");
  const at = parseCellAddress(address)!;
  return {
    ...plan,
    blocks: plan.blocks.map((b) =>
      b.sheet !== "schedule" || at.row < b.row || at.row >= b.row + b.cells.length
        ? b
        : {
            ...b,
            cells: b.cells.map((row, r) =>
              row.map((cell, c) =>
                b.row + r === at.row && b.col + c === at.col && cell.kind === "number"
                  ? { ...cell, value: vix }
                  : cell
              )
            ),
          }
    ),
  };
}
const written: Record<string, ReadBook> = {};
const recalculated: Record<string, ReadBook> = {};

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {};
  for (const [i, c] of cases.entries()) {
    files[`plan${i}`] = await renderXlsx(c.plan);
    files[`fake${i}`] = await writeXlsx(
      bookFromSnapshot((await recordScheduleWrite(c.plan)).snapshot)
    );
  }
  files.hostilePlan = await renderXlsx(hostilePlan);
  files.hostileFake = await writeXlsx(
    bookFromSnapshot((await recordScheduleWrite(hostilePlan)).snapshot)
  );
  files.edgePlan = await renderXlsx(edge);
  files.edgeFake = await writeXlsx(bookFromSnapshot((await recordScheduleWrite(edge)).snapshot));
  files.scratch = await writeXlsx(SCRATCH);
  files.workedEdited = await renderXlsx(withVix(worked.plan, EDITED_VIX));
  const out = await recalculate(files);
  for (const name of Object.keys(files)) {
    written[name] = await readXlsx(files[name]);
    recalculated[name] = await readXlsx(out[name]);
  }
}, 180_000);

const schedule = (book: ReadBook): ReturnType<typeof sheetNamed> =>
  sheetNamed(book, "ALVH Schedule");

describe("LibreOffice recalculates the .xlsx renderer's workbook", () => {
  it("recomputes every formula of a one-position plan to the engine's value", () => {
    expect(cases[0].plan.scope.kind).toBe("position");
    const result = compareFormulas(cases[0].plan, "schedule", schedule(recalculated.plan0));
    expect(result.mismatches).toEqual([]);
    expect(result.checked).toBeGreaterThan(60);
  });

  it("recomputes every formula of each book plan to the engine's value", () => {
    const books = cases.filter((c) => c.plan.scope.kind === "book");
    expect(books.some((c) => c.plan.summary.positions > 1)).toBe(true);
    for (const c of books) {
      const result = compareFormulas(
        c.plan,
        "schedule",
        schedule(recalculated[`plan${cases.indexOf(c)}`])
      );
      expect(result.mismatches, c.scenario.name).toEqual([]);
    }
  });

  it("matches the mpmath reference on the headline figures and every layer row", () => {
    const figures: Record<string, string> = {
      ALVH_LowerBE: "lowerBE",
      ALVH_UpperBE: "upperBE",
      ALVH_MaxProfit: "maxProfit",
      ALVH_MaxLoss: "maxLoss",
      ALVH_WorstPnl: "worst",
      ALVH_BestPnl: "best",
      ALVH_PnlAtSpot: "pnlAtSpot",
      ALVH_EDR: "edr",
      ALVH_ExpectedMove: "expectedMove",
      ALVH_Layers: "layers",
      ALVH_Coverage: "coverage",
      ALVH_ExposureMaxLoss: "exposureMaxLoss",
      ALVH_Exposure: "exposure",
      ALVH_Contracts: "contracts",
      ALVH_WholeContracts: "whole",
      ALVH_HedgedExposure: "hedgedExposure",
      ALVH_CapContracts: "capContracts",
      ALVH_HeldCoverage: "heldCoverage",
      ALVH_VixFuture: "future",
      ALVH_Beta: "beta",
    };
    const columns = {
      edrTrigger: "EDR trigger (%)",
      vixTrigger: "VIX trigger",
      cumulative: "Cumulative coverage",
      added: "Added coverage",
      exact: "Exact contracts",
      whole: "Whole contracts, cumulative",
      held: "Coverage held",
    } as const;
    for (const [i, c] of cases.entries()) {
      const sheet = schedule(recalculated[`plan${i}`]);
      const reference = c.scenario.expected as unknown as Record<string, unknown>;
      const at = (name: string): string =>
        c.plan.names.find((n) => n.name === name)!.address.replace(/\$/g, "");
      for (const [name, key] of Object.entries(figures)) {
        if (reference[key] === null) {
          expect(sheet.cells.get(at(name))?.value, `${c.scenario.name} ${name}`).toBe("none");
          continue;
        }
        expect(
          close(sheet.cells.get(at(name))?.value, reference[key] as number),
          `${c.scenario.name} ${name}`
        ).toBe(true);
      }
      const first = parseCellAddress(at("ALVH_LayerTable").split(":")[0])!;
      c.scenario.expected.rows.forEach((row, r) => {
        const values = row as unknown as Record<string, number>;
        Object.entries(columns).forEach(([key, header]) => {
          const k = LAYER_HEADERS.indexOf(header);
          const got = sheet.cells.get(cellAddress(first.row + r, first.col + k))?.value;
          expect(close(got, values[key]), `${c.scenario.name} layer ${r + 1} ${key}`).toBe(true);
        });
      });
    }
  });

  // LibreOffice 7.4 has no hidden names: it keeps the ownership marker visible, so only its
  // reference is checked here (render.test.ts checks the flag in the renderer's own file).
  it("keeps the names, the positions table, the highlight and the sheet order", () => {
    const book = recalculated.plan1;
    const plan = cases[1].plan;
    expect(book.sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    const names = new Map(book.names.map((n) => [n.name, n.reference]));
    for (const n of [...plan.names, plan.ownerMarker]) {
      expect(names.get(n.name), n.name).toBe(`'ALVH Schedule'!${n.address}`);
    }
    const positions = sheetNamed(book, "ALVH Positions");
    expect(positions.tables.map((t) => [t.name, t.columns])).toEqual([
      [POSITIONS_TABLE, [...plan.table.columns]],
    ]);
    expect(schedule(book).conditionalFormats).toContainEqual({
      sqref: plan.conditionalFormats[0].address,
      formulas: [plan.conditionalFormats[0].formula.slice(1)],
    });
  });
});

describe("LibreOffice recalculates the Office.js renderer's writes, replayed from the fake", () => {
  it("recomputes every formula the Office.js renderer wrote to the engine's value", () => {
    for (const [i, c] of cases.entries()) {
      const sheet = schedule(written[`fake${i}`]);
      // The live =ALVH.SCENARIO block needs the add-in: LibreOffice cannot compute it.
      const addresses = [...sheet.cells]
        .filter(([a, cell]) => cell.formula && !addinOnlyAt(c.plan, a))
        .map(([a]) => a);
      expect(addresses.sort(), c.scenario.name).toEqual(
        formulaAddresses(c.plan, "schedule").sort()
      );
      expect(addresses.every((a) => sheet.cells.get(a)?.value === null)).toBe(true);
      const result = compareFormulas(
        c.plan,
        "schedule",
        schedule(recalculated[`fake${i}`]),
        addresses
      );
      expect(result.mismatches, c.scenario.name).toEqual([]);
    }
  });
});

describe("whole numbers within 1e-9, decided alike by the engine and the sheet", () => {
  // Layer 6 needs 12.0000000024 exact: rounded up it would be 13, but the cap (layer 6's own
  // 12.0000000024, more than 1e-9 above 12) allows 12 whole contracts (SPEC §3.5).
  it("plans 4 layers and whole contracts 2, 4, 7, 9, 11, 12 (the cap) on the edge", () => {
    expect(namedValue(edge, "ALVH_Layers")).toBe(4);
    const rows = layerRows(edge);
    rows.forEach((row, k) =>
      expect(Math.abs((row[EXACT] as number) - 2.0000000004 * (k + 1))).toBeLessThan(1e-12)
    );
    expect(rows.map((row) => row[WHOLE])).toEqual([2, 4, 7, 9, 11, 12]);
  });

  it.each(["edgePlan", "edgeFake"])("LibreOffice recomputes the same counts (%s)", (file) => {
    const result = compareFormulas(edge, "schedule", schedule(recalculated[file]));
    expect(result.mismatches).toEqual([]);
    expect(result.checked).toBeGreaterThan(60);
  });
});

describe("issue 14's worked example, recomputed in LibreOffice", () => {
  const at = (name: string): string =>
    worked.plan.names.find((n) => n.name === name)!.address.replace(/\$/g, "");
  const value = (file: string, name: string): unknown =>
    schedule(recalculated[file]).cells.get(at(name))?.value;
  const layerTable = (file: string): unknown[][] => {
    const first = parseCellAddress(at("ALVH_LayerTable").split(":")[0])!;
    const header = layerRows(worked.plan)[0].length;
    return [0, 1, 2].map((r) =>
      Array.from(
        { length: header },
        (_, c) =>
          schedule(recalculated[file]).cells.get(cellAddress(first.row + r, first.col + c))?.value
      )
    );
  };
  const index = worked.plan.blocks.find((b) => b.id === "layers")!.cells[1].map(valueOf);
  const col = (header: string): number => index.indexOf(header);
  const tau = (worked.scenario.expected as unknown as { hedgeDays: number }).hedgeDays / 365;

  it("shows VIX triggers 14.29 / 15.09 / 15.88, rounded up", () => {
    expect(layerTable("plan" + cases.indexOf(worked)).map((r) => r[col("VIX trigger")])).toEqual([
      14.29, 15.09, 15.88,
    ]);
  });

  it("holds whole contracts within the cap and says the coverage they hold", () => {
    const file = "plan" + cases.indexOf(worked);
    const capContracts = value(file, "ALVH_CapContracts") as number;
    for (const row of layerTable(file)) {
      const whole = row[col("Whole contracts, cumulative")] as number;
      expect(whole).toBeLessThanOrEqual(Math.floor(capContracts + 1e-9));
      expect(row[col("Coverage held")] as number).toBeLessThanOrEqual(0.6 + 1e-12);
      expect(row[col("Coverage held")] as number).toBeGreaterThan(0);
    }
  });

  it("estimates the future with beta e^(-5.9 tau) and a non-zero cost labelled as an estimate", () => {
    const file = "plan" + cases.indexOf(worked);
    expect(close(value(file, "ALVH_Beta"), Math.exp(-5.9 * tau))).toBe(true);
    expect(close(value(file, "ALVH_VixFuture"), 19.4 + (18 - 19.4) * Math.exp(-5.9 * tau))).toBe(
      true
    );
    const costs = layerTable(file).map((r) => r[col("Est. cost ($)")] as number);
    expect(costs.every((cost) => cost > 0)).toBe(true);
    expect(layerTable(file).map((r) => r[col("Cost is")])).toEqual(
      Array(3).fill("contango cost (estimate, a lower bound)")
    );
    expect(value(file, "ALVH_Carry")).toMatch(
      /^contango: costs \$\d+ per contract if VIX stays at 18 \(estimated future: a lower bound\)$/
    );
  });

  it("moves the estimated future when the trader edits VIX on the sheet", () => {
    const future = 19.4 + (EDITED_VIX - 19.4) * Math.exp(-5.9 * tau);
    expect(close(value("workedEdited", "ALVH_VixFuture"), future)).toBe(true);
    expect(close(value("workedEdited", "ALVH_UnitCost"), future - EDITED_VIX)).toBe(true);
    expect(value("workedEdited", "ALVH_Carry")).toMatch(
      /^backwardation: gains \$[\d,]+ per contract if VIX stays at 25/
    );
    expect(close(value("workedEdited", "ALVH_Beta"), Math.exp(-5.9 * tau))).toBe(true);
  });
});

describe("text stays text", () => {
  it.each(["hostilePlan", "hostileFake"])(
    "labels and notes starting with = + - @ are still text after LibreOffice (%s)",
    (file) => {
      const book = recalculated[file];
      const table = sheetNamed(book, "ALVH Positions");
      const block = hostilePlan.blocks.find((b) => b.id === "positions")!;
      HOSTILE_LABELS.forEach((label, i) => {
        const inTable = table.cells.get(`A${i + 2}`);
        const inSchedule = schedule(book).cells.get(cellAddress(block.row + 2 + i, block.col));
        const note = table.cells.get(`K${i + 2}`);
        for (const [cell, text] of [
          [inTable, label],
          [inSchedule, label],
          [note, hostilePositions[i].notes],
        ] as const) {
          expect(cell, `${file} ${text}`).toMatchObject({ type: "s", value: text, formula: null });
        }
      });
    }
  );
});

describe("the harness", () => {
  it("proves LibreOffice recalculated: wrong cached values replaced, _xlfn functions evaluated", () => {
    const before = sheetNamed(written.scratch, "Scratch");
    const after = sheetNamed(recalculated.scratch, "Scratch");
    for (const [address, expected] of Object.entries(SCRATCH_EXPECTED)) {
      expect(before.cells.get(address)?.value, `cached ${address}`).toBeGreaterThanOrEqual(999);
      const got = after.cells.get(address)?.value;
      if (typeof expected === "number")
        expect(close(got, expected), `${address} got ${String(got)}`).toBe(true);
      else expect(got).toBe(expected);
    }
    expect(before.cells.get("B1")?.formula).toBe("_xlfn.CEILING.MATH(A1,5)");
  });
});
