/**
 * "Download workbook": the plan as an .xlsx file. The .xlsx writer (exceljs) is large, so it is
 * fetched only when the trader asks for a file; the task pane inside Excel never loads it.
 */
import type { WorkbookPlan } from "../../workbook/plan";
import { safePlanText } from "../../workbook/text";

export function workbookFileName(plan: WorkbookPlan): string {
  const scope = plan.scope.kind === "book" ? "book" : plan.scope.label;
  const safe =
    scope
      .replace(/[^\w.-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "position";
  return `ALVH-schedule-${safe}.xlsx`;
}

export async function downloadWorkbook(plan: WorkbookPlan): Promise<string> {
  const { renderXlsx, XLSX_MIME_TYPE } = await import(
    /* webpackChunkName: "xlsx" */ "../../workbook/xlsx"
  );
  const bytes = await renderXlsx(plan);
  const name = workbookFileName(plan);
  download(bytes, XLSX_MIME_TYPE, name);
  return [`Downloaded ${name}.`, ...safePlanText(plan).notes].join(" ");
}

/** Saves bytes or text as a file through a temporary link (works in browsers and task panes). */
export function download(data: string | Uint8Array, type: string, filename: string): void {
  // A copy into a plain ArrayBuffer: Blob does not take views over shared memory.
  const part = typeof data === "string" ? data : new Uint8Array(data).buffer;
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
