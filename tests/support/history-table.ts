import { HISTORY_TABLE } from "../../src/workbook/plan";
import { FakeExcel } from "./excel-fake";

export interface HistoryTablePlace {
  /** The user's sheet the table stands on, created here ("Data" unless named). */
  sheet?: string;
  /** Its header row's first cell ("B3" unless given). */
  at?: string;
  /** The workbook to add it to (a new one unless given). */
  fake?: FakeExcel;
}

/** A workbook with an `ALVH_History` table the trader made: `headers` over `rows`, as typed. */
export function workbookWithHistory(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  { sheet = "Data", at = "B3", fake = new FakeExcel() }: HistoryTablePlace = {}
): FakeExcel {
  fake.addSheet(sheet);
  fake.addUserTable(sheet, at, headers, rows, HISTORY_TABLE);
  return fake;
}
