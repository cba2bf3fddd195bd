import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AlvhError } from "../../src/core";
import { evaluate, toCellError } from "../../src/functions/errors";
import { hostRegistry } from "../../src/functions/registry";
import { StubCellError } from "./bundle";
import { cellError } from "../support/thrown";

const runtime = () => ({
  associate: vi.fn(),
  Error: StubCellError,
  ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!" },
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("with Excel's runtime", () => {
  beforeEach(() => {
    vi.stubGlobal("CustomFunctions", runtime());
  });

  it('maps kind "value" to #VALUE! and kind "num" to #NUM!, keeping the message', () => {
    const value = toCellError(new AlvhError("vol", "vol 16 looks like a percentage"));
    expect(value).toEqual(new StubCellError("#VALUE!", "vol 16 looks like a percentage"));
    const num = toCellError(new AlvhError("spot", "spot must be above 0 (got -1)", "num"));
    expect(num).toEqual(new StubCellError("#NUM!", "spot must be above 0 (got -1)"));
  });

  it("any other error is #VALUE! with a generic message, not the JavaScript details", () => {
    const error = toCellError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(error).toBeInstanceOf(StubCellError);
    expect((error as StubCellError).code).toBe("#VALUE!");
    expect(error.message).toMatch(/^ALVH could not compute this formula/);
    expect(error.message).not.toContain("undefined");
    expect((toCellError("a string") as StubCellError).code).toBe("#VALUE!");
  });

  it("evaluate throws the cell error for a failing computation", () => {
    const thrown = cellError(() =>
      evaluate(() => {
        throw new AlvhError("credit", "credit must be above 0 (got 0)", "num");
      })
    );
    expect(thrown).toEqual(new StubCellError("#NUM!", "credit must be above 0 (got 0)"));
  });

  it("evaluate turns a non-finite or empty result into #NUM!", () => {
    for (const bad of [Number.NaN, Infinity, [[1, Number.NaN]], [], [[]], [[1, 2], [3]]]) {
      const thrown = cellError(() => evaluate(() => bad as number | number[][]));
      expect(thrown).toBeInstanceOf(StubCellError);
      expect((thrown as StubCellError).code).toBe("#NUM!");
      expect((thrown as StubCellError).message).toContain("not a finite number");
    }
  });

  it("evaluate passes finite numbers and grids through", () => {
    expect(evaluate(() => -0.5)).toBe(-0.5);
    expect(evaluate(() => [[1, 2]])).toEqual([[1, 2]]);
  });

  it("the registry forwards to Excel's CustomFunctions.associate", () => {
    const fn = () => 1;
    hostRegistry.associate("EDR", fn);
    const host = (globalThis as unknown as { CustomFunctions: ReturnType<typeof runtime> })
      .CustomFunctions;
    expect(host.associate).toHaveBeenCalledWith("EDR", fn);
  });
});

describe("without Excel's runtime (the standalone page)", () => {
  it("the registry does nothing instead of throwing", () => {
    expect("CustomFunctions" in globalThis).toBe(false);
    expect(() => hostRegistry.associate("EDR", () => 1)).not.toThrow();
  });

  it("errors stay AlvhErrors, and others become one with the generic message", () => {
    const original = new AlvhError("vol", "vol must be above 0", "num");
    expect(toCellError(original)).toBe(original);
    const other = toCellError(new RangeError("boom"));
    expect(other).toBeInstanceOf(AlvhError);
    expect(other.message).toMatch(/^ALVH could not compute this formula/);
  });
});
