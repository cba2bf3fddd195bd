/**
 * The replay in Excel, inside the caller's `Excel.run`: reads the `ALVH_History` table, replays it
 * (through the caller's `build`) and writes the owned "ALVH Replay" sheet.
 *
 * Round trips: 1. sheet names, names (the ownership marker) and whether the history table exists;
 * 2. the table's cells (and the charts of the previous replay sheet, to delete them); then one per
 * batch of writes, each batch kept under BATCH_BYTES of cell data, well inside Excel on the web's
 * 5 MB request payload limit ("Resource limits and performance optimization for Office Add-ins").
 * 30 years of days (≈ 8,500 rows, 16 columns, ≈ 3.5 MB) take 2 + 3 syncs; the count grows by one per
 * further BATCH_BYTES of data (about 3,600 days), never per row.
 *
 * Ownership as the schedule's (src/workbook/ownership.ts): a random token kept in the document
 * settings (REPLAY_OWNER_SETTING) must equal the comment of the hidden name REPLAY_OWNER_NAME
 * scoped to the sheet the record names. A workbook-level name, whoever defined it, proves nothing;
 * a sheet called "ALVH Replay" without the proof is the trader's, and the replay goes to
 * "ALVH Replay (2)".
 */
import type { ReplayHistory } from "../../core";
import { columnLetters, parseCellAddress, rangeAddress } from "../a1";
import {
  HISTORY_COLUMNS,
  HISTORY_SHEET,
  HISTORY_TABLE,
  REPLAY_OWNER_NAME,
  TEXT_FORMAT,
  type PlanBlock,
  type ReplaySheetPlan,
} from "../plan";
import { historyFromTable } from "../replay/history-table";
import { nextFreeSheetName } from "../sheets";
import { officeFormats, officeInputs } from "./cells";
import type { OwnerRecord } from "../ownership";
import { ownedSheet, ownerCandidate, provenOwned } from "./owned";
import { addChart, addName, setWidths, writeBlocks } from "./render";
import { readTable } from "./table";

/** Cell data (JSON characters of formulas and number formats) sent in one sync at most. */
export const BATCH_BYTES = 1_500_000;

export interface HistoryRead {
  history: ReplayHistory;
  rows: number;
  /** "'ALVH History'!A2:C7561": where the rows came from. */
  range: string;
}

export type ReplayReport =
  | { kind: "created-table"; sheet: string; syncs: number; message: string }
  | {
      kind: "written";
      sheet: string;
      renamed: boolean;
      read: HistoryRead;
      syncs: number;
      /** Write batches, and the largest one's cell data in JSON characters. */
      batches: number;
      largestBatch: number;
      plan: ReplaySheetPlan;
      /** The proof to keep in the document settings (REPLAY_OWNER_SETTING). */
      owner: OwnerRecord;
      message: string;
    };

export const REPLAY_OWNER_SETTING = "alvh.replayOwner";

