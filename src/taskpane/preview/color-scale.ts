/**
 * A plan's colour scale as Excel draws it: each cell's fill interpolated in RGB between the
 * scale's points (lowest value, a fixed number, highest value), so the preview shows the same
 * heat map as the sheet.
 */
import type { PlanColorScale, PlanScalePoint } from "../../workbook/plan";

function rgb(color: string): [number, number, number] {
  const hex = color.replace(/^#/, "");
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function hex(channels: readonly number[]): string {
  return `#${channels.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

function mix(from: string, to: string, t: number): string {
  const [a, b] = [rgb(from), rgb(to)];
  const share = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  return hex(a.map((x, i) => x + (b[i] - x) * share));
}

function pointValue(point: PlanScalePoint, lowest: number, highest: number): number {
  if (point.at === "number") return point.value;
  return point.at === "lowest" ? lowest : highest;
}

/** The fill of each number of the range, in the order given (undefined for a range without numbers). */
export function scaleFills(scale: PlanColorScale, values: readonly number[]): string[] {
  if (values.length === 0) return [];
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  const [lo, mid, hi] = [scale.minimum, scale.midpoint, scale.maximum].map((p) =>
    pointValue(p, lowest, highest)
  );
  return values.map((v) =>
    v <= mid
      ? mix(scale.minimum.color, scale.midpoint.color, mid === lo ? 1 : (v - lo) / (mid - lo))
      : mix(scale.midpoint.color, scale.maximum.color, hi === mid ? 1 : (v - mid) / (hi - mid))
  );
}
