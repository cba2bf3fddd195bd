/**
 * A label is a position's identity, in any case. What "Save" does with the label in the form,
 * given the position the form was loaded from (`editing`, null for "New position"):
 * - new: the label is free, a new position is added;
 * - update: the loaded position is saved under its own label (its case may change);
 * - rename: the loaded position gets a new, free label;
 * - refuse: the label belongs to another position, or the loaded one is gone (deleted here or in
 *   another tab): nothing is written, and the message goes beside the Label field.
 */
import type { Position } from "../workbook/model";

export type SaveDecision =
  | { kind: "new" }
  | { kind: "update"; saved: Position }
  | { kind: "rename"; from: Position }
  | { kind: "refuse"; message: string };

/** The book's position of this label (labels match in any case, as in the table). */
export function findByLabel(book: readonly Position[], label: string): Position | undefined {
  const wanted = label.trim().toLowerCase();
  return book.find((p) => p.label.toLowerCase() === wanted);
}

export function decideSave(
  editing: string | null,
  label: string,
  book: readonly Position[]
): SaveDecision {
  const taken = findByLabel(book, label);
  if (editing === null) {
    return taken
      ? {
          kind: "refuse",
          message: `"${taken.label}" is already in the book: pick another label, or load "${taken.label}" from the book to change it`,
        }
      : { kind: "new" };
  }
  const loaded = findByLabel(book, editing);
  if (!loaded) {
    return {
      kind: "refuse",
      message: `"${editing}" is no longer in the book (deleted here or in another tab): press Save again to add it as a new position`,
    };
  }
  if (!taken || taken === loaded) {
    return taken ? { kind: "update", saved: loaded } : { kind: "rename", from: loaded };
  }
  return {
    kind: "refuse",
    message: `"${taken.label}" is another position's label: pick a label no other position uses`,
  };
}

/**
 * The position a save writes. The form has no fields for the entry date and notes: an update or a
 * rename keeps the book's, a new position is entered `today` (the exchange's date) with no notes.
 */
export function positionToSave(
  decision: Exclude<SaveDecision, { kind: "refuse" }>,
  position: Position,
  today: number
): Position {
  const kept =
    decision.kind === "update" ? decision.saved : decision.kind === "rename" ? decision.from : null;
  return kept
    ? { ...position, entryDate: kept.entryDate, notes: kept.notes }
    : { ...position, entryDate: today, notes: "" };
}
