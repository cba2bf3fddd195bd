/**
 * The book in the page, like FormView for the form: the saved positions (each a button that loads
 * it and one that deletes it, with its strikes, expiry, days left, contracts and P&L now), the rows
 * that could not be read, and "Undo delete".
 */
import type { Position } from "../workbook/model";
import type { PositionListing } from "../workbook/positions-table";
import { bookRowFacts } from "./book-row";
import { byId, el } from "./dom";
import { formatNumber } from "./format";

export interface BookActions {
  load(position: Position): void;
  remove(label: string): void;
  undoDelete(position: Position): void;
}

/** One line of a position's facts: "5800/5900/6100/6200 · exp 2025-01-31, 30 days left · …". */
export function bookFactsText(position: Position, today: number, spot?: number): string {
  const facts = bookRowFacts(position, today, spot);
  const days = `${facts.daysLeft} day${facts.daysLeft === 1 ? "" : "s"} left`;
  const contracts = `${facts.contracts} contract${facts.contracts === 1 ? "" : "s"}`;
  const pnl = facts.pnlNow === undefined ? "— (needs Spot)" : formatNumber(facts.pnlNow, "$#,##0");
  return `${facts.strikes} · exp ${facts.expiry}, ${days} · ${contracts} · P&L now ${pnl}`;
}

export class BookView {
  private shown: { position: Position; facts: HTMLElement }[] = [];

  constructor(private readonly actions: BookActions) {}

  show({ positions, problems }: PositionListing): void {
    const items = positions.map((p) =>
      el(
        "li",
        {},
        el("button", { type: "button", class: "link", "data-load": p.label }, p.label),
        el("span", { class: "book-facts", "data-facts": p.label }),
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
    this.shown = items.map((item, i) => ({
      position: positions[i],
      facts: item.querySelector<HTMLElement>(".book-facts") as HTMLElement,
    }));
    byId("book-list").replaceChildren(...items);
    byId("book-empty").hidden = positions.length > 0;
    byId("book-problems").replaceChildren(...problems.map((p) => el("li", {}, p.message)));
  }

  /** Each position's facts as of `today` (a serial) and the form's spot, when it is valid. */
  showFacts(today: number, spot: number | undefined): void {
    for (const { position, facts } of this.shown) {
      facts.textContent = bookFactsText(position, today, spot);
    }
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
