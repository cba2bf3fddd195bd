/**
 * What a section of the schedule sheet is: a function from the computed figures and the frame the
 * stacker gives it to cells relative to the section's own top-left corner. See index.ts for how
 * sections are stacked and how to add one.
 */
import { cellAddress, columnLetters } from "../a1";
import { EMPTY, text } from "../cells";
import type { BookFigures } from "../figures";
import type { Position } from "../model";
import type { PlanCell, PlanChart, PlanColorScale, SchedulePlanInput } from "../plan";
import type { ResolvedSettings } from "../settings";

/** Everything a section may read; computed once by index.ts before any section is built. */
export interface SectionContext {
  input: SchedulePlanInput;
  settings: ResolvedSettings;
  /** The positions the schedule covers (the whole book or one position), validated. */
  positions: readonly Position[];
  figures: BookFigures;
  /** The sheet's title. */
  title: string;
  /** The notes shown in the sheet and returned with the plan. */
  notes: readonly string[];
}

/**
 * Where a section sits, as the stacker decided. Sections never compute sheet rows themselves:
 * they ask their frame for the address of a cell given relative to their top-left corner.
 */
export class Frame {
  constructor(
    /** 0-based sheet row and column of the section's top-left cell. */
    readonly row: number,
    readonly col: number
  ) {}

  /** Column letter of the section's relative column `c`. */
  letter(c: number): string {
    return columnLetters(this.col + c);
  }

  /** "B12": the cell at relative row `r`, column `c`. */
  cell(r: number, c: number): string {
    return cellAddress(this.row + r, this.col + c);
  }

  /** "B12:B15": one column `c`, relative rows `r` to `r + rows - 1` (relative references). */
  column(c: number, r: number, rows: number): string {
    const letter = this.letter(c);
    return `${letter}${this.row + r + 1}:${letter}${this.row + r + rows}`;
  }

  /** "$B$12:$B$15": the same, absolute (a range even when `rows` is 1). */
  absoluteColumn(c: number, r: number, rows: number): string {
    const letter = this.letter(c);
    return `$${letter}$${this.row + r + 1}:$${letter}$${this.row + r + rows}`;
  }
}

/** A rectangle of cells at relative row/column `row`, `col` of the section. */
export interface SectionBlock {
  /** Plan block id, unique in the plan ("inputs", "payoff-data"...). */
  id: string;
  row: number;
  col: number;
  /** Rows may be ragged; the stacker pads them with empty cells. */
  cells: PlanCell[][];
  /** Written only by the Office.js renderer (see PlanBlock). */
  addinOnly?: true;
}

/** A workbook-scoped defined name on a relative rectangle of the section. */
export interface SectionName {
  name: string;
  row: number;
  col: number;
  rows?: number;
  cols?: number;
  comment: string;
}

/** A formula-based conditional format on a relative rectangle of the section. */
export interface SectionConditionalFormat {
  id: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Written relative to the range's top-left cell (use the frame to address it). */
  formula: string;
  fill: string;
  fontColor: string;
}

/** A colour scale on a relative rectangle of the section. */
export interface SectionColorScale extends Omit<PlanColorScale, "sheet" | "address"> {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A chart whose corners are relative cells of the section; series ranges come from frames. */
export interface SectionChart extends Omit<PlanChart, "sheet" | "from" | "to"> {
  from: { row: number; col: number };
  to: { row: number; col: number };
}

/** What a section returns: everything relative to its frame. */
export interface SectionContent {
  blocks: SectionBlock[];
  names?: SectionName[];
  conditionalFormats?: SectionConditionalFormat[];
  colorScales?: SectionColorScale[];
  charts?: SectionChart[];
}

/** Frames of every section of the sheet, by section id, for references across sections. */
export interface Frames {
  of(id: string): Frame;
}

export interface Section {
  /** Unique in the sheet; other sections find this one's frame by it. */
  id: string;
  /**
   * Builds the section at `frame`. Must be pure: the stacker calls it once at the origin to
   * measure the section, then again at its place. `frames` gives other sections' frames.
   */
  build(ctx: SectionContext, frame: Frame, frames: Frames): SectionContent;
}

/** A labelled figure: label, the figure (optionally named), a note. */
export interface Field {
  label: string;
  cell: PlanCell;
  note?: string;
  name?: string;
  comment?: string;
}

/** Column of a fields section that holds the figures (the label is left of it, the note right). */
const FIELD_VALUE_COL = 1;

/** A section heading over label / figure / note rows, each named figure a defined name. */
export function fieldsContent(
  id: string,
  heading: string,
  fields: readonly Field[]
): SectionContent {
  const cells: PlanCell[][] = [[text(heading, "section"), EMPTY, EMPTY]];
  const names: SectionName[] = [];
  fields.forEach((field, i) => {
    cells.push([
      text(field.label, "label"),
      field.cell,
      field.note ? text(field.note, "note") : EMPTY,
    ]);
    if (field.name) {
      names.push({
        name: field.name,
        row: 1 + i,
        col: FIELD_VALUE_COL,
        comment: field.comment ?? field.label,
      });
    }
  });
  return { blocks: [{ id, row: 0, col: 0, cells }], names };
}

/** A heading over a header row: the first two rows of a table-like section. */
export function tableHead(heading: string, headers: readonly string[]): PlanCell[][] {
  return [
    [text(heading, "section"), ...Array<PlanCell>(headers.length - 1).fill(EMPTY)],
    headers.map((h) => text(h, "header")),
  ];
}

/** Relative column of `header` in `headers`; throws on a misspelt header (a programming error). */
export function columnOf(headers: readonly string[], header: string): number {
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column "${header}" in ${headers.join(", ")}`);
  return at;
}
