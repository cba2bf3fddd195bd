/**
 * The risk graph's numbers: the book's P&L against SPX today (T+0), at a chosen date and at
 * expiry, with and without the hedge, all from the §3.8 engine; and their geometry in pixels.
 * Pure, so the maths is tested without a browser.
 */
import { scenarioPnl, type ScenarioBook, type ScenarioPnl } from "../../core";
import { niceTicks, type Tick } from "../preview/chart";
import { formatNumber } from "../format";

export interface RiskCurve {
  key: string;
  name: string;
  /** Condor only ("without the hedge") or condor + hedge. */
  hedged: boolean;
  /** P&L in $ at each of the graph's SPX levels. */
  pnl: number[];
}

export interface RiskCurves {
  spx: number[];
  curves: RiskCurve[];
}

/**
 * How far either side of spot the graph reaches, as a fraction of spot: twice the distance to the
 * farthest strike, so the condor's tent fills the middle of the graph with its losing wings on
 * both sides (a fixed ±12 % drew a 300-point condor as a spike); at least ±3 %, at most ±25 %.
 */
export function graphSpan(book: ScenarioBook): number {
  let farthest = 0;
  for (const strike of book.strikes)
    farthest = Math.max(farthest, Math.abs(strike / book.spot - 1));
  return Math.min(Math.max(2 * farthest, 0.03), 0.25);
}

/** SPX from −span to +span around spot, `count` levels. */
export function riskCurves(
  book: ScenarioBook,
  horizonDays: number,
  vixMove: number,
  span = graphSpan(book),
  count = 61
): RiskCurves {
  const expiryDays = Math.max(...Array.from(book.dte), 0);
  const moments: [string, string, number][] = [
    ["now", "T+0", 0],
    ["date", `T+${formatNumber(horizonDays, "0.#")}`, Math.min(horizonDays, expiryDays)],
    ["expiry", "expiry", expiryDays],
  ];
  const spx: number[] = [];
  for (let i = 0; i < count; i++) spx.push(book.spot * (1 - span + (2 * span * i) / (count - 1)));
  const cell: ScenarioPnl = { condor: 0, hedge: 0, net: 0 };
  const curves: RiskCurve[] = [];
  for (const [key, name, days] of moments) {
    const condor: number[] = [];
    const net: number[] = [];
    for (const level of spx) {
      scenarioPnl(book, level / book.spot - 1, vixMove, days, cell);
      condor.push(cell.condor);
      net.push(cell.net);
    }
    curves.push({ key: `${key}-condor`, name: `${name}, no hedge`, hedged: false, pnl: condor });
    if (book.hedge)
      curves.push({ key: `${key}-net`, name: `${name}, hedged`, hedged: true, pnl: net });
  }
  return { spx, curves };
}

export interface RiskGraphShape {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  lines: { key: string; name: string; hedged: boolean; points: string }[];
  zeroY: number | null;
  /** Pixel x of spot and of each break-even inside the range; `row` lowers a label that would overlap its left neighbour's. */
  marks: { key: string; label: string; x: number; row: number }[];
}

export function riskGraphShape(
  data: RiskCurves,
  spot: number,
  breakEvens: (number | null)[],
  width = 320,
  height = 220
): RiskGraphShape {
  const ys = data.curves.flatMap((c) => c.pnl);
  const xTicksRaw = niceTicks(data.spx[0], data.spx[data.spx.length - 1], 4);
  const yTicksRaw = niceTicks(Math.min(...ys, 0), Math.max(...ys, 0), 4);
  const plot = { left: 62, top: 12, right: width - 12, bottom: height - 30 };
  const [x0, x1] = [xTicksRaw[0], xTicksRaw[xTicksRaw.length - 1]];
  const [y0, y1] = [yTicksRaw[0], yTicksRaw[yTicksRaw.length - 1]];
  const px = (x: number) => plot.left + ((x - x0) / (x1 - x0)) * (plot.right - plot.left);
  const py = (y: number) => plot.bottom - ((y - y0) / (y1 - y0)) * (plot.bottom - plot.top);
  const inRange = (x: number | null): x is number => x !== null && x >= x0 && x <= x1;
  return {
    width,
    height,
    plot,
    xTicks: xTicksRaw.map((v) => ({ at: px(v), label: formatNumber(v, "#,##0") })),
    yTicks: yTicksRaw.map((v) => ({ at: py(v), label: formatNumber(v, "$#,##0") })),
    lines: data.curves.map((c) => ({
      key: c.key,
      name: c.name,
      hedged: c.hedged,
      points: c.pnl.map((y, i) => `${px(data.spx[i]).toFixed(1)},${py(y).toFixed(1)}`).join(" "),
    })),
    zeroY: y0 < 0 && y1 > 0 ? py(0) : null,
    marks: [
      { key: "spot", label: "spot", x: spot },
      ...breakEvens.map((x, i) => ({ key: `be${i}`, label: "BE", x: x as number })),
    ]
      .filter((m) => inRange(m.x))
      .map((m) => ({ ...m, x: px(m.x) }))
      .map(withLabelRows),
  };
}

/** Labels closer than this many pixels (about "spot" at 9 px) go on the next row down. */
const LABEL_GAP = 26;

/** Gives each mark, left to right, the first label row whose last label ends far enough left. */
function withLabelRows<T extends { x: number }>(
  mark: T,
  _: number,
  marks: readonly T[]
): T & { row: number } {
  const lastX: number[] = [];
  for (const other of [...marks].sort((p, q) => p.x - q.x)) {
    let row = 0;
    while (lastX[row] !== undefined && other.x - lastX[row] < LABEL_GAP) row++;
    lastX[row] = other.x;
    if (other === mark) return { ...mark, row };
  }
  throw new Error("a mark missing from its own list");
}
