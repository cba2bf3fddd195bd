/**
 * Places sections on the schedule sheet: a main stack down column A, and a side area (charts and
 * their data) right of the widest stacked section. Sizes come from the cells sections return, so
 * nothing here counts rows by hand.
 */
import { absoluteRange, cellAddress, rangeAddress } from "../a1";
import { placedBlock } from "../cells";
import type {
  PlanBlock,
  PlanChart,
  PlanColorScale,
  PlanConditionalFormat,
  PlanName,
} from "../plan";
import {
  Frame,
  type Frames,
  type Section,
  type SectionContent,
  type SectionContext,
} from "./section";

/** One section of the main stack and how it sits there. */
export interface StackEntry {
  section: Section;
  /** Blank rows below the section before the next one (default 1). */
  gapBelow?: number;
  /** The section may run under the side area: it starts below it, and its width does not push it. */
  underSide?: boolean;
}

/** Blank columns between the widest stacked section and the side area. */
const SIDE_GAP_COLS = 2;
/** Blank rows between the first stacked section (the title) and the side area. */
const SIDE_GAP_ROWS = 1;
/** Blank rows between side sections. */
const SIDE_SECTION_GAP = 1;

export interface StackedSheet {
  frames: Frames;
  blocks: PlanBlock[];
  names: PlanName[];
  conditionalFormats: PlanConditionalFormat[];
  colorScales: PlanColorScale[];
  charts: PlanChart[];
  /** Number of columns any section uses, from column A. */
  width: number;
}

interface Extent {
  rows: number;
  cols: number;
}

function extentOf(content: SectionContent): Extent {
  let rows = 0;
  let cols = 0;
  for (const b of content.blocks) {
    rows = Math.max(rows, b.row + b.cells.length);
    cols = Math.max(cols, b.col + Math.max(...b.cells.map((r) => r.length)));
  }
  for (const c of content.charts ?? []) {
    rows = Math.max(rows, c.to.row + 1);
    cols = Math.max(cols, c.to.col + 1);
  }
  return { rows, cols };
}

class FrameMap implements Frames {
  constructor(private readonly frames: ReadonlyMap<string, Frame>) {}

  of(id: string): Frame {
    const frame = this.frames.get(id);
    if (!frame) throw new Error(`no section "${id}" in the schedule`);
    return frame;
  }
}

export function stackSections(
  ctx: SectionContext,
  main: readonly StackEntry[],
  side: readonly Section[]
): StackedSheet {
  const all = [...main.map((e) => e.section), ...side];
  if (new Set(all.map((s) => s.id)).size !== all.length) throw new Error("duplicate section id");

  // Measure: every section built at the origin (sizes do not depend on where a section sits).
  const origin = new Frame(0, 0);
  const measuring = new FrameMap(new Map(all.map((s) => [s.id, origin])));
  const extent = new Map(all.map((s) => [s.id, extentOf(s.build(ctx, origin, measuring))]));
  const size = (s: Section): Extent => extent.get(s.id) as Extent;

  // Place: the side area first (its column depends only on widths), then the main stack, where
  // a section that may run under the side area starts below it.
  const frames = new Map<string, Frame>();
  const beside = main.filter((e) => !e.underSide).map((e) => size(e.section).cols);
  const sideCol = Math.max(...beside) + SIDE_GAP_COLS;
  let sideRow = (main.length > 0 ? size(main[0].section).rows : 0) + SIDE_GAP_ROWS;
  for (const section of side) {
    frames.set(section.id, new Frame(sideRow, sideCol));
    sideRow += size(section).rows + SIDE_SECTION_GAP;
  }
  let row = 0;
  for (const entry of main) {
    if (entry.underSide && side.length > 0) row = Math.max(row, sideRow - SIDE_SECTION_GAP);
    frames.set(entry.section.id, new Frame(row, 0));
    row += size(entry.section).rows + (entry.gapBelow ?? 1);
  }

  // Build at the real places.
  const placed = new FrameMap(frames);
  const sheet: StackedSheet = {
    frames: placed,
    blocks: [],
    names: [],
    conditionalFormats: [],
    colorScales: [],
    charts: [],
    width: Math.max(...all.map((s) => placed.of(s.id).col + size(s).cols)),
  };
  for (const section of all) {
    const frame = placed.of(section.id);
    const content = section.build(ctx, frame, placed);
    sheet.blocks.push(
      ...content.blocks.map((b) => {
        const block = placedBlock("schedule", b.id, frame.row + b.row, frame.col + b.col, b.cells);
        return b.addinOnly ? { ...block, addinOnly: b.addinOnly } : block;
      })
    );
    for (const n of content.names ?? []) {
      const [r, c, rows, cols] = [frame.row + n.row, frame.col + n.col, n.rows ?? 1, n.cols ?? 1];
      sheet.names.push({
        name: n.name,
        sheet: "schedule",
        address: absoluteRange(r, c, rows, cols),
        comment: n.comment,
        visible: true,
      });
    }
    for (const f of content.conditionalFormats ?? []) {
      sheet.conditionalFormats.push({
        id: f.id,
        sheet: "schedule",
        address: rangeAddress(frame.row + f.row, frame.col + f.col, f.rows, f.cols),
        formula: f.formula,
        fill: f.fill,
        fontColor: f.fontColor,
      });
    }
    for (const { row, col, rows, cols, ...scale } of content.colorScales ?? []) {
      sheet.colorScales.push({
        ...scale,
        sheet: "schedule",
        address: rangeAddress(frame.row + row, frame.col + col, rows, cols),
      });
    }
    for (const c of content.charts ?? []) {
      sheet.charts.push({
        ...c,
        sheet: "schedule",
        from: cellAddress(frame.row + c.from.row, frame.col + c.from.col),
        to: cellAddress(frame.row + c.to.row, frame.col + c.to.col),
      });
    }
  }
  return sheet;
}
