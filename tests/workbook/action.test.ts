import { describe, expect, it } from "vitest";
import { serialFromYmd } from "../../src/core";
import {
  actionText,
  hedgeMonth,
  hedgeNoun,
  nextTriggerText,
  vxSymbol,
} from "../../src/workbook/action";
import { computeFigures } from "../../src/workbook/figures";
import type { HedgeSettings } from "../../src/workbook/model";
import { DEFAULT_SETTINGS, validateSettings } from "../../src/workbook/settings";

// 2027-02-17 is the Feb-27 VIX expiry (the Wednesday 30 days before the March SPX expiry).
const FEB_27 = serialFromYmd(2027, 2, 17);

/** The schedule's layer rows at this VIX (the condor does not move the triggers). */
function rowsAt(vix: number, settings: HedgeSettings) {
  const condor = {
    label: "IC",
    expiry: 45703,
    longPut: 5800,
    shortPut: 5850,
    shortCall: 6100,
    longCall: 6150,
    credit: 15,
    contracts: 5,
    entryDate: null,
    impliedVol: 0.18,
    notes: "",
  };
  return computeFigures([condor], validateSettings(settings), { spot: 6000, vix }, 45658.5).rows;
}

describe("the action line (issue 18)", () => {
  it("names the VX contract by its month code and year digit", () => {
    expect(vxSymbol(FEB_27)).toBe("VXG7");
    expect(vxSymbol(serialFromYmd(2026, 1, 21))).toBe("VXF6");
    expect(vxSymbol(serialFromYmd(2029, 12, 19))).toBe("VXZ9");
    expect(vxSymbol(serialFromYmd(2026, 7, 22))).toBe("VXN6");
    expect(hedgeMonth(FEB_27)).toBe("Feb-27");
  });

  it("says what to hold and what to trade now", () => {
    const hedge = { target: 2, held: 1, expiry: FEB_27, instrument: "future" as const };
    expect(actionText(hedge)).toBe("Hold 2 VIX Feb-27 futures (VXG7) — buy 1 more");
    expect(actionText({ ...hedge, held: 0 })).toBe("Hold 2 VIX Feb-27 futures (VXG7) — buy 2");
    expect(actionText({ ...hedge, held: 5 })).toBe("Hold 2 VIX Feb-27 futures (VXG7) — sell 3");
    expect(actionText({ ...hedge, target: 1, held: 1 })).toBe(
      "Hold 1 VIX Feb-27 future (VXG7) — nothing to trade"
    );
    expect(actionText({ ...hedge, instrument: "call" })).toBe(
      "Hold 2 VIX Feb-27 calls — buy 1 more"
    );
  });

  it("gives the next layer's VIX trigger, rounded up as shown (SPEC §3.5)", () => {
    // EDR = VIX/√252. VIX 15: EDR 0.9449 %, 1 layer; layer 2 at 0.95 % → VIX 15.0808 → 15.09.
    expect(nextTriggerText(rowsAt(15, DEFAULT_SETTINGS))).toBe("next layer at VIX 15.09");
    // VIX 14: EDR 0.882 %, no layer; layer 1 at 0.90 % → VIX 14.2871 → 14.29.
    expect(nextTriggerText(rowsAt(14, DEFAULT_SETTINGS))).toBe("next layer at VIX 14.29");
    // VIX 18: 5 layers, but 0.25 a layer reaches the cap 0.6 with ⌈0.6/0.25⌉ = 3.
    expect(nextTriggerText(rowsAt(18, DEFAULT_SETTINGS))).toBe("cap reached: no further layer");
    // With 0.1 a layer there are 6; layer 6 at 1.15 % → VIX 18.2557 → 18.26.
    expect(nextTriggerText(rowsAt(18, { ...DEFAULT_SETTINGS, perLayer: 0.1 }))).toBe(
      "next layer at VIX 18.26"
    );
  });
});

describe("hedgeNoun", () => {
  it("is singular for one contract (or minus one), plural otherwise, for futures and calls", () => {
    expect([0, 1, -1, 2].map((n) => hedgeNoun("future", n))).toEqual([
      "futures",
      "future",
      "future",
      "futures",
    ]);
    expect([1, 3].map((n) => hedgeNoun("call", n))).toEqual(["call", "calls"]);
  });
});
