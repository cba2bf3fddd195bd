/**
 * The risk view (issue 15): the risk graph, the scenario grid as a heat map switchable between
 * net, condor and hedge, the horizon and VIX-move sliders, and the figures beside them. Sliders
 * recompute on `input`, at most once per animation frame, reusing the grid's arrays.
 */
import { isAlvhError, scenarioGrid, type ScenarioGrid, type ScenarioOutput } from "../../core";
import { hedgeNoun } from "../../workbook/action";
import type { MarketInputs, Position } from "../../workbook/model";
import type { BookFigures } from "../../workbook/figures";
import type { ResolvedSettings } from "../../workbook/settings";
import { el, svg } from "../dom";
import type { FormReading } from "../form";
import { completeReading, positionsInScope } from "../schedule-request";
import { formatNumber } from "../format";
import { riskCurves, riskGraphShape } from "./graph";
import { riskModel, type RiskModel } from "./model";

export interface RiskSource {
  positions: readonly Position[];
  /** Validated by the form's reading: the model does not validate them again. */
  settings: ResolvedSettings;
  market: MarketInputs;
  computedAt: number;
  /** The schedule's figures of exactly these positions, when already computed. */
  figures?: BookFigures;
}

/**
 * The risk view's book: the form's position, or the whole book with it, as the schedule's; the
 * figures computed for the form's position serve when the view shows that position alone.
 */
export function riskSource(
  reading: FormReading,
  saved: readonly Position[],
  wholeBook: boolean,
  formFigures: BookFigures | undefined,
  computedAt: number
): RiskSource | undefined {
  const complete = completeReading(reading);
  if (!complete || !reading.resolved) return undefined;
  return {
    positions: positionsInScope(saved, complete.position, wholeBook),
    settings: reading.resolved,
    market: complete.market,
    computedAt,
    figures: wholeBook ? undefined : formFigures,
  };
}

const OUTPUTS: [ScenarioOutput, string][] = [
  ["net", "Net"],
  ["condor", "Condor"],
  ["hedge", "Hedge"],
];

function slider(id: string, label: string, min: number, max: number, step: number) {
  const input = el("input", { type: "range", id, min, max, step, value: 0 });
  const output = el("output", { for: id, id: `${id}-value` }, "0");
  return {
    input,
    output,
    field: el("div", { class: "field" }, el("label", { for: id }, label), input, output),
  };
}

function money(value: number): string {
  return formatNumber(value, "$#,##0");
}

/** Loss red, gain green, stronger with the size of the P&L against the grid's largest. */
function heat(value: number, largest: number): string {
  const strength = largest > 0 ? Math.min(Math.abs(value) / largest, 1) : 0;
  // Pale enough that the dark figures on it keep WCAG AA contrast (axe checks the pane).
  const alpha = (0.08 + 0.3 * strength).toFixed(3);
  if (value === 0) return "transparent";
  return value < 0 ? `rgba(200, 40, 40, ${alpha})` : `rgba(30, 140, 60, ${alpha})`;
}

export class RiskView {
  private model: RiskModel | undefined;
  private source: RiskSource | undefined;
  private grid: ScenarioGrid | undefined;
  private output: ScenarioOutput = "net";
  private frame = false;
  private readonly message = el("p", { id: "risk-message", class: "status" });
  private readonly figures = el("dl", { id: "risk-figures" });
  private readonly horizon = slider("risk-horizon", "Horizon (days)", 0, 1, 1);
  private readonly vix = slider("risk-vix", "VIX move on the graph (points)", -10, 30, 0.5);
  private readonly hedgeInput = el("input", {
    type: "number",
    id: "risk-hedge",
    min: 0,
    step: 1,
    inputmode: "numeric",
  });
  private readonly graph = svg("svg", {
    id: "risk-graph",
    role: "img",
    "aria-label": "Risk graph",
  });
  private readonly table = el("table", { id: "risk-grid", class: "heat-map" });

