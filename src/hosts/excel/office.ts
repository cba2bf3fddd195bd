/**
 * The slice of office.js the Excel host uses, passed in whole, so the book, the settings and the
 * writer run the same against real Excel and against the recording fake in
 * tests/support/excel-fake.ts.
 */
import type { RequirementChecker } from "../../workbook/excel/render";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The slice of `Office.context.document.settings` the add-in uses. */
export interface DocumentSettingsPort {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export interface OfficeApi {
  run: ExcelRun;
  requirements: RequirementChecker;
  settings: DocumentSettingsPort;
}

export function officeApi(): OfficeApi {
  return {
    run: (batch) => Excel.run(batch),
    requirements: Office.context.requirements,
    settings: Office.context.document.settings as unknown as DocumentSettingsPort,
  };
}
