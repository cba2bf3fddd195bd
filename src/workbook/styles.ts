import { rangeAddress } from "./a1";
import type { CellStyle, PlanBlock } from "./plan";

/** How each renderer shows a cell style, so Excel, .xlsx and the preview look alike. */
export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
}

export const STYLE_LOOKS: Record<CellStyle, StyleLook> = {
  title: { bold: true, size: 14 },
  section: { bold: true, fontColor: "#1F4E79" },
  header: { bold: true, fill: "#D9E1F2" },
  label: {},
  input: { fill: "#FFF2CC" },
  model: { italic: true, fill: "#EDEDED" },
  output: {},
  note: { italic: true, fontColor: "#595959" },
};

export interface StyledRange {
  style: CellStyle;
  /** A1 address on the block's sheet. */
  address: string;
}

/**
 * The block's styled cells as few rectangles as a simple sweep finds (runs along a row, merged
 * with identical runs on the rows below), so a renderer pays per rectangle, not per cell.
 */
export function styledRanges(block: PlanBlock): StyledRange[] {
  interface Run {
    style: CellStyle;
    col: number;
    width: number;
    row: number;
    height: number;
  }
  const done: Run[] = [];
  let open: Run[] = [];
  block.cells.forEach((cells, r) => {
    const runs: Run[] = [];
    cells.forEach((cell, c) => {
      const style = cell.kind === "empty" ? undefined : cell.style;
      if (!style || style === "label" || style === "output") return;
      const last = runs[runs.length - 1];
      if (last && last.style === style && last.col + last.width === c) last.width++;
      else runs.push({ style, col: c, width: 1, row: r, height: 1 });
    });
    const next: Run[] = [];
    for (const run of runs) {
      const above = open.find(
        (o) => o.style === run.style && o.col === run.col && o.width === run.width
      );
      if (above) {
        above.height++;
        next.push(above);
        open = open.filter((o) => o !== above);
      } else next.push(run);
    }
    done.push(...open);
    open = next;
  });
  done.push(...open);
  return done.map((run) => ({
    style: run.style,
    address: rangeAddress(block.row + run.row, block.col + run.col, run.height, run.width),
  }));
}
