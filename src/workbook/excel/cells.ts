import { TEXT_FORMAT, type PlanCell } from "../plan";

/**
 * What to assign to `Range.formulas` for a plan cell. Text goes in unchanged: its cell's number
 * format is "@" (set first, in the same batch), and Excel stores anything typed into a Text cell
 * as text, so "=1+1", "+x", "-x", "@x" and "0012" stay exactly what the trader typed.
 */
export function officeInput(cell: PlanCell): string | number {
  switch (cell.kind) {
    case "empty":
      return "";
    case "text":
      return cell.text;
    case "number":
      return cell.value;
    case "formula":
      return cell.formula;
  }
}

export function officeFormat(cell: PlanCell): string {
  switch (cell.kind) {
    case "empty":
      return "General";
    case "text":
      return TEXT_FORMAT;
    default:
      return cell.format;
  }
}

export function officeInputs(cells: readonly (readonly PlanCell[])[]): (string | number)[][] {
  return cells.map((row) => row.map(officeInput));
}

export function officeFormats(cells: readonly (readonly PlanCell[])[]): string[][] {
  return cells.map((row) => row.map(officeFormat));
}
