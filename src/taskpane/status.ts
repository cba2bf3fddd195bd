/**
 * The pane's status line under its buttons: the last message, red when it is an error, with a
 * button beside it when the message offers an action (Undo delete, Reload book).
 */
import { byId } from "./dom";

export interface StatusAction {
  label: string;
  run: () => Promise<void>;
}

export class StatusLine {
  private readonly line = byId("status");
  private readonly button = byId<HTMLButtonElement>("status-action");
  /** Counts messages, so a late "Settings saved." never hides a newer message. */
  private said = 0;

  say(message: string, isError = false, action?: StatusAction): void {
    this.said++;
    this.line.textContent = message;
    this.line.classList.toggle("is-error", isError);
    this.button.hidden = !action;
    this.button.textContent = action?.label ?? "";
    this.button.onclick = action ? () => void action.run() : null;
  }

  /** How many messages were shown so far (to tell whether another came since). */
  count(): number {
    return this.said;
  }
}
