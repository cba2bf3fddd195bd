/**
 * The MACD-gated replay beside the plain rule (issue 17): ALVH adding a layer whenever the EDR
 * crosses its trigger, against ALVH adding one only while MACD(VIX) is above its signal. One small
 * table of the figures that decide between them: max drawdown, total P&L and days hedged.
 */
import type { GateComparison, VariantSummary } from "../../core";
import { el } from "../dom";
import { formatNumber, type ShowNumber } from "../format";

const ROWS: readonly (readonly [string, keyof VariantSummary, string])[] = [
  ["max drawdown ($)", "maxDrawdown", "$#,##0"],
  ["total P&L ($)", "totalPnl", "$#,##0"],
  ["days hedged", "daysHedged", "0.0%"],
];

export function gateTable(
  comparison: GateComparison,
  show: ShowNumber = formatNumber
): HTMLTableElement {
  const head = el(
    "tr",
    {},
    ...["metric", "plain rule", "MACD-gated"].map((h) => el("th", { scope: "col" }, h))
  );
  const rows = ROWS.map(([label, field, format]) =>
    el(
      "tr",
      { "data-metric": field },
      el("th", { scope: "row" }, label),
      el("td", { class: "num" }, show(comparison.plain[field], format)),
      el("td", { class: "num" }, show(comparison.macdGated[field], format))
    )
  );
  return el(
    "table",
    { class: "replay-table", id: "gate-table" },
    el("caption", {}, "ALVH: add a layer only when MACD(VIX) is above its signal?"),
    el("thead", {}, head),
    el("tbody", {}, ...rows)
  );
}
