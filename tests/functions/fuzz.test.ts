import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type CellFunction, loadBundle, StubCellError } from "./bundle";
import { SPEC_FUNCTIONS } from "./catalog";

// Hostile input through the built bundle, as Excel calls it (issue 8): whatever a trader pastes,
// a cell gets a finite result of the documented shape or a #VALUE!/#NUM! with a message, never
// NaN, Infinity, undefined or a JavaScript exception. ALVH_FUZZ_RUNS=100000 runs a longer search.

const RUNS = Math.max(1000, Number(process.env.ALVH_FUZZ_RUNS) || 0);

let fns: Map<string, CellFunction>;
beforeAll(() => {
  fns = loadBundle().registered;
});

/** A valid call of each function, so that mutations reach the computation, not only the checks. */
const VALID: Record<string, unknown[]> = {
  BREAKEVEN: [5500, 5900, 12.35, 5400, 5925],
  MAXPROFIT: [5400, 5500, 5900, 6000, 12.35, 2, 100],
  MAXLOSS: [5400, 5500, 5900, 6050, 12.35, 2, 100],
  ICPAYOFF: [5460, 5400, 5500, 5900, 6000, 12.35, 2, 100],
  ICGREEKS: [5700, 5400, 5500, 5900, 6000, 30, [[0.22, 0.19, 0.13, 0.12]], 2, 0.045, 0.013, 100],
  POP: [5700, 5487.65, 5912.35, 30, 0.16, 0.045, 0.013],
  BSPRICE: ["call", 5700, 5600, 30, 0.16, 0.045, 0.013, "delta"],
  BLACK76: ["put", 20, 22, 35, 0.9, 0.045, "vega"],
  EXPECTEDMOVE: [5700, 18, 5, 252],
  EDR: [18, 252, 1],
  LAYERS: [1.02, 0.9, 0.05, 4],
  COVERAGE: [1.02, 0.25, 0.6, 0.9, 0.05],
  LAYERDEPTH: [1.02, 2, 0.9, 0.05, "stepped", 10],
  HEDGERATIO: [-4800, 0.5, 0.6, 1, 1000],
  SCHEDULE: [4800, 0.25, 0.6, 0.9, 0.05, 0.6, 1, 1000],
  VIXEXPIRY: [45444, 3],
  REPLAY: [...replayColumns(), 0.2, 0.05, 10, 0.9, 0.05, 0.25, 0.6, 5.9, 19.4, 1],
  BSM: ["put", 5700, 5600, 30, 0.16, 0.045, 0.013, "vega"],
  VIXTERM: [18, 60, 5.9, 19.4, "beta"],
  SMA: [[[18.5], [19.2], [21.04], [20.4], [22.8]], 3],
  EMA: [[[18.5], [19.2], [21.04], [20.4], [22.8]], 3],
  RSI: [[[18.5], [19.2], [21.04], [20.4], [22.8], [21.9], [24.6]], 3],
  MACD: [[[18.5], [19.2], [21.04], [20.4], [22.8], [21.9], [24.6], [23.7]], 2, 4, 3],
  ADLINE: [
    [[1850], [1320], [2210]],
    [[1100], [1640], [780]],
  ],
  SCENARIO: [
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
    2,
    77,
    10,
    [[-0.05, 0.05]],
    [[0, 10]],
    "net",
    1,
    5.9,
    19.4,
  ],
};

/** 54 business days, 2025-01-02 to 2025-03-21, with moving SPX and VIX: two cycles to replay. */
function replayColumns(): number[][][] {
  const dates: number[] = [];
  for (let serial = 45659; dates.length < 54; serial++) {
    if (![0, 6].includes((serial + 6) % 7)) dates.push(serial);
  }
  return [
    dates.map((d) => [d]),
    dates.map((_, i) => [5000 + 40 * Math.sin(i / 3)]),
    dates.map((_, i) => [14 + 8 * Math.abs(Math.sin(i / 5))]),
  ];
}

