/**
 * The pane's Replay section: its own settings (strikes, futures model, fees; the layer settings
 * come from the form's Settings), "Import history" (standalone), "Replay" with SPEC §4's summary
 * and the model's limits, and "Compare layer spacings": the threshold × step sweep as two small
 * tables, ALVH's max drawdown and total P&L; "Compare MACD gate": the plain rule against the
 * MACD-gated one (issue 17).
 */
import {
  AlvhError,
  REPLAY_DEFAULTS,
  REPLAY_VARIANTS,
  replayGateComparison,
  replayParams,
  replaySweep,
  SUMMARY_ROWS,
  type ReplayParams,
  type VariantSummary,
} from "../../core";
import type { HedgeSettings } from "../../workbook/model";
import { REPLAY_LIMITS } from "../../workbook/replay/limits";
import { byId, el } from "../dom";
import { formatNumber, type ShowNumber } from "../format";
import type { NumberSeparators } from "../../hosts/host";
import { EN_US, parseLocaleNumber, showNumbers } from "../number-locale";
import { failureMessage } from "../messages";
import type { ReplayHost, ReplayOutcome } from "./hosts";
import { gateTable } from "./gate-view";
import { sweepTables } from "./sweep-view";

/** The section's fields: id suffix, label, the parameter, hint. */
const FIELDS = [
  ["short-delta", "Short delta", "shortDelta", "0.20 = 20-delta shorts"],
  ["wing-delta", "Wing delta", "wingDelta", "long wings' delta"],
  ["long-run-vix", "Long-run VIX", "longRunVix", "modelled futures revert to this"],
  ["kappa", "κ (kappa)", "kappa", "futures' mean-reversion speed, per year"],
  ["fee", "Fee per contract ($)", "feePerContract", "per hedge contract traded"],
] as const;

const SUMMARY_FORMATS: Partial<Record<keyof VariantSummary, string>> = {
  cycles: "0",
  winningCycles: "0.0%",
  contractsTraded: "#,##0",
  daysHedged: "0.0%",
};

export class ReplayPanel {
  private readonly status = byId("replay-status");
  private readonly sweepButton = byId<HTMLButtonElement>("sweep");
  private readonly gateButton = byId<HTMLButtonElement>("gate");
  private last: { outcome: ReplayOutcome; params: ReplayParams } | null = null;
  private busy = false;

  /** Figures as the trader's locale writes them. */
  private readonly show: ShowNumber = (value, code) =>
    showNumbers(formatNumber(value, code), this.locale());

  constructor(
    private readonly host: ReplayHost,
    private readonly settings: () => HedgeSettings | undefined,
    /** The separators the trader types and reads numbers with (the pane's locale). */
    private readonly locale: () => NumberSeparators = () => EN_US
  ) {
    byId("replay-fields").append(
      ...FIELDS.map(([id, label, param, hint]) =>
        el(
          "div",
          { class: "field field-number" },
          el("label", { for: `replay-${id}` }, label),
          el("input", {
            id: `replay-${id}`,
            type: "text",
            inputmode: "decimal",
            autocomplete: "off",
            value: String(REPLAY_DEFAULTS[param]),
            "aria-describedby": `replay-${id}-hint`,
          }),
          el("p", { class: "hint", id: `replay-${id}-hint` }, hint)
        )
      )
    );
    this.showHistory();
    byId("replay").addEventListener("click", () => void this.act(() => this.replay()));
    this.sweepButton.addEventListener("click", () => void this.act(() => this.sweep()));
    this.gateButton.addEventListener("click", () => void this.act(() => this.gate()));
    if (host.importHistory) {
      const importHistory = host.importHistory.bind(host);
      byId("history-import").hidden = false;
      const input = byId<HTMLInputElement>("import-history");
      input.addEventListener("change", () => {
        const files = [...(input.files ?? [])];
        if (files.length === 0) return;
        void this.act(async () => {
          const read = await Promise.all(
            files.map(async (f) => ({ name: f.name, text: await f.text() }))
          );
          input.value = "";
          const message = importHistory(read);
          this.showHistory();
          return message;
        });
      });
    }
  }

  private showHistory(): void {
    byId("history-status").textContent = this.host.historyStatus();
  }

