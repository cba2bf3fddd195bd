/**
 * How an owned sheet prints and how wide its columns are, derived from what the plan writes, so
 * both renderers (Office.js and .xlsx) print the same pages and no value shows as "###".
 */
import { parseCellAddress, rangeAddress } from "./a1";
import type { PlanBlock, PlanCell, PlanChart, PlanPageSetup } from "./plan";

/** Room for bold headers and the cell's own padding, in characters. */
const PADDING = 2;

/** "$#,##0.00" with 1234.5 → "$1,234.50": the text a number format shows, near enough for widths. */
export function displayedNumber(value: number, format: string): string {
  if (/[yd]/i.test(format.replace(/"[^"]*"/g, ""))) return format.replace(/"/g, "");
  if (format === "General") {
    const plain = String(value);
    return plain.length <= 11 ? plain : value.toPrecision(6);
  }
  const percent = format.endsWith("%");
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  const shown = Math.abs(percent ? value * 100 : value).toFixed(decimals);
  const [whole, fraction] = shown.split(".");
  const grouped = format.includes(",") ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  const prefix = format.startsWith("$") ? "$" : "";
  return (
    (value < 0 ? "-" : "") +
    prefix +
    grouped +
    (fraction ? `.${fraction}` : "") +
    (percent ? "%" : "")
  );
}

/** Characters the cell needs to show its value whole; text may spill into an empty neighbour. */
function neededWidth(cell: PlanCell): number {
  switch (cell.kind) {
    case "empty":
      return 0;
    case "text":
      return cell.text.length;
    case "number":
      return displayedNumber(cell.value, cell.format).length;
    case "formula":
      return typeof cell.expected === "number"
        ? displayedNumber(cell.expected, cell.format).length
        : cell.expected.length;
  }
}

/**
 * The given widths, widened where a value would not fit: numbers show "###" when too narrow and
 * text is cut at a filled neighbour, so those set the width; text with room to its right spills.
 */
export function fitColumnWidths(widths: readonly number[], blocks: readonly PlanBlock[]): number[] {
  const fitted = [...widths];
  for (const block of blocks) {
    block.cells.forEach((row) =>
      row.forEach((cell, c) => {
        const spills = cell.kind === "text" && (row[c + 1]?.kind ?? "empty") === "empty";
        if (spills) return;
        const col = block.col + c;
        const needed = neededWidth(cell) + PADDING;
        if (col < fitted.length && needed > fitted[col]) fitted[col] = needed;
      })
    );
  }
  return fitted;
}

/**
 * Landscape, one page wide, the title rows on every page, and a print area covering the blocks
 * left of `dataCol` (chart data lives right of it) and the charts.
 */
export function printSetup(
  blocks: readonly PlanBlock[],
  charts: readonly PlanChart[],
  dataCol: number,
  titleRows: number
): PlanPageSetup {
  let lastRow = 0;
  let lastCol = 0;
  for (const block of blocks) {
    if (block.col >= dataCol) continue;
    lastRow = Math.max(lastRow, block.row + block.cells.length - 1);
    lastCol = Math.max(lastCol, block.col + block.cells[0].length - 1);
  }
  for (const chart of charts) {
    const corner = parseCellAddress(chart.to);
    if (!corner) throw new Error(`chart ${chart.id} has a bad corner ${chart.to}`);
    lastRow = Math.max(lastRow, corner.row);
    lastCol = Math.max(lastCol, corner.col);
  }
  return {
    orientation: "landscape",
    fitToPagesWide: 1,
    printArea: rangeAddress(0, 0, lastRow + 1, lastCol + 1),
    printTitleRows: `1:${titleRows}`,
  };
}
