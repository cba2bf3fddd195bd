/**
 * The geometry of a plan chart (an XY scatter, straight lines between points) for the preview's
 * SVG: axis ranges with round tick values, and each series mapped to pixels. Pure, so the maths
 * is tested without a browser.
 */
import type { PlanChart } from "../../workbook/plan";
import { formatNumber } from "../format";
import type { PlanValues } from "./sheet";

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeriesShape {
  name: string;
  line: boolean;
  markers: boolean;
  /** Pixel coordinates of the series' points, in order. */
  points: ChartPoint[];
}

export interface Tick {
  at: number;
  label: string;
}

export interface ChartShape {
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  series: ChartSeriesShape[];
  /** Pixel y of value 0 when 0 is inside the y range (the break-even line of a payoff). */
  zeroY: number | null;
}

/** Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  // Counted, not accumulated, so float drift can neither drop nor add the last tick.
  const intervals = Math.ceil((max - first) / step - 1e-9);
  const ticks: number[] = [];
  for (let i = 0; i <= intervals; i++) ticks.push(Number((first + i * step).toPrecision(12)));
  return ticks;
}

function tickFormat(ticks: number[], percentLike: boolean): (v: number) => string {
  if (percentLike) return (v) => formatNumber(v, "0%");
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
  return (v) => formatNumber(v, decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0");
}

export function chartShape(
  chart: PlanChart,
  values: PlanValues,
  width = 320,
  height = 220
): ChartShape {
  const raw = chart.series.map((s) => {
    const xs = values.column(s.x);
    const ys = values.column(s.y);
    const points = xs
      .map((x, i) => ({ x, y: ys[i] }))
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    return { name: s.name, line: s.line, markers: s.markers, points };
  });
  const found = raw.flatMap((s) => s.points);
  // An empty chart still gets axes, as in Excel.
  const all = found.length
    ? found
    : [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ];
  const xTicksRaw = niceTicks(
    Math.min(...all.map((p) => p.x)),
    Math.max(...all.map((p) => p.x)),
    4
  );
  const yTicksRaw = niceTicks(
    Math.min(...all.map((p) => p.y)),
    Math.max(...all.map((p) => p.y)),
    4
  );
  const plot = { left: 62, top: 30, right: width - 12, bottom: height - 44 };
  const [x0, x1] = [xTicksRaw[0], xTicksRaw[xTicksRaw.length - 1]];
  const [y0, y1] = [yTicksRaw[0], yTicksRaw[yTicksRaw.length - 1]];
  const px = (x: number): number => plot.left + ((x - x0) / (x1 - x0)) * (plot.right - plot.left);
  const py = (y: number): number => plot.bottom - ((y - y0) / (y1 - y0)) * (plot.bottom - plot.top);
  const percentY = /coverage/i.test(chart.yAxisTitle);
  // Years (the replay's x axis) read without a thousands separator.
  const fx = /^year$/i.test(chart.xAxisTitle)
    ? (v: number) => formatNumber(v, "0")
    : tickFormat(xTicksRaw, false);
  const fy = tickFormat(yTicksRaw, percentY);
  return {
    title: chart.title,
    xAxisTitle: chart.xAxisTitle,
    yAxisTitle: chart.yAxisTitle,
    width,
    height,
    plot,
    xTicks: xTicksRaw.map((v) => ({ at: px(v), label: fx(v) })),
    yTicks: yTicksRaw.map((v) => ({ at: py(v), label: fy(v) })),
    series: raw.map((s) => ({ ...s, points: s.points.map((p) => ({ x: px(p.x), y: py(p.y) })) })),
    zeroY: y0 < 0 && y1 > 0 ? py(0) : null,
  };
}
