/**
 * The task pane: the form, the live summary, the book and the three actions, the same in Excel
 * and standalone. What differs (where the book and settings live, what "Write schedule" writes)
 * comes in through a `Host` (src/hosts/host.ts).
 */
import { AlvhError } from "../core";
import { StaleBookError, type Host, type NumberSeparators } from "../hosts/host";
import type { PositionListing } from "../workbook/positions-table";
import type { HedgeSettings, Position } from "../workbook/model";
import { buildSchedulePlan } from "../workbook/schedule";
import { DEFAULT_SETTINGS } from "../workbook/settings";
import { exchangeSerialFromDate } from "../workbook/time";
import { BookView } from "./book-view";
import { byId, el } from "./dom";
import { decideSave, findByLabel, positionToSave } from "./identity";
import { initialValues, POSITION_FIELD_IDS } from "./fields";
import { positionValues, readForm, settingsValues, type FormReading } from "./form";
import { FormView } from "./form-view";
import { RiskView, riskSource } from "./risk/view";
import { completeReading, scheduleRequest, type CompleteReading } from "./schedule-request";
import { formFigures } from "./summary";
import { showSummary } from "./summary-view";
import { StatusLine } from "./status";
import { blockers, neededFields, positionUntouched, type Need } from "./readiness";
import type { VixClosesSource } from "./signals/closes";
import { exampleValues } from "./example";
import { MarketRecall } from "./market-recall";
import { EN_US, localizeValues, numberLocale, showNumbers } from "./number-locale";
import { failureMessage } from "./messages";

const nowSerial = (): number => exchangeSerialFromDate(new Date());

export class TaskPane {
  private readonly form: FormView;
  private readonly status = new StatusLine();
  private readonly risk = new RiskView(byId("risk"), (text) => showNumbers(text, this.locale));
  private readonly bookView = new BookView({
    load: (position) => this.load(position),
    remove: (label) => void this.remove(label),
    undoDelete: (position) => void this.undoDelete(position),
  });
  private baseSettings: HedgeSettings = DEFAULT_SETTINGS;
  /** Entry date and notes of the position in the form, kept across an update. */
  private loaded: { entryDate: number | null; notes: string } = { entryDate: null, notes: "" };
  private listing: PositionListing = { positions: [], problems: [] };
  private busy = false;
  /** A settings change committed while an action ran, kept once it has finished. */
  private settingsPending = false;
  /** Label of the saved position the form was loaded from (null: a new position). */
  private editing: string | null = null;
  /** Positions deleted in this session, newest last, for Undo. */
  private deleted: Position[] = [];
  /** The separators numbers are typed and shown with (the host's locale, from start()). */
  private locale: NumberSeparators = EN_US;
  private readonly market: MarketRecall;