export async function renderReplay(
  context: Excel.RequestContext,
  build: (read: HistoryRead) => ReplaySheetPlan,
  owner: OwnerRecord | null = null
): Promise<ReplayReport> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/id,items/name,items/protection/protected");
  const table = workbook.tables.getItemOrNullObject(HISTORY_TABLE);
  table.load("name");
  await context.sync();
  let syncs = 1;
  const sheetNames = sheets.items.map((s) => s.name);

  if (table.isNullObject) {
    const name = nextFreeSheetName(HISTORY_SHEET, sheetNames);
    const sheet = sheets.add(name);
    const header = sheet.getRange("A1:C1");
    header.numberFormat = [HISTORY_COLUMNS.map(() => TEXT_FORMAT)];
    header.values = [[...HISTORY_COLUMNS]];
    sheet.getRange("A2").numberFormat = [["yyyy-mm-dd"]];
    sheet.tables.add("A1:C2", true).name = HISTORY_TABLE;
    sheet.activate();
    await context.sync();
    return {
      kind: "created-table",
      sheet: name,
      syncs: syncs + 1,
      message: `Created the ${HISTORY_TABLE} table on "${name}": paste daily Date, SPX and VIX closes into it, oldest first, and replay again.`,
    };
  }

  const candidate = ownerCandidate(sheets.items, owner);
  const cells = await readTable(context, table);
  syncs++;
  const history = historyFromTable(cells);
  const rows = history.dates.length;
  const range = rowsOf(cells.address, Math.max(rows, 1));
  const read: HistoryRead = { history, rows, range };
  const plan = build(read);
  const previous = provenOwned(candidate, owner, REPLAY_OWNER_NAME, "replay");
  const {
    sheet,
    name: target,
    token,
    renamed,
  } = ownedSheet(sheets, previous, owner, plan.sheet.name, sheetNames);
  if (previous) {
    sheet.getRange().clear();
    previous.charts.items.forEach((chart) => chart.delete());
    for (const name of previous.names.items) {
      if (name.name === REPLAY_OWNER_NAME) name.delete();
    }
  }
  setWidths(sheet, plan.sheet);
  addName(sheet, { ...plan.ownerMarker, comment: token });
  sheet.load("id");

  const batches = writeBatches(plan);
  let largestBatch = 0;
  for (const [i, batch] of batches.entries()) {
    writeBlocks(batch.blocks, (key) => {
      if (key !== "replay") throw new Error(`a replay plan writes no ${key} sheet`);
      return sheet;
    });
    if (i === batches.length - 1) {
      for (const chart of plan.charts) addChart(sheet, chart);
      sheet.activate();
    }
    largestBatch = Math.max(largestBatch, batch.bytes);
    // One sync per batch is the point: each request stays under the payload limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }
  return {
    kind: "written",
    sheet: target,
    renamed,
    read,
    syncs,
    batches: batches.length,
    largestBatch,
    plan,
    owner: { token, sheetId: sheet.id, sheet: target, ranges: [], charts: [], names: [] },
    message:
      `Replayed ${rows.toLocaleString("en-US")} rows of ${HISTORY_TABLE} (${range}) into "${target}".` +
      (renamed
        ? ` A sheet named "${plan.sheet.name}" already exists and was not created by ALVH, so it was left untouched.`
        : ""),
  };
}

interface Batch {
  blocks: PlanBlock[];
  bytes: number;
}

/** JSON characters of what writing these rows sends: formulas (or values) and number formats. */
function bytesOf(cells: PlanBlock["cells"]): number {
  return JSON.stringify(officeInputs(cells)).length + JSON.stringify(officeFormats(cells)).length;
}

/**
 * The plan's blocks in batches of at most BATCH_BYTES: the small blocks with the first rows of the
 * daily table, then the rest of the daily table in row slices.
 */
function writeBatches(plan: ReplaySheetPlan): Batch[] {
  const daily = plan.blocks.find((b) => b.id === plan.dailyBlockId);
  const small = plan.blocks.filter((b) => b !== daily);
  const batches: Batch[] = [{ blocks: small, bytes: bytesOf(small.flatMap((b) => b.cells)) }];
  if (!daily || daily.cells.length === 0) return batches;
  let start = 0;
  let current = batches[0];
  for (let r = 0; r < daily.cells.length; r++) {
    const row = bytesOf([daily.cells[r]]);
    if (current.bytes + row > BATCH_BYTES && r > start) {
      current.blocks.push(slice(daily, start, r));
      current = { blocks: [], bytes: 0 };
      batches.push(current);
      start = r;
    }
    current.bytes += row;
  }
  current.blocks.push(slice(daily, start, daily.cells.length));
  return batches;
}

function slice(block: PlanBlock, from: number, to: number): PlanBlock {
  const cells = block.cells.slice(from, to);
  const row = block.row + from;
  return {
    ...block,
    id: `${block.id}-${from + 1}`,
    row,
    address: `${columnLetters(block.col)}${row + 1}:${columnLetters(block.col + cells[0].length - 1)}${row + cells.length}`,
    cells,
  };
}

/** "'Data'!B4:D9000" cut to its first `rows` rows: the rows the replay read. */
function rowsOf(address: string, rows: number): string {
  const bang = address.lastIndexOf("!");
  const [first] = address.slice(bang + 1).split(":");
  const from = parseCellAddress(first);
  const [, last] = address.slice(bang + 1).split(":");
  const to = parseCellAddress(last ?? first);
  if (!from || !to) return address;
  return `${address.slice(0, bang + 1)}${rangeAddress(from.row, from.col, rows, to.col - from.col + 1)}`;
}
