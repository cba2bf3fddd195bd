/**
 * What the standalone preview shows and "Download workbook" saves: the last schedule written and
 * the last replay, as one workbook (the replay sheet after the schedule's sheets).
 */
import type { ReplaySheetPlan, SheetKey, WorkbookPlan } from "../../workbook/plan";
import { withReplaySheet } from "../../workbook/replay/merge";
import { byId } from "../dom";
import { renderPreview, type PreviewPlan } from "../preview/render";

let schedule: WorkbookPlan | undefined;
let replaySheet: ReplaySheetPlan | undefined;

function previewPlan(): PreviewPlan | undefined {
  if (schedule) return replaySheet ? withReplaySheet(schedule, replaySheet) : schedule;
  if (!replaySheet) return undefined;
  return {
    title: replaySheet.title,
    sheets: [replaySheet.sheet],
    blocks: replaySheet.blocks,
    names: [...replaySheet.names, replaySheet.ownerMarker],
    charts: replaySheet.charts,
    conditionalFormats: [],
  };
}

function show(selected: SheetKey): void {
  const plan = previewPlan();
  if (!plan) return;
  const preview: HTMLElement = byId("preview");
  renderPreview(preview, plan, selected);
  preview.hidden = false;
}

export function previewSchedule(plan: WorkbookPlan): void {
  schedule = plan;
  show("schedule");
}

/** Shows the replay sheet, selected, after the schedule's sheets when one was written. */
export function previewReplay(sheet: ReplaySheetPlan): void {
  replaySheet = sheet;
  show("replay");
}

/** The schedule plan "Download workbook" saves, with the replay sheet when there is one. */
export function withPreviewedReplay(plan: WorkbookPlan): WorkbookPlan {
  return replaySheet ? withReplaySheet(plan, replaySheet) : plan;
}
