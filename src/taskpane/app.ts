/* global HTMLButtonElement, HTMLSelectElement, document */
/**
 * The task pane: the form, the live summary, the book and the three actions, the same in Excel
 * and standalone. What differs (where the book and settings live, what "Write schedule" writes)
 * comes in through a `Host`.
 */
import { isAlvhError } from "../core/errors";
import type { PositionBook, PositionListing } from "../workbook/book";
import type { PlanFromBook } from "../workbook/port";
import type { HedgeSettings, Position, ScheduleScope } from "../workbook/model";
import { buildSchedulePlan, type WorkbookPlan } from "../workbook/plan";
import type { SettingsStore } from "../workbook/settings";
import { exchangeSerialFromDate } from "../workbook/time";
import { byId, el } from "./dom";
import { initialValues, POSITION_FIELD_IDS } from "./fields";
import { positionValues, readForm, settingsValues, type FormReading } from "./form";
import { FormView } from "./form-view";
import { liveSummary } from "./summary";

export interface Host {
  /** Shown under the title: where positions are kept and where the schedule goes. */
  description: string;
  book: PositionBook;
  settings: SettingsStore;
  /**
   * Writes the plan made from the book as it stands at the moment of writing (in Excel, read in
   * the same round trips as the write, so a colleague's edit to the table is not lost) and keeps
   * the plan's settings with it; returns what to tell the trader.
   */
  write(planFor: PlanFromBook): Promise<string>;
  /** Whether "Download workbook" is offered (the standalone app's way to get a real file). */
  canDownload: boolean;
}

const nowSerial = (): number => exchangeSerialFromDate(new Date());

function messageOf(error: unknown): string {
  if (isAlvhError(error)) return error.message;
  return error instanceof Error ? `Something went wrong: ${error.message}` : String(error);
}

export class TaskPane {
  private readonly form: FormView;
  private readonly status = byId("status");
  private baseSettings: HedgeSettings | undefined;
  /** Entry date and notes of the position in the form, kept across an update. */
  private loaded: { entryDate: number | null; notes: string } = { entryDate: null, notes: "" };
  private listing: PositionListing = { positions: [], problems: [] };
  private busy = false;
  /** A settings change committed while an action ran, kept once it has finished. */
  private settingsPending = false;
  /** Counts status messages, so a late "Settings saved." never hides a newer message. */
  private said = 0;

