/**
 * The book in the page, like FormView for the form: the saved positions (each a button that loads
 * it and one that deletes it), the rows that could not be read, and "Undo delete".
 */
import type { Position } from "../workbook/model";
import type { PositionListing } from "../workbook/positions-table";
import { byId, el } from "./dom";

export interface BookActions {
  load(position: Position): void;
  remove(label: string): void;
  undoDelete(position: Position): void;
}

export class BookView {
  constructor(private readonly actions: BookActions) {}

  show({ positions, problems }: PositionListing): void {
    const items = positions.map((p) =>
      el(
        "li",
        {},
        el("button", { type: "button", class: "link", "data-load": p.label }, p.label),
        el(
          "button",
          {
            type: "button",
            class: "delete",
            "aria-label": `Delete ${p.label}`,
            title: `Delete ${p.label}`,
          },
          "Delete"
        )
      )
    );
    items.forEach((item, i) => {
      const [loadButton, deleteButton] = item.querySelectorAll("button");
      loadButton.addEventListener("click", () => this.actions.load(positions[i]));
      deleteButton.addEventListener("click", () => this.actions.remove(positions[i].label));
    });
    byId("book-list").replaceChildren(...items);
    byId("book-empty").hidden = positions.length > 0;
    byId("book-problems").replaceChildren(...problems.map((p) => el("li", {}, p.message)));
  }

  /** The book keeps an "Undo delete" for the last position deleted in this session. */
  showUndo(last: Position | undefined): void {
    const button = byId<HTMLButtonElement>("undo-delete");
    button.hidden = !last;
    button.textContent = last ? `Undo delete of "${last.label}"` : "";
    button.onclick = last ? () => this.actions.undoDelete(last) : null;
  }

  focus(): void {
    byId("book-heading").focus();
  }
}