/** SPEC §3.9's signal columns: as many rows as the input range has cells, "" where undefined. */
const SIGNAL_WIDTHS: Record<string, number> = { SMA: 1, EMA: 1, RSI: 1, MACD: 3, ADLINE: 1 };

function expectSignalColumns(id: string, args: unknown[], result: unknown): void {
  expect(Array.isArray(result), `${id} spills a range`).toBe(true);
  const rows = result as unknown[][];
  const input = args[0];
  const cells = !Array.isArray(input)
    ? 1
    : input.length === 1
      ? [input[0]].flat().length
      : input.length;
  expect(rows).toHaveLength(cells);
  let numbers = 0;
  for (const row of rows) {
    expect(row).toHaveLength(SIGNAL_WIDTHS[id]);
    for (const cell of row) {
      if (cell === "") continue;
      expectFinite(cell);
      numbers++;
      if (id === "RSI") expect(cell as number).toBeGreaterThanOrEqual(0);
      if (id === "RSI") expect(cell as number).toBeLessThanOrEqual(100);
    }
  }
  expect(numbers, `${id} spills at least one number`).toBeGreaterThan(0);
}

const specialNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.EPSILON,
  1e-300,
  1e300,
  2 ** 53 + 1,
  -1
);
const text = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "abc",
    "12",
    "0.16",
    "16%",
    "call",
    "PUT",
    " c ",
    "p",
    "Price",
    "RHO",
    "stepped",
    "LINEAR",
    "#N/A",
    "=1+1"
  ),
  fc.string({ maxLength: 12 })
);
const scalar = fc.oneof(
  { weight: 4, arbitrary: fc.double() },
  { weight: 3, arbitrary: specialNumber },
  { weight: 2, arbitrary: fc.integer({ min: -100_000, max: 100_000 }) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) }
);
/** Ranges of any shape: empty, 1×1, rows, columns, jagged, holding any scalar. */
const range = fc.oneof(
  fc.constantFrom([], [[]], [[], []]),
  fc.array(fc.array(scalar, { maxLength: 5 }), { minLength: 1, maxLength: 5 }),
  fc.array(fc.double({ min: 0.01, max: 3 }), { minLength: 1, maxLength: 6 }).map((row) => [row]),
  fc
    .array(fc.double({ min: 0.01, max: 3 }), { minLength: 1, maxLength: 6 })
    .map((col) => col.map((v) => [v]))
);
const hostile = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: range });

