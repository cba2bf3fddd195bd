/**
 * The threshold × step sweep as two small tables (ALVH's max drawdown, its total P&L), rows by
 * threshold and columns by step, in thousands of dollars. The replayed settings' cell and the
 * smallest drawdown are marked, so "which layer spacing would have helped" reads at a glance.
 */
import type { ReplayParams, ReplaySweep, SweepCell } from "../../core";
import { el } from "../dom";
import { formatNumber, type ShowNumber } from "../format";

const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

function table(
  sweep: ReplaySweep,
  params: ReplayParams,
  caption: string,
  id: string,
  figure: (cell: SweepCell) => number,
  best: SweepCell,
  show: ShowNumber
): HTMLTableElement {
  const head = el(
    "tr",
    {},
    el("th", { scope: "col" }, "threshold \\ step"),
    ...sweep.steps.map((s) => el("th", { scope: "col" }, show(s, "0.00")))
  );
  const rows = sweep.cells.map((line, i) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, show(sweep.thresholds[i], "0.00")),
      ...line.map((cell) => {
        const current = close(cell.threshold, params.threshold) && close(cell.step, params.step);
        const classes = ["num", current ? "current" : "", cell === best ? "best" : ""];
        return el(
          "td",
          {
            class: classes.filter(Boolean).join(" "),
            title: current
              ? "the replayed settings"
              : cell === best
                ? "smallest drawdown"
                : undefined,
          },
          show(figure(cell) / 1000, "#,##0.0")
        );
      })
    )
  );
  return el(
    "table",
    { class: "replay-table sweep", id },
    el("caption", {}, caption),
    el("thead", {}, head),
    el("tbody", {}, ...rows)
  );
}

export function sweepTables(
  sweep: ReplaySweep,
  params: ReplayParams,
  show: ShowNumber = formatNumber
): HTMLTableElement[] {
  const all = sweep.cells.flat();
  const best = all.reduce((a, b) => (b.maxDrawdown < a.maxDrawdown ? b : a));
  return [
    table(
      sweep,
      params,
      "ALVH max drawdown (k$) by EDR threshold and step",
      "sweep-drawdown",
      (c) => c.maxDrawdown,
      best,
      show
    ),
    table(
      sweep,
      params,
      "ALVH total P&L (k$) by EDR threshold and step",
      "sweep-pnl",
      (c) => c.totalPnl,
      best,
      show
    ),
  ];
}
