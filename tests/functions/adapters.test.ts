import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as functions from "../../src/functions/functions";
import { hostRegistry } from "../../src/functions/registry";
import { StubCellError } from "./bundle";
import { cellError } from "../support/thrown";

// The adapters called directly, as Excel calls them: an omitted optional argument is null (or
// undefined on some hosts), never the TypeScript default. Each must then behave exactly as if the
// trader had typed SPEC §4's default.

beforeAll(() => {
  vi.stubGlobal("CustomFunctions", {
    associate: () => undefined,
    Error: StubCellError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!" },
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
});

type Adapter = (...args: never[]) => unknown;

// [adapter, required arguments, SPEC's defaults of the optional ones that have one]
const cases: [string, Adapter, unknown[], unknown[]][] = [
  ["MAXPROFIT", functions.maxProfit, [5400, 5500, 5900, 6000, 12.35], [1, 100]],
  ["MAXLOSS", functions.maxLoss, [5400, 5500, 5900, 6050, 12.35], [1, 100]],
  ["ICPAYOFF", functions.icPayoff, [5450, 5400, 5500, 5900, 6000, 12.35], [1, 100]],
  ["ICGREEKS", functions.icGreeks, [5700, 5400, 5500, 5900, 6000, 30, 0.16], [1, 0, 0, 100]],
  ["POP", functions.pop, [5700, 5490, 5910, 30, 0.16], [0, 0]],
  ["BS", functions.bs, ["put", 5700, 5600, 30, 0.16], [0, 0, "price"]],
  ["BLACK76", functions.black76, ["call", 20, 22, 35, 0.9], [0, "price"]],
  ["EXPECTEDMOVE", functions.expectedMove, [5700, 18], [1, 252]],
  ["EDR", functions.edr, [18], [252, 1]],
  ["LAYERS", functions.layers, [1.12], [0.9, 0.05]],
  ["COVERAGE", functions.coverage, [0.97], [0.25, 0.6, 0.9, 0.05]],
  ["LAYERDEPTH", functions.layerDepth, [1.07, 3], [0.9, 0.05, "linear"]],
  ["HEDGERATIO", functions.hedgeRatio, [-6200, 0.35], [1, 1, 1000]],
  ["SCHEDULE", functions.schedule, [5100], [0.25, 0.6, 0.9, 0.05, 1, 1, 1000]],
  ["VIXEXPIRY", functions.vixExpiry, [45444], [1]],
  ["BSM", functions.bsmAlias, ["put", 5700, 5600, 30, 0.16], [0, 0, "price"]],
  ["VIXTERM", functions.vixTerm, [18, 60], [5.9, 19.4, "future"]],
  [
    "SCENARIO",
    functions.scenario,
    [6000, 5850, 5900, 6100, 6150, 15, 45, 0.18, 18],
    [
      1,
      0,
      null,
      0,
      [[-0.1, -0.075, -0.05, -0.025, 0, 0.025, 0.05, 0.075, 0.1]],
      [[-5, 0, 5, 10, 15, 20, 30]],
      "net",
      1,
      5.9,
      19.4,
    ],
  ],
];

describe("omitted optional arguments take SPEC §4's defaults", () => {
  for (const [id, adapter, required, defaults] of cases) {
    const call = (...args: unknown[]) => (adapter as (...a: unknown[]) => unknown)(...args);

    it(`${id}: null, undefined or nothing equal the explicit defaults`, () => {
      const explicit = call(...required, ...defaults);
      expect(call(...required, ...defaults.map(() => null))).toEqual(explicit);
      expect(call(...required, ...defaults.map(() => undefined))).toEqual(explicit);
      expect(call(...required)).toEqual(explicit);
    });

    it(`${id}: each default on its own is the same as omitting it`, () => {
      const explicit = call(...required, ...defaults);
      defaults.forEach((_, i) => {
        const args = [...defaults];
        args[i] = null;
        expect(call(...required, ...args), `argument ${required.length + i + 1}`).toEqual(explicit);
      });
    });
  }

  it("a given optional argument is used, not the default", () => {
    expect(functions.maxProfit(5400, 5500, 5900, 6000, 12.35, 3)).toBeCloseTo(3705, 9);
    expect(functions.edr(18, 365)).toBeCloseTo(18 / Math.sqrt(365), 12);
    expect(functions.layerDepth(1.07, 3, null as never, null as never, "STEPPED")).toBe(12);
  });
});

describe("the functions module", () => {
  it("binds the appended associate calls to the registry, not to the global", () => {
    expect(functions.CustomFunctions).toBe(hostRegistry);
  });

  it("exports exactly the adapters and that binding", () => {
    const exported = Object.keys(functions).sort();
    expect(exported).toEqual(
      [
        "CustomFunctions",
        "black76",
        "breakEven",
        "bs",
        "bsmAlias",
        "coverage",
        "edr",
        "expectedMove",
        "hedgeRatio",
        "icGreeks",
        "icPayoff",
        "layerDepth",
        "layers",
        "maxLoss",
        "maxProfit",
        "pop",
        "replay",
        "schedule",
        "vixExpiry",
        "vixTerm",
        "sma",
        "ema",
        "rsi",
        "macd",
        "adLine",
        "scenario",
      ].sort()
    );
  });

  it("throws Excel's error type, never a plain JavaScript error", () => {
    // Excel passes whatever text was typed; the enum type only drives autocomplete.
    const thrown = cellError(() =>
      functions.bs("call" as Parameters<typeof functions.bs>[0], 42, 40, 182.5, 16)
    );
    expect(thrown).toBeInstanceOf(StubCellError);
    expect((thrown as StubCellError).message).toBe(
      "vol 16 looks like a percentage: enter 0.16 for 16 %"
    );
  });
});
