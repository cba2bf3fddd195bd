import { describe, expect, it } from "vitest";
import { isoFromSerial } from "../../src/core";
import { computeFigures } from "../../src/workbook/figures";
import { DEFAULT_SETTINGS, validateSettings } from "../../src/workbook/settings";
import { makePosition } from "./helpers";

// Issue 14, observation 8: a closure announced after the table's last entry could not be added.
describe("the trader's closures reach the hedge expiry", () => {
  const positions = [makePosition("March")]; // expires 2025-03-21
  const market = { spot: 5700, vix: 18 };
  const at = 45700; // 2025-02-12
  const hedgeExpiry = (closures: string) =>
    isoFromSerial(
      computeFigures(positions, validateSettings({ ...DEFAULT_SETTINGS, closures }), market, at)
        .hedge.expiry
    );

  it("moves an expiry Wednesday that closes unexpectedly to the next business day", () => {
    expect(hedgeExpiry("")).toBe("2025-04-16");
    expect(hedgeExpiry("2025-04-16")).toBe("2025-04-17");
    expect(hedgeExpiry("2025-04-09, 2025-05-02")).toBe("2025-04-16");
  });
});