  constructor(
    private readonly host: Host,
    private readonly onDownload: (plan: WorkbookPlan) => Promise<string>
  ) {
    this.form = new FormView(byId("position-form"));
    this.form.setValues(initialValues());
    this.form.onInput(() => this.refresh());
    byId("mode").textContent = host.description;
    byId<HTMLButtonElement>("download").hidden = !host.canDownload;
    byId("position-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    byId("write").addEventListener("click", () => void this.write());
    byId("download").addEventListener("click", () => void this.download());
    byId("new-position").addEventListener("click", () => this.load(null));
    // "change" fires when an edit is committed (leaving the field, Enter, a pick in a list).
    byId("group-settings").addEventListener("change", () => void this.keepSettings());
  }

  async start(): Promise<void> {
    const { settings, problems } = await this.host.settings.load();
    this.baseSettings = settings;
    this.form.setValues(settingsValues(settings));
    await this.reloadBook();
    if (problems.length) this.say(`Saved settings replaced by defaults: ${problems.join("; ")}`);
    this.refresh();
  }

  /** Puts a saved position into the form (null: an empty form for a new one). */
  load(position: Position | null): void {
    const blank = initialValues();
    const fields = position
      ? positionValues(position)
      : Object.fromEntries(POSITION_FIELD_IDS.map((id) => [id, blank[id]]));
    this.form.setValues(fields);
    this.loaded = position
      ? { entryDate: position.entryDate, notes: position.notes }
      : { entryDate: null, notes: "" };
    this.form.reset();
    this.refresh();
    if (position) this.say(`Loaded "${position.label}".`);
  }

  private read(): FormReading {
    return readForm(this.form.values(), {
      today: Math.floor(nowSerial()),
      baseSettings: this.baseSettings ?? ({} as HedgeSettings),
      entryDate: this.loaded.entryDate,
      notes: this.loaded.notes,
      isSaved: (label) => this.savedAs(label) !== undefined,
    });
  }

  private refresh(): FormReading {
    const reading = this.read();
    this.form.showErrors(reading.errors);
    const list = byId("summary-list");
    list.replaceChildren(
      ...liveSummary(reading, nowSerial()).flatMap((line) => [
        el("dt", {}, line.label),
        el("dd", { "data-summary": line.key }, line.value),
      ])
    );
    byId("general-errors").replaceChildren(...reading.general.map((m) => el("li", {}, m)));
    return reading;
  }

  private say(message: string, isError = false): void {
    this.said++;
    this.status.textContent = message;
    this.status.classList.toggle("is-error", isError);
  }

  /** Runs an action unless one is running; a failure is reported, never thrown at the page. */
  private async act(action: () => Promise<string | undefined>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    document.body.setAttribute("aria-busy", "true");
    try {
      const message = await action();
      if (message) this.say(message);
    } catch (error) {
      this.say(messageOf(error), true);
    } finally {
      this.busy = false;
      document.body.removeAttribute("aria-busy");
      if (this.settingsPending) {
        this.settingsPending = false;
        void this.keepSettings();
      }
    }
  }

  /**
   * The form's inputs when the ones `need` asks for are valid; otherwise shows why and gives up.
   * "market" is everything but the position: the whole book written from the saved positions.
   */
  private valid(need: "position" | "market" | "all"): FormReading | undefined {
    this.form.revealAll();
    const reading = this.refresh();
    const isPosition = (id: string) => POSITION_FIELD_IDS.includes(id);
    const blocking = [...reading.errors.keys()].filter((id) =>
      need === "all" ? true : need === "position" ? isPosition(id) : !isPosition(id)
    );
    const marketReady = reading.market && reading.settings && reading.general.length === 0;
    const complete =
      need === "position"
        ? reading.position !== undefined
        : need === "market"
          ? marketReady
          : reading.position && marketReady;
    if (blocking.length === 0 && complete) return reading;
    this.form.focusFirst(blocking);
    this.say(
      `Nothing was written: ${blocking.length || 1} input${blocking.length > 1 ? "s need" : " needs"} fixing.`,
      true
    );
    return undefined;
  }

  /**
   * What "Write schedule" and "Download workbook" need: for the whole book with the position
   * fields untouched, only the market and settings (the book is the saved positions); otherwise
   * the position too, which joins the book even before it is saved.
   */
  private validForSchedule(): FormReading | undefined {
    const untouched = initialValues();
    const values = this.form.values();
    const bookOnly =
      byId<HTMLSelectElement>("scope").value === "book" &&
      POSITION_FIELD_IDS.every((id) => (values[id] ?? "") === (untouched[id] ?? ""));
    if (!bookOnly) return this.valid("all");
    const reading = this.valid("market");
    return reading && { ...reading, position: undefined };
  }

  /**
   * Settings travel with the workbook (or stay in this browser) as soon as a valid change is
   * committed, not only when a schedule is written. Not run through `act`, so a "Write schedule"
   * click that follows the change is neither delayed nor dropped; a change committed while an
   * action runs is kept when it ends, after the write has kept the settings it was made with.
   */
  private async keepSettings(): Promise<void> {
    if (this.busy) {
      this.settingsPending = true;
      return;
    }
    const settings = this.read().settings;
    if (!settings) return;
    const before = this.said;
    try {
      await this.host.settings.save(settings);
      this.baseSettings = settings;
      if (this.said === before) this.say("Settings saved.");
    } catch (error) {
      this.say(messageOf(error), true);
    }
  }

  private save(): Promise<void> {
    return this.act(async () => {
      const reading = this.valid("position");
      if (!reading?.position) return undefined;
      const saved = this.savedAs(reading.position.label);
      // The form has no fields for the entry date and notes: an update keeps the book's, a new
      // position is entered today (the exchange's date) with no notes.
      const position: Position = saved
        ? { ...reading.position, entryDate: saved.entryDate, notes: saved.notes }
        : { ...reading.position, entryDate: Math.floor(nowSerial()), notes: "" };
      await this.host.book.save(position);
      await this.reloadBook();
      return `${saved ? "Updated" : "Saved"} "${position.label}".`;
    });
  }

  /** The book's position of this label (labels match in any case, as in the table). */
  private savedAs(label: string): Position | undefined {
    const wanted = label.trim().toLowerCase();
    return this.listing.positions.find((p) => p.label.toLowerCase() === wanted);
  }

  private plan(reading: FormReading, listing: PositionListing = this.listing): WorkbookPlan {
    const position = reading.position;
    const others = listing.positions.filter(
      (p) => p.label.toLowerCase() !== position?.label.toLowerCase()
    );
    const book = position ? [...others, position] : others;
    const scope: ScheduleScope =
      byId<HTMLSelectElement>("scope").value === "book" || !position
        ? { kind: "book" }
        : { kind: "position", label: position.label };
    return buildSchedulePlan({
      positions: book,
      scope,
      settings: reading.settings as HedgeSettings,
      market: reading.market as NonNullable<FormReading["market"]>,
      computedAt: nowSerial(),
    });
  }

  /** "Write schedule" from the ribbon or a keyboard shortcut: the same as the pane's button. */
  writeSchedule(): Promise<void> {
    return this.write();
  }

  private write(): Promise<void> {
    return this.act(async () => {
      const reading = this.validForSchedule();
      if (!reading) return undefined;
      const message = await this.host.write((book) => this.plan(reading, book));
      // The book as the write found it (in Excel, others may have edited the table).
      await this.reloadBook();
      this.baseSettings = reading.settings;
      return message;
    });
  }

  private download(): Promise<void> {
    return this.act(async () => {
      const reading = this.validForSchedule();
      if (!reading) return undefined;
      return this.onDownload(this.plan(reading));
    });
  }

  private async reloadBook(): Promise<void> {
    try {
      this.listing = await this.host.book.list();
    } catch (error) {
      this.listing = { positions: [], problems: [] };
      this.say(messageOf(error), true);
    }
    this.renderBook();
  }

  private renderBook(): void {
    const { positions, problems } = this.listing;
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
      loadButton.addEventListener("click", () => this.load(positions[i]));
      deleteButton.addEventListener("click", () => void this.remove(positions[i].label));
    });
    byId("book-list").replaceChildren(...items);
    byId("book-empty").hidden = positions.length > 0;
    byId("book-problems").replaceChildren(...problems.map((p) => el("li", {}, p.message)));
  }

  private remove(label: string): Promise<void> {
    return this.act(async () => {
      await this.host.book.remove(label);
      await this.reloadBook();
      byId("book-heading").focus();
      return `Deleted "${label}".`;
    });
  }

  /** Re-reads the book (after an import, or when Excel's table changed). */
  async refreshBook(): Promise<void> {
    await this.reloadBook();
  }

  /** The book as the pane last read it. */
  positions(): readonly Position[] {
    return this.listing.positions;
  }

  report(message: string, isError = false): void {
    this.say(message, isError);
  }
}