  constructor(
    private readonly root: HTMLElement,
    /** Writes the figures' en-US separators as the trader's locale does (showNumbers). */
    private readonly localize: (text: string) => string = (text) => text
  ) {
    const switches = OUTPUTS.map(([value, label]) =>
      el(
        "label",
        { class: "switch" },
        el("input", { type: "radio", name: "risk-output", value, checked: value === "net" }),
        label
      )
    );
    root.replaceChildren(
      el("h2", { id: "risk-title" }, "Risk"),
      this.message,
      this.figures,
      el(
        "div",
        { class: "field" },
        el("label", { for: "risk-hedge" }, "Hedge contracts (empty: the schedule's)"),
        this.hedgeInput
      ),
      this.graph,
      el("fieldset", { id: "risk-output" }, el("legend", {}, "Grid shows"), ...switches),
      this.horizon.field,
      this.vix.field,
      // Focusable, so a keyboard can scroll the grid sideways too.
      el(
        "div",
        { class: "heat-scroll", tabindex: 0, role: "region", "aria-label": "Scenario grid" },
        this.table
      )
    );
    root.addEventListener("change", (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === "risk-output") {
        this.output = target.value as ScenarioOutput;
        this.schedule();
      }
    });
    this.horizon.input.addEventListener("input", () => this.schedule());
    this.vix.input.addEventListener("input", () => this.schedule());
    this.hedgeInput.addEventListener("input", () => this.show(this.source));
  }

  /** New inputs from the form or the book; undefined hides the view. */
  show(source: RiskSource | undefined): void {
    this.source = source;
    this.model = undefined;
    if (!source || source.positions.length === 0) {
      this.root.hidden = true;
      return;
    }
    this.root.hidden = false;
    const typed = this.hedgeInput.value.trim();
    try {
      this.model = riskModel(
        source.positions,
        source.settings,
        source.market,
        source.computedAt,
        typed === "" ? undefined : Number(typed),
        source.figures
      );
    } catch (error) {
      if (!isAlvhError(error)) throw error;
      this.message.textContent = error.message;
      this.table.replaceChildren();
      this.graph.replaceChildren();
      return;
    }
    this.message.textContent = "";
    const days = Math.ceil(this.model.risk.dte.max);
    this.horizon.input.max = String(Math.max(days, 1));
    if (Number(this.horizon.input.value) > days) this.horizon.input.value = String(days);
    this.hedgeInput.placeholder = String(this.model.figures.wholeContracts);
    // The engine's inputs as the view used them, so a reader (or a test) can recompute the grid.
    this.table.dataset.book = JSON.stringify(this.model.input);
    this.renderFigures(this.model);
    this.render();
  }

  /** Recompute at the next frame, once however many inputs arrive before it. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = true;
    requestAnimationFrame(() => {
      this.frame = false;
      this.render();
    });
  }

  private render(): void {
    const model = this.model;
    if (!model) return;
    const horizonDays = Number(this.horizon.input.value);
    const vixMove = Number(this.vix.input.value);
    this.horizon.output.textContent = String(horizonDays);
    this.vix.output.textContent = this.localize(formatNumber(vixMove, "0.0"));
    try {
      this.grid = scenarioGrid(model.book, { horizonDays }, this.grid);
      this.renderGrid(this.grid);
      this.renderGraph(model, horizonDays, vixMove);
      this.message.textContent = "";
    } catch (error) {
      if (!isAlvhError(error)) throw error;
      this.message.textContent = error.message;
    }
  }

  private renderFigures(model: RiskModel): void {
    const { risk, hedge } = model;
    const deltas = risk.shortDeltas
      .map(
        (d) =>
          `${risk.shortDeltas.length > 1 ? `${d.label}: ` : ""}put ${formatNumber(d.put, "0.00")}, call ${formatNumber(d.call, "0.00")}`
      )
      .join("; ");
    const dte =
      risk.dte.min === risk.dte.max
        ? formatNumber(risk.dte.max, "0.0")
        : `${formatNumber(risk.dte.min, "0.0")} – ${formatNumber(risk.dte.max, "0.0")}`;
    const lines: [string, string, string][] = [
      ["pnlNow", "P&L now (credit − mark)", money(risk.pnlNow)],
      [
        "hedge",
        "Hedge",
        `${hedge.contracts} VIX ${hedgeNoun(hedge.kind, hedge.contracts)}, ${formatNumber(hedge.days, "0.0")} days`,
      ],
      ["netVega", "Net vega after the hedge", `${money(risk.netVega)} per vol point`],
      ["shortDeltas", "Short strikes' deltas", deltas],
      ["dte", "Days to expiry", dte],
      ["pop", "POP", risk.pop === null ? "—" : formatNumber(risk.pop, "0.0%")],
      ["nextTrigger", "Next trigger", risk.nextTrigger],
    ];
    this.figures.replaceChildren(
      ...lines.flatMap(([key, label, value]) => [
        el("dt", {}, label),
        el("dd", { "data-risk": key }, this.localize(value)),
      ])
    );
  }

  private renderGrid(grid: ScenarioGrid): void {
    const values = grid[this.output];
    const cols = grid.vixMoves.length;
    const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const head = el(
      "tr",
      {},
      el("th", { scope: "col" }, "SPX \\ VIX"),
      ...grid.vixMoves.map((v) =>
        el("th", { scope: "col", "data-vix-move": v }, `${v > 0 ? "+" : ""}${v}`)
      )
    );
    const rows = grid.spxMoves.map((x, i) =>
      el(
        "tr",
        {},
        el("th", { scope: "row", "data-spx-move": x }, this.localize(formatNumber(x, "0.0%"))),
        ...Array.from(values.subarray(i * cols, (i + 1) * cols), (v) => {
          const cell = el("td", { "data-value": String(v) }, this.localize(money(v)));
          cell.style.backgroundColor = heat(v, largest);
          return cell;
        })
      )
    );
    this.table.dataset.output = this.output;
    this.table.dataset.horizon = String(grid.horizonDays);
    this.table.replaceChildren(
      el("caption", {}, `${this.output} P&L ($), x down, ΔV across`),
      head,
      ...rows
    );
  }

  private renderGraph(model: RiskModel, horizonDays: number, vixMove: number): void {
    const { figures } = model;
    const shape = riskGraphShape(riskCurves(model.book, horizonDays, vixMove), model.book.spot, [
      figures.lowerBreakEven,
      figures.upperBreakEven,
    ]);
    const { plot } = shape;
    this.graph.setAttribute("viewBox", `0 0 ${shape.width} ${shape.height}`);
    this.graph.replaceChildren(
      ...shape.yTicks.map((t) =>
        svg("line", { class: "gridline", x1: plot.left, y1: t.at, x2: plot.right, y2: t.at })
      ),
      ...shape.yTicks.map((t) =>
        svg("text", { x: plot.left - 4, y: t.at + 3, "text-anchor": "end" }, this.localize(t.label))
      ),
      ...shape.xTicks.map((t) =>
        svg(
          "text",
          { x: t.at, y: plot.bottom + 14, "text-anchor": "middle" },
          this.localize(t.label)
        )
      ),
      ...(shape.zeroY === null
        ? []
        : [
            svg("line", {
              class: "zero",
              x1: plot.left,
              y1: shape.zeroY,
              x2: plot.right,
              y2: shape.zeroY,
            }),
          ]),
      ...shape.marks.map((m) =>
        svg(
          "g",
          { class: `mark mark-${m.key === "spot" ? "spot" : "be"}`, "data-mark": m.key },
          svg("line", { x1: m.x, y1: plot.top, x2: m.x, y2: plot.bottom }),
          svg("text", { x: m.x, y: plot.top + 8 + 10 * m.row, "text-anchor": "middle" }, m.label)
        )
      ),
      ...shape.lines.map((line) =>
        svg(
          "polyline",
          {
            class: `curve curve-${line.key}${line.hedged ? " hedged" : ""}`,
            "data-curve": line.key,
            points: line.points,
          },
          svg("title", {}, line.name)
        )
      )
    );
  }
}
