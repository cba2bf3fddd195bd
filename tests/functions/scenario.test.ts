import { beforeAll, describe, expect, it } from "vitest";
import { WORKED_EXAMPLE } from "../core/references/scenario-cases";
import { type CellFunction, loadBundle } from "./bundle";
import { cellError } from "../support/thrown";
import { close } from "../support/close";

// =ALVH.SCENARIO through the built bundle, against the mpmath grids of
// tests/core/references/scenario.json (scenario.py, SPEC §3.8).

let scenario: CellFunction;

beforeAll(() => {
  scenario = loadBundle().registered.get("SCENARIO")!;
});

/** The worked example's arguments (SPEC §4 order), with the optional tail given. */
const WORKED = [6000, 5850, 5900, 6100, 6150, 15, 45, 0.18, 18, 5, 2, 77];

function expectGrid(
  table: number[][],
  expected: number[][],
  xs: readonly number[],
  dvs: readonly number[],
  h: number
) {
  expect(table[0]).toEqual([h, ...dvs]);
  expect(table.map((row) => row[0]).slice(1)).toEqual(xs);
  expected.forEach((row, i) =>
    row.forEach((want, j) =>
      expect(
        close(table[i + 1][j + 1], want),
        `[${i}][${j}] ${table[i + 1][j + 1]} vs ${want}`
      ).toBe(true)
    )
  );
}

describe("=ALVH.SCENARIO (SPEC §3.8, §4)", () => {
  it("gives issue 15's worked example to 1e-9: net, condor and hedge on the default grid", () => {
    const { spxMoves, vixMoves } = WORKED_EXAMPLE.moves;
    for (const output of ["net", "condor", "hedge"] as const) {
      const table = scenario(...WORKED, null, null, null, output) as number[][];
      expectGrid(table, WORKED_EXAMPLE.expected[output], spxMoves, vixMoves, 0);
    }
    // Omitted output is "net"; an omitted tail the same as the defaults typed in.
    expect(scenario(...WORKED)).toEqual(scenario(...WORKED, 0, null, null, "NET", 1, 5.9, 19.4));
  });

  it("takes custom moves as a row or a column, and the horizon", () => {
    const xs = [-0.05, 0, 0.025];
    const dvs = [0, 10];
    const asRow = scenario(...WORKED, 10, [xs], [dvs]) as number[][];
    const asColumn = scenario(
      ...WORKED,
      10,
      xs.map((x) => [x]),
      dvs.map((v) => [v])
    ) as number[][];
    expect(asColumn).toEqual(asRow);
    const tenDays = scenario(...WORKED, 10) as number[][];
    expect(asRow[1].slice(1)).toEqual([tenDays[3][2], tenDays[3][4]]);
    expect(scenario(...WORKED, 10, [[0.1]], 5)).toEqual([
      [10, 5],
      [0.1, tenDays[9][3]],
    ]);
  });

  it("takes one vol per leg as a 1×4 range", () => {
    const one = scenario(6000, 5850, 5900, 6100, 6150, 15, 45, [[0.18]], 18);
    const four = scenario(6000, 5850, 5900, 6100, 6150, 15, 45, [[0.18, 0.18, 0.18, 0.18]], 18);
    expect(four).toEqual(one);
  });

  it("without a hedge, net is the condor and the hedge is 0", () => {
    const net = scenario(6000, 5850, 5900, 6100, 6150, 15, 45, 0.18, 18, 5) as number[][];
    const condor = scenario(...WORKED, null, null, null, "condor");
    expect(net).toEqual(condor);
    const hedge = scenario(
      6000,
      5850,
      5900,
      6100,
      6150,
      15,
      45,
      0.18,
      18,
      5,
      0,
      null,
      null,
      null,
      null,
      "hedge"
    ) as number[][];
    expect(hedge.slice(1).every((row) => row.slice(1).every((v) => v === 0))).toBe(true);
  });

  const cases: [string, unknown[], string, string][] = [
    ["VIX + ΔV below 1", [...WORKED, null, null, [[-18]]], "#NUM!", "vixMoves"],
    [
      "hedge without days",
      [6000, 5850, 5900, 6100, 6150, 15, 45, 0.18, 18, 5, 2],
      "#VALUE!",
      "hedgeDays is required",
    ],
    [
      "a block of moves",
      [
        ...WORKED,
        null,
        [
          [0, 0.1],
          [0.2, 0.3],
        ],
      ],
      "#VALUE!",
      "spxMoves must be one row or one column",
    ],
    [
      "an empty cell in the moves",
      [...WORKED, null, [[0, ""]]],
      "#VALUE!",
      "spxMoves has an empty cell",
    ],
    ["a move in percent", [...WORKED, null, [[-5, 5]]], "#NUM!", "−0.05 for −5 %"],
    ["an unknown output", [...WORKED, null, null, null, "total"], "#VALUE!", "output"],
    ["vol in percent", [6000, 5850, 5900, 6100, 6150, 15, 45, 18, 18], "#VALUE!", "enter 0.18"],
    ["negative horizon", [...WORKED, -1], "#NUM!", "horizonDays"],
    ["crossed strikes", [6000, 5900, 5850, 6100, 6150, 15, 45, 0.18, 18], "#VALUE!", "shortPut"],
    [
      "VIX as a decimal",
      [
        6000,
        5850,
        5900,
        6100,
        6150,
        15,
        45,
        0.18,
        18,
        1,
        0,
        null,
        null,
        null,
        null,
        null,
        1,
        5.9,
        0.194,
      ],
      "#VALUE!",
      "longRunVix",
    ],
    [
      "spot VIX as a decimal",
      [6000, 5850, 5900, 6100, 6150, 15, 45, 0.18, 0.18],
      "#VALUE!",
      "vix 0.18 looks like a decimal: enter VIX in points, 18",
    ],
  ];
  for (const [what, args, code, mention] of cases) {
    it(`${what} → ${code} mentioning ${mention}`, () => {
      const error = cellError(() => scenario(...args));
      expect(error.code).toBe(code);
      expect(error.message).toContain(mention);
    });
  }
});
