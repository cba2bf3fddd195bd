/**
 * The schedule's layers beside the action line (issue 18): what each layer adds and what is held
 * once it is active, as two labelled columns, so a running total is never read as a per-layer buy.
 */
import type { BookFigures } from "../workbook/figures";
import { el } from "./dom";
import { formatNumber } from "./format";

/** Whole contracts each layer adds to the one before it (the first adds all it holds). */
export function contractsAdded(rows: BookFigures["rows"]): number[] {
  return rows.map((row, i) => row.whole - (i > 0 ? rows[i - 1].whole : 0));
}

export function layerRows(figures: BookFigures | undefined): HTMLTableRowElement[] {
  if (!figures || figures.noHedge) return [];
  const added = contractsAdded(figures.rows);
  return figures.rows.map((row, i) =>
    el(
      "tr",
      { "data-layer": row.layer, class: row.status || undefined },
      el("th", { scope: "row" }, String(row.layer)),
      el("td", { class: "num" }, formatNumber(row.shownVixTrigger, "0.00")),
      el("td", { class: "num" }, `${added[i] >= 0 ? "+" : ""}${added[i]}`),
      el("td", { class: "num" }, String(row.whole)),
      el("td", {}, row.status)
    )
  );
}
