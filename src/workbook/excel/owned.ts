/**
 * The sheet an ownership record names (src/workbook/ownership.ts), shared by the schedule and the
 * replay writers: found by id (or, after a copy of the workbook, by name) in the first round trip,
 * proven by the hidden marker name's comment in the second, then reused or replaced by a new sheet.
 */
import { nextFreeSheetName } from "../sheets";
import { newOwnerToken, type OwnerRecord } from "../ownership";
import { requireUnprotected } from "./table";

/**
 * The sheet the record names, among sheets loaded with id and name; its names and charts are
 * queued for loading, for the proof and for deleting the previous charts.
 */
export function ownerCandidate(
  sheets: readonly Excel.Worksheet[],
  owner: OwnerRecord | null
): Excel.Worksheet | undefined {
  if (!owner) return undefined;
  const candidate =
    sheets.find((s) => s.id === owner.sheetId) ??
    sheets.find((s) => s.name.toLowerCase() === owner.sheet.toLowerCase());
  if (candidate) {
    candidate.names.load("items/name,items/comment");
    candidate.charts.load("items/name");
  }
  return candidate;
}

/**
 * The candidate when its hidden `marker` name carries the record's token (after the sync that
 * loaded its names), else undefined; a proven sheet must be unprotected to be rewritten.
 */
export function provenOwned(
  candidate: Excel.Worksheet | undefined,
  owner: OwnerRecord | null,
  marker: string,
  action: string
): Excel.Worksheet | undefined {
  const proven =
    candidate !== undefined &&
    owner !== null &&
    candidate.names.items.some((n) => n.name === marker && n.comment === owner.token);
  if (!proven) return undefined;
  requireUnprotected(candidate.name, candidate.protection.protected, action);
  return candidate;
}

interface OwnedSheet {
  sheet: Excel.Worksheet;
  /** Its name: the proven sheet's, or the next free one after `preferred`. */
  name: string;
  /** The proof to write on it: the record's token when reused, a new one on a new sheet. */
  token: string;
  /** A new sheet went to another name because a sheet the add-in cannot prove took `preferred`. */
  renamed: boolean;
}

/** The proven sheet to rewrite, or a new sheet named after `preferred` among `taken` names. */
export function ownedSheet(
  sheets: Excel.WorksheetCollection,
  previous: Excel.Worksheet | undefined,
  owner: OwnerRecord | null,
  preferred: string,
  taken: readonly string[]
): OwnedSheet {
  if (previous && owner) {
    return { sheet: previous, name: previous.name, token: owner.token, renamed: false };
  }
  const name = nextFreeSheetName(preferred, [...taken]);
  return { sheet: sheets.add(name), name, token: newOwnerToken(), renamed: name !== preferred };
}
