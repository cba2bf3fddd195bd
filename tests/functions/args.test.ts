import { describe, expect, it } from "vitest";
import { AlvhError } from "../../src/core";
import {
  legVols,
  optionType,
  optionalChoice,
  optionalNumber,
  requiredDate,
  requiredNumber,
} from "../../src/functions/args";

function failure(run: () => unknown): AlvhError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AlvhError);
    return error as AlvhError;
  }
  throw new Error("expected an AlvhError");
}

describe("numbers", () => {
  it("passes finite numbers through", () => {
    expect(requiredNumber("spot", 5700.25)).toBe(5700.25);
    expect(requiredNumber("rate", -0.01)).toBe(-0.01);
    expect(optionalNumber("contracts", 0)).toBe(0);
  });

  it("an omitted optional argument (null, undefined or empty) is undefined", () => {
    expect(optionalNumber("contracts", null)).toBeUndefined();
    expect(optionalNumber("contracts", undefined)).toBeUndefined();
    expect(optionalNumber("contracts", "")).toBeUndefined();
    expect(optionalNumber("contracts", "  ")).toBeUndefined();
  });

  it("a missing required argument says it is required", () => {
    for (const missing of [null, undefined, ""]) {
      const error = failure(() => requiredNumber("spot", missing));
      expect(error.argument).toBe("spot");
      expect(error.message).toBe("spot is required: enter a number");
    }
  });

  it("a logical value, text or a range where a number is wanted says so", () => {
    expect(failure(() => requiredNumber("spot", true)).message).toBe(
      "spot must be a number, not the logical value TRUE"
    );
    expect(failure(() => optionalNumber("rate", false)).message).toBe(
      "rate must be a number, not the logical value FALSE"
    );
    expect(failure(() => requiredNumber("credit", "12.35")).message).toBe(
      'credit "12.35" is text: enter it as a number, without quotes'
    );
    expect(failure(() => requiredNumber("credit", "twelve")).message).toBe(
      'credit must be a number (got "twelve")'
    );
    expect(failure(() => requiredNumber("edr", [[1, 2]])).message).toBe(
      "edr must be one number, not a range"
    );
  });

  it("NaN and infinities are out of domain (#NUM!)", () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const error = failure(() => requiredNumber("dte", bad));
      expect(error.kind).toBe("num");
      expect(error.message).toContain("dte must be a finite number");
    }
  });
});

describe("dates", () => {
  it("takes Excel serials", () => {
    expect(requiredDate("date", 45658)).toBe(45658);
  });

  it("rejects date text with the DATE() hint", () => {
    expect(failure(() => requiredDate("date", "2025-01-01")).message).toBe(
      'date must be a date (an Excel date serial, e.g. DATE(2025,1,1) = 45658), got "2025-01-01"'
    );
    expect(failure(() => requiredDate("date", null)).message).toBe(
      "date is required: enter a number"
    );
  });
});

describe("words", () => {
  it("option types in any case, c/p too", () => {
    expect(optionType("type", "CALL")).toBe("call");
    expect(optionType("type", " p ")).toBe("put");
    expect(failure(() => optionType("type", "straddle")).argument).toBe("type");
  });

  it("choices are case-insensitive and undefined when omitted", () => {
    const outputs = ["price", "delta"] as const;
    expect(optionalChoice("output", " Delta", outputs)).toBe("delta");
    expect(optionalChoice("output", null, outputs)).toBeUndefined();
    expect(optionalChoice("output", undefined, outputs)).toBeUndefined();
    expect(failure(() => optionalChoice("output", "vanna", outputs)).message).toBe(
      'output must be one of "price", "delta" (got "vanna")'
    );
    expect(failure(() => optionalChoice("output", 3, outputs)).message).toBe(
      'output must be one of "price", "delta" (got 3)'
    );
  });
});

describe("ICGREEKS vol", () => {
  it("one number, or a 1×1 range, is one vol for every leg", () => {
    expect(legVols("vol", 0.16)).toBe(0.16);
    expect(legVols("vol", [[0.16]])).toBe(0.16);
  });

  it("a 1×4 row or a 4×1 column is one vol per leg in leg order", () => {
    expect(legVols("vol", [[0.22, 0.19, 0.13, 0.12]])).toEqual([0.22, 0.19, 0.13, 0.12]);
    expect(legVols("vol", [[0.22], [0.19], [0.13], [0.12]])).toEqual([0.22, 0.19, 0.13, 0.12]);
  });

  it("any other shape names the shape it got", () => {
    expect(
      failure(() =>
        legVols("vol", [
          [0.2, 0.2],
          [0.2, 0.2],
        ])
      ).message
    ).toBe(
      "vol must be one number or a 1×4 range (one vol per leg: longPut, shortPut, shortCall, longCall), got a 2×2 range"
    );
    expect(failure(() => legVols("vol", [[0.2, 0.2, 0.2]])).message).toContain("got a 1×3 range");
  });

  it("a bad cell names its leg", () => {
    const error = failure(() => legVols("vol", [[0.2, 0.2, true, 0.2]]));
    expect(error.message).toBe("vol for shortCall must be a number, not the logical value TRUE");
  });
});