/** A valid argument bent: scaled by any factor, nudged, or replaced by something hostile. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [fc.constant(valid), hostile];
  if (typeof valid === "number") {
    options.push(
      fc.double({ noNaN: true }).map((factor) => valid * factor),
      fc.constantFrom(1e-12, -1e-12, 1e-6, 1, -1, 100).map((delta) => valid + delta),
      fc.constantFrom(0.5, 2, 10, 100, 1e6, 1e-6, -1).map((factor) => valid * factor)
    );
  }
  return fc.oneof(...options);
}

/** The documented shape of each result (SPEC §4), and the ranges its values must stay in. */
function expectDocumented(id: string, args: unknown[], result: unknown): void {
  if (id in SIGNAL_WIDTHS) return expectSignalColumns(id, args, result);
  if (id === "REPLAY") {
    const rows = result as unknown[][];
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual(["metric", "unhedged", "static", "ALVH"]);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(4);
      expect(typeof row[0]).toBe("string");
      row.slice(1).forEach(expectFinite);
    }
    return;
  }
  const shapes: Record<string, [number, number]> = { BREAKEVEN: [1, 2], ICGREEKS: [1, 5] };
  if (id === "BREAKEVEN" || id === "ICGREEKS" || id === "SCHEDULE") {
    expect(Array.isArray(result), `${id} spills a range`).toBe(true);
    const rows = result as unknown[][];
    if (id === "SCHEDULE") expect(rows.length).toBeGreaterThan(0);
    else expect(rows).toHaveLength(shapes[id][0]);
    for (const row of rows) {
      expect(Array.isArray(row)).toBe(true);
      expect(row).toHaveLength(id === "SCHEDULE" ? 7 : shapes[id][1]);
      // A broken-wing side of BREAKEVEN has no break-even: #N/A with its message (SPEC §3.2).
      for (const cell of row) {
        if (id === "BREAKEVEN" && cell instanceof StubCellError) expectNotAvailable(cell);
        else expectFinite(cell);
      }
    }
    if (id === "SCHEDULE") {
      rows.forEach((row, i) => {
        expect(row[0]).toBe(i + 1);
        expect(Number.isInteger(row[5]) && (row[5] as number) >= 0).toBe(true);
        // Whole contracts never break the cap: the coverage they hold is at most the cap (≤ 1).
        expect((row[6] as number) >= 0 && (row[6] as number) <= 1 + 1e-9).toBe(true);
      });
    }
    return;
  }
  if (id === "SCENARIO") {
    // A header row of VIX moves and a header column of SPX moves around at least one cell.
    const rows = result as number[][];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toHaveLength(rows[0].length);
      for (const cell of row) expectFinite(cell);
    }
    expect(rows[0].length).toBeGreaterThanOrEqual(2);
    return;
  }
  expectFinite(result);
  const value = result as number;
  if (id === "POP") expect(value >= 0 && value <= 1).toBe(true);
  if (id === "VIXTERM") expect(value).toBeGreaterThanOrEqual(0);
  if (id === "LAYERS") expect(Number.isInteger(value) && value >= 0).toBe(true);
  if (id === "COVERAGE") expect(value >= 0 && value <= 1).toBe(true);
  if (id === "MAXLOSS" || id === "MAXPROFIT") expect(value).toBeGreaterThanOrEqual(0);
  if (id === "VIXEXPIRY") {
    expect(Number.isInteger(value)).toBe(true);
    expect(value).toBeGreaterThan(args[0] as number);
  }
}

function expectFinite(value: unknown): void {
  expect(
    typeof value === "number" && Number.isFinite(value),
    `${String(value)} is a finite number`
  ).toBe(true);
}

function expectNotAvailable(cell: StubCellError): void {
  expect(cell.code).toBe("#N/A");
  expect(cell.message).toMatch(
    /^no (lower|upper) break-even: the credit covers the (put|call) wing$/
  );
}

function expectCellError(error: unknown): void {
  expect(error, `${String(error)} is a CustomFunctions.Error`).toBeInstanceOf(StubCellError);
  const { code, message } = error as StubCellError;
  expect(["#VALUE!", "#NUM!"]).toContain(code);
  expect(typeof message === "string" && message.trim().length > 0).toBe(true);
}

function callChecked(id: string, args: unknown[]): void {
  let result: unknown;
  try {
    result = fns.get(id)!(...args);
  } catch (error) {
    expectCellError(error);
    return;
  }
  expectDocumented(id, args, result);
}

describe(`every function under hostile input (${RUNS} runs each)`, () => {
  it("covers every SPEC §4 function", () => {
    expect(Object.keys(VALID).sort()).toEqual(SPEC_FUNCTIONS.map((f) => f.id).sort());
  });

  for (const spec of SPEC_FUNCTIONS) {
    const count = spec.params.length;

    it(`${spec.id}: a valid call with arguments bent or replaced`, () => {
      const valid = VALID[spec.id];
      expectDocumented(spec.id, valid, fns.get(spec.id)!(...valid));
      fc.assert(
        fc.property(fc.tuple(...valid.map(mutated)), (args) => callChecked(spec.id, args)),
        { numRuns: RUNS }
      );
    });

    it(`${spec.id}: anything in every argument`, () => {
      fc.assert(
        fc.property(fc.array(hostile, { minLength: count, maxLength: count }), (args) =>
          callChecked(spec.id, args)
        ),
        { numRuns: RUNS }
      );
    });
  }
});
