/**
 * Text a workbook can hold, for both renderers (Office.js and .xlsx). XML 1.0, in which .xlsx
 * parts are written, forbids most control characters, U+FFFE, U+FFFF and unpaired surrogates; one
 * of them makes sharedStrings.xml ill-formed and a spreadsheet drops text without a word. Each is
 * replaced by a visible U+FFFD "�", and a cell is cut to Excel's 32,767 characters; the renderer
 * tells the trader both.
 */
import { cellAddress } from "./a1";
import type { PlanCell, WorkbookPlan } from "./plan";

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;
const REPLACEMENT = "\uFFFD";

// Matching control characters is the point here.
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids replaced, and how many were. */
function xmlSafe(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const safe = text.replace(XML_FORBIDDEN, () => {
    replaced++;
    return REPLACEMENT;
  });
  return { text: safe, replaced };
}

interface Findings {
  replaced: string[];
  cut: string[];
}

function safeCell(cell: PlanCell, where: string, found: Findings): PlanCell {
  if (cell.kind !== "text") return cell;
  const { text, replaced } = xmlSafe(cell.text);
  if (replaced) found.replaced.push(where);
  if (text.length <= MAX_CELL_CHARS) return replaced ? { ...cell, text } : cell;
  found.cut.push(where);
  return { ...cell, text: text.slice(0, MAX_CELL_CHARS) };
}

function places(list: readonly string[]): string {
  const shown = list.slice(0, 3).join(", ");
  return list.length > 3 ? `${shown} and ${list.length - 3} more` : shown;
}

/**
 * The plan with all its text fit for a workbook, and one sentence per kind of change (empty
 * when nothing changed). Cells are named by sheet and address.
 */
export function safePlanText(plan: WorkbookPlan): { plan: WorkbookPlan; notes: string[] } {
  const found: Findings = { replaced: [], cut: [] };
  const sheetName = (key: string) => plan.sheets.find((s) => s.key === key)?.name ?? key;
  const blocks = plan.blocks.map((block) => ({
    ...block,
    cells: block.cells.map((row, r) =>
      row.map((cell, c) =>
        safeCell(
          cell,
          `${sheetName(block.sheet)}!${cellAddress(block.row + r, block.col + c)}`,
          found
        )
      )
    ),
  }));
  const rows = plan.table.rows.map((row, r) =>
    row.map((cell, c) => safeCell(cell, `${plan.table.name} row ${r + 1} column ${c + 1}`, found))
  );
  const plain = (text: string) => {
    const safe = xmlSafe(text);
    if (safe.replaced) found.replaced.push("a title or note");
    return safe.text;
  };
  const safe: WorkbookPlan = {
    ...plan,
    title: plain(plan.title),
    notes: plan.notes.map(plain),
    blocks,
    table: { ...plan.table, rows },
    charts: plan.charts.map((chart) => ({
      ...chart,
      title: plain(chart.title),
      series: chart.series.map((s) => ({ ...s, name: plain(s.name) })),
    })),
  };
  const notes: string[] = [];
  if (found.replaced.length) {
    notes.push(
      `Characters a workbook cannot hold (control characters, U+FFFE, U+FFFF) were replaced by "${REPLACEMENT}" in ${places(found.replaced)}.`
    );
  }
  if (found.cut.length) {
    notes.push(
      `Text longer than Excel's ${MAX_CELL_CHARS.toLocaleString("en-US")} characters a cell was cut in ${places(found.cut)}.`
    );
  }
  return { plan: notes.length ? safe : plan, notes };
}