  constructor(
    private readonly host: Host,
    /** VIX closes for the signals in the summary and the schedule, when the host has them. */
    private readonly vixCloses?: VixClosesSource
  ) {
    this.form = new FormView(byId("position-form"));
    this.market = new MarketRecall(host.market);
    this.form.setValues(initialValues());
    this.form.onInput(() => this.refresh());
    vixCloses?.onChange(() => this.refresh());
    byId("mode").textContent = host.description;
    byId<HTMLButtonElement>("download").hidden = !host.download;
    byId("position-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    byId("write").addEventListener("click", () => void this.write());
    byId("download").addEventListener("click", () => void this.download());
    byId("new-position").addEventListener("click", () => this.load(null));
    byId("load-example").addEventListener("click", () => {
      this.form.setValues(localizeValues(exampleValues(nowSerial()), this.locale));
      this.refresh();
    });
    byId("scope").addEventListener("change", () => this.refresh());
    // "change" fires when an edit is committed (leaving the field, Enter, a pick in a list).
    byId("group-settings").addEventListener("change", () => void this.keepSettings());
    byId("group-market").addEventListener("change", () => void this.keepMarket());
  }

  async start(): Promise<void> {
    this.locale = numberLocale(await this.host.numberFormat?.().catch(() => EN_US));
    const { settings, problems } = await this.host.settings.load();
    this.baseSettings = settings;
    this.form.setValues(localizeValues(settingsValues(settings), this.locale));
    // Hints give examples ("0.16 or 16 %"): in the locale's format, as the trader types them.
    for (const hint of byId("position-form").querySelectorAll<HTMLElement>(".hint")) {
      hint.textContent = showNumbers(hint.textContent ?? "", this.locale);
    }
    const market = await this.market.restore(this.locale);
    this.form.setValues(market.values);
    await this.reloadBook();
    const notes = [
      ...(problems.length ? [`Saved settings replaced by defaults: ${problems.join("; ")}`] : []),
      ...(market.problems.length
        ? [`Saved market inputs left empty: ${market.problems.join("; ")}`]
        : []),
    ];
    if (notes.length) this.status.say(notes.join(". "));
    this.refresh();
  }

  /** Puts a saved position into the form (null: an empty form for a new one). */
  load(position: Position | null): void {
    const blank = initialValues();
    const fields = position
      ? positionValues(position)
      : Object.fromEntries(POSITION_FIELD_IDS.map((id) => [id, blank[id]]));
    this.form.setValues(localizeValues(fields, this.locale));
    this.loaded = position
      ? { entryDate: position.entryDate, notes: position.notes }
      : { entryDate: null, notes: "" };
    this.editing = position?.label ?? null;
    this.form.reset();
    this.refresh();
    if (position) this.status.say(`Loaded "${position.label}".`);
  }

  private read(): FormReading {
    return readForm(this.form.values(), {
      today: Math.floor(nowSerial()),
      baseSettings: this.baseSettings,
      entryDate: this.loaded.entryDate,
      notes: this.loaded.notes,
      isSaved: (label) => this.savedAs(label) !== undefined,
      locale: this.locale,
    });
  }

  private refresh(): FormReading {
    const reading = this.read();
    this.form.showErrors(reading.errors);
    // One computation of the schedule's figures per refresh, for the summary, the action line and
    // (for the form's position alone) the risk view.
    const computedAt = nowSerial();
    const figures = formFigures(reading, computedAt);
    showSummary(reading, figures, { vixCloses: this.vixCloses?.closes() }, (text) =>
      showNumbers(text, this.locale)
    );
    // The book's P&L needs only a valid spot, not the whole market.
    const spot = reading.errors.has("spot") ? undefined : reading.numbers.get("spot");
    this.bookView.showFacts(computedAt, spot);
    byId("general-errors").replaceChildren(...reading.general.map((m) => el("li", {}, m)));
    const wholeBook = this.wholeBook();
    this.risk.show(riskSource(reading, this.listing.positions, wholeBook, figures, computedAt));
    return reading;
  }

  /** Whether the schedule covers the whole book (the scope picker), or only the form's position. */
  private wholeBook(): boolean {
    return byId<HTMLSelectElement>("scope").value === "book";
  }

  /** Runs an action unless one is running; a failure is reported, never thrown at the page. */
  private async act(action: () => Promise<string | undefined>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    // The form is this pane's region (its buttons and status); the replay section marks its own.
    const region = byId("position-form");
    region.setAttribute("aria-busy", "true");
    try {
      const message = await action();
      if (message) this.status.say(message);
    } catch (error) {
      const stale = error instanceof StaleBookError;
      this.status.say(
        failureMessage(error),
        true,
        stale ? { label: "Reload book", run: () => this.reloadAfterStale() } : undefined
      );
    } finally {
      this.busy = false;
      region.removeAttribute("aria-busy");
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
  private valid(need: Need): FormReading | undefined {
    // Only the fields this action needs turn red: a save does not need the market.
    this.form.reveal(neededFields(need));
    const reading = this.refresh();
    const blocked = blockers(reading, need);
    if (!blocked) return reading;
    this.form.focusFirst(blocked.fields);
    const { count } = blocked;
    this.status.say(
      `Nothing was written: ${count} input${count > 1 ? "s need" : " needs"} fixing.`,
      true
    );
    return undefined;
  }

  /**
   * What "Write schedule" and "Download workbook" need: for the whole book with the position
   * fields untouched, only the market and settings (the book is the saved positions); otherwise
   * the position too, which joins the book even before it is saved.
   */
  private validForSchedule(): CompleteReading | undefined {
    const bookOnly = this.wholeBook() && positionUntouched(this.form.values());
    const reading = bookOnly ? this.valid("market") : this.valid("all");
    const complete = reading && completeReading(reading);
    return complete && (bookOnly ? { ...complete, position: undefined } : complete);
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
    const before = this.status.count();
    try {
      await this.host.settings.save(settings);
      this.baseSettings = settings;
      if (this.status.count() === before) this.status.say("Settings saved.");
    } catch (error) {
      this.status.say(failureMessage(error), true);
    }
  }

  /** Spot, VIX, VIX future and Held are remembered with the book once a change validates. */
  private async keepMarket(): Promise<void> {
    try {
      await this.market.keep(this.read(), this.form.values());
    } catch (error) {
      this.status.say(failureMessage(error), true);
    }
  }

  private save(): Promise<void> {
    return this.act(async () => {
      const reading = this.valid("position");
      if (!reading?.position) return undefined;
      const decision = decideSave(this.editing, reading.position.label, this.listing.positions);
      if (decision.kind === "refuse") {
        // A loaded position that is gone may be saved again, deliberately, as a new one.
        if (this.editing !== null && !this.savedAs(this.editing)) this.editing = null;
        this.form.showErrors(new Map([...reading.errors, ["label", decision.message]]));
        this.form.focusFirst(["label"]);
        this.status.say(`Nothing was written: ${decision.message}.`, true);
        return undefined;
      }
      const position = positionToSave(decision, reading.position, Math.floor(nowSerial()));
      await this.host.book.save(position);
      if (decision.kind === "rename") await this.host.book.remove(decision.from.label);
      this.editing = position.label;
      await this.reloadBook();
      if (decision.kind === "rename")
        return `Renamed "${decision.from.label}" to "${position.label}".`;
      return `${decision.kind === "update" ? "Updated" : "Saved"} "${position.label}".`;
    });
  }

  /** The book's position of this label (labels match in any case, as in the table). */
  private savedAs(label: string): Position | undefined {
    return findByLabel(this.listing.positions, label);
  }

  /** "Write schedule" from the ribbon or a keyboard shortcut: the same as the pane's button. */
  writeSchedule(): Promise<void> {
    return this.write();
  }

  private write(): Promise<void> {
    return this.act(async () => {
      const reading = this.validForSchedule();
      if (!reading) return undefined;
      // Plain values taken now: the plan is built inside the write from them and the book alone.
      const wholeBook = this.wholeBook();
      const computedAt = nowSerial();
      const closes = this.vixCloses?.closes();
      const { message } = await this.host.write((book) =>
        buildSchedulePlan(scheduleRequest(reading, book.positions, wholeBook, computedAt, closes))
      );
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
      const request = scheduleRequest(
        reading,
        this.listing.positions,
        this.wholeBook(),
        nowSerial(),
        this.vixCloses?.closes()
      );
      return this.host.download?.(buildSchedulePlan(request));
    });
  }

  private async reloadBook(): Promise<void> {
    try {
      this.listing = await this.host.book.list();
    } catch (error) {
      this.listing = { positions: [], problems: [] };
      this.status.say(failureMessage(error), true);
    }
    this.renderBook();
  }

  private renderBook(): void {
    this.bookView.show(this.listing);
    this.refresh();
  }

  /**
   * Deletes a position, clears the form when it held that position (so Save cannot bring it
   * back), and offers Undo for the rest of the session.
   */
  private remove(label: string): Promise<void> {
    return this.act(async () => {
      const position = this.savedAs(label);
      await this.host.book.remove(label);
      if (position) this.deleted.push(position);
      this.showUndo();
      if (this.editing !== null && this.editing.toLowerCase() === label.toLowerCase()) {
        this.load(null);
      }
      await this.reloadBook();
      this.bookView.focus();
      this.status.say(
        `Deleted "${label}".`,
        false,
        position ? { label: `Undo delete`, run: () => this.undoDelete(position) } : undefined
      );
      return undefined;
    });
  }

  private undoDelete(position: Position): Promise<void> {
    return this.act(async () => {
      if (this.savedAs(position.label)) {
        throw new AlvhError(
          "label",
          `"${position.label}" is in the book again, so the deleted one was not restored`
        );
      }
      await this.host.book.save(position);
      this.deleted = this.deleted.filter((p) => p !== position);
      this.showUndo();
      await this.reloadBook();
      return `Restored "${position.label}".`;
    });
  }

  private showUndo(): void {
    this.bookView.showUndo(this.deleted.at(-1));
  }

  private async reloadAfterStale(): Promise<void> {
    await this.reloadBook();
    this.status.say("Reloaded the book: it now shows the other tab's changes.");
  }

  /** Re-reads the book (after an import, or when Excel's table changed). */
  readonly refreshBook = (): Promise<void> => this.reloadBook();

  /** The book as the pane last read it. */
  positions(): readonly Position[] {
    return this.listing.positions;
  }

  report(message: string, isError = false): void {
    this.status.say(message, isError);
  }

  /** The separators numbers are typed and shown with (the replay panel reads them too). */
  readonly numberSeparators = (): NumberSeparators => this.locale;

  /** The form's settings when valid, else the last saved ones (the replay's layers come from here). */
  hedgeSettings(): HedgeSettings | undefined {
    return this.read().settings ?? this.baseSettings;
  }
}
