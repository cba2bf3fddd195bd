import type { ReplaySheetPlan, WorkbookPlan } from "../plan";

/**
 * The schedule plan with the replay sheet added after its sheets, for the renderers that take one
 * plan (the .xlsx of "Download workbook", the standalone preview). In Excel the replay sheet is
 * written on its own (src/workbook/excel/replay.ts), in chunks.
 */
export function withReplaySheet(plan: WorkbookPlan, replay: ReplaySheetPlan): WorkbookPlan {
  return {
    ...plan,
    sheets: [...plan.sheets.filter((s) => s.key !== "replay"), replay.sheet],
    blocks: [...plan.blocks.filter((b) => b.sheet !== "replay"), ...replay.blocks],
    names: [...plan.names.filter((n) => n.sheet !== "replay"), ...replay.names, replay.ownerMarker],
    charts: [...plan.charts.filter((c) => c.sheet !== "replay"), ...replay.charts],
  };
}
