import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/taskpane/format";

// Expected strings are what Excel displays for these values under these en-US format codes.
describe("formatNumber shows values as Excel does under the plan's formats", () => {
  it.each([
    [5700.25, "#,##0.00", "5,700.25"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [-16000, "$#,##0.00", "-$16,000.00"],
    [4000, "$#,##0.00", "$4,000.00"],
    [1.1338934190276817, "0.000", "1.134"],
    [0.6, "0%", "60%"],
    [0.165, "0.0%", "16.5%"],
    [0.96, "0", "1"],
    [-0.0001, "0.00", "0.00"],
    [45658, "yyyy-mm-dd", "2025-01-01"],
    [45658.75, "yyyy-mm-dd hh:mm", "2025-01-01 18:00"],
    // Excel drops the seconds hh:mm does not show: 23:59:40 is still 23:59 of the same day.
    [45658 + (23 * 3600 + 59 * 60 + 40) / 86400, "yyyy-mm-dd hh:mm", "2025-01-01 23:59"],
    [45658 + (23 * 3600 + 59 * 60 + 59.9996) / 86400, "yyyy-mm-dd hh:mm", "2025-01-02 00:00"],
    [45658.9999999, "yyyy-mm-dd", "2025-01-01"],
    [0.1 + 0.2, "General", "0.3"],
    [123456789012, "General", "1.23457E+11"],
  ])("%d under %s is %s", (value, code, shown) => {
    expect(formatNumber(value, code)).toBe(shown);
  });
});