  private say(message: string, isError = false): void {
    this.status.textContent = message;
    this.status.classList.toggle("is-error", isError);
  }

  private async act(action: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const region = byId("replay-section");
    region.setAttribute("aria-busy", "true");
    try {
      this.say(await action());
    } catch (error) {
      this.say(failureMessage(error), true);
    } finally {
      this.busy = false;
      region.removeAttribute("aria-busy");
    }
  }

  /** The replay's parameters: this section's fields over the form's layer settings, checked. */
  private params(): ReplayParams {
    const settings = this.settings();
    const given: Partial<ReplayParams> = settings
      ? {
          threshold: settings.threshold,
          step: settings.step,
          perLayer: settings.perLayer,
          cap: settings.cap,
          vixRiseAtMaxLoss: settings.vixRise,
        }
      : {};
    for (const [id, label, param] of FIELDS) {
      const text = byId<HTMLInputElement>(`replay-${id}`).value.trim();
      if (text === "") continue;
      try {
        given[param] = parseLocaleNumber(param, text, this.locale());
      } catch {
        const fallback = showNumbers(String(REPLAY_DEFAULTS[param]), this.locale());
        throw new AlvhError(
          param,
          `${label}: "${text}" is not a number (leave it empty for ${fallback})`
        );
      }
    }
    return replayParams(given);
  }

  /**
   * Writes the fields' defaults and hints in the trader's locale, once the pane knows it (after
   * its start): a de-DE trader sees and may keep "0,2", not an en-US "0.2" the field would refuse.
   */
  localize(): void {
    for (const [id, , param] of FIELDS) {
      const input = byId<HTMLInputElement>(`replay-${id}`);
      if (input.value === String(REPLAY_DEFAULTS[param])) {
        input.value = showNumbers(input.value, this.locale());
      }
      const hint = byId(`replay-${id}-hint`);
      hint.textContent = showNumbers(hint.textContent ?? "", this.locale());
    }
  }

  private async replay(): Promise<string> {
    const params = this.params();
    const { outcome, message } = await this.host.replay(params);
    this.showHistory();
    this.last = outcome && { outcome, params };
    this.sweepButton.disabled = !outcome;
    this.gateButton.disabled = !outcome;
    byId("replay-sweep").hidden = true;
    byId("replay-gate").hidden = true;
    if (outcome) this.showSummary(outcome);
    byId("replay-results").hidden = !outcome;
    return message;
  }

  private showSummary({ result }: ReplayOutcome): void {
    const head = el(
      "tr",
      {},
      ...["metric", "unhedged", "static", "ALVH"].map((h) => el("th", { scope: "col" }, h))
    );
    const rows = SUMMARY_ROWS.map(([label, field]) =>
      el(
        "tr",
        { "data-metric": field },
        el("th", { scope: "row" }, label),
        ...REPLAY_VARIANTS.map((v) =>
          el(
            "td",
            { class: "num" },
            this.show(result.summary[v][field], SUMMARY_FORMATS[field] ?? "$#,##0")
          )
        )
      )
    );
    byId("replay-summary").replaceChildren(
      el("caption", {}, "Replay summary (SPEC §6, 1 condor a month)"),
      el("thead", {}, head),
      el("tbody", {}, ...rows)
    );
    byId("replay-limits").replaceChildren(
      el("strong", {}, "What the replay does not model: "),
      REPLAY_LIMITS.join(" ")
    );
  }

  private async sweep(): Promise<string> {
    if (!this.last) return "Replay first.";
    const { outcome, params } = this.last;
    const sweep = replaySweep(outcome.history, params);
    const view = byId("replay-sweep");
    view.replaceChildren(...sweepTables(sweep, params, this.show));
    view.hidden = false;
    return `Compared ${sweep.thresholds.length * sweep.steps.length} layer spacings (ALVH only; the condors and the other settings as replayed).`;
  }

  private async gate(): Promise<string> {
    if (!this.last) return "Replay first.";
    const { outcome, params } = this.last;
    const view = byId("replay-gate");
    view.replaceChildren(gateTable(replayGateComparison(outcome.history, params), this.show));
    view.hidden = false;
    return "Compared ALVH's plain rule with the MACD-gated one (the same condors and settings).";
  }
}
