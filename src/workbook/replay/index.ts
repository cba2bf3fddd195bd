/**
 * The "ALVH Replay" sheet (SPEC §5 History and replay) as a workbook plan, and the history table
 * it reads. See sheet.ts for the layout.
 */
export * from "./history-table";
export * from "./limits";
export * from "./merge";
export * from "./sheet";
