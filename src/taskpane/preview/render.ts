/**
 * The standalone "workbook": the plan drawn in the page as sheet tabs, a cell grid showing the
 * computed values in their formats, and the plan's two charts as SVG.
 */
import { columnLetters } from "../../workbook/a1";
import type { SheetKey } from "../../workbook/plan";
import { el, svg } from "../dom";
import { chartShape, type ChartShape } from "./chart";
import { cellKey, PlanValues, sheetGrid, type PreviewPlan, type SheetGrid } from "./sheet";

export type { PreviewPlan } from "./sheet";

/** Rows of a sheet the page draws; the rest (a long replay's days) are in the downloaded file. */
export const PREVIEW_ROWS = 200;

let chartCount = 0;

function chartSvg(shape: ChartShape): SVGSVGElement {
  const id = `chart-title-${++chartCount}`;
  const { plot } = shape;
  const axes = svg(
    "g",
    { class: "axes" },
    svg("line", { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom }),
    svg("line", { x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom }),
    ...shape.xTicks.map((t) =>
      svg("text", { x: t.at, y: plot.bottom + 14, "text-anchor": "middle" }, t.label)
    ),
    ...shape.yTicks.map((t) =>
      svg("text", { x: plot.left - 4, y: t.at + 3, "text-anchor": "end" }, t.label)
    ),
    ...shape.yTicks.map((t) =>
      svg("line", { class: "gridline", x1: plot.left, y1: t.at, x2: plot.right, y2: t.at })
    ),
    svg(
      "text",
      { x: (plot.left + plot.right) / 2, y: shape.height - 8, "text-anchor": "middle" },
      shape.xAxisTitle
    ),
    svg(
      "text",
      {
        x: 12,
        y: (plot.top + plot.bottom) / 2,
        "text-anchor": "middle",
        transform: `rotate(-90 12 ${(plot.top + plot.bottom) / 2})`,
      },
      shape.yAxisTitle
    )
  );
  const zero =
    shape.zeroY === null
      ? []
      : [
          svg("line", {
            class: "zero",
            x1: plot.left,
            y1: shape.zeroY,
            x2: plot.right,
            y2: shape.zeroY,
          }),
        ];
  const series = shape.series.map((s, i) =>
    svg(
      "g",
      { class: `series series-${i}`, "data-series": s.name },
      ...(s.line && s.points.length > 1
        ? [
            svg("polyline", {
              points: s.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" "),
            }),
          ]
        : []),
      ...(s.markers
        ? s.points.map((p) => svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 3.5 }))
        : [])
    )
  );
  const legend = svg(
    "g",
    { class: "legend" },
    ...shape.series.map((s, i) =>
      svg(
        "g",
        { class: `series series-${i}` },
        svg("circle", { cx: plot.left + 6 + i * 95, cy: 20, r: 3.5 }),
        svg("text", { x: plot.left + 13 + i * 95, y: 23 }, s.name)
      )
    )
  );
  return svg(
    "svg",
    {
      class: "chart",
      viewBox: `0 0 ${shape.width} ${shape.height}`,
      role: "img",
      "aria-labelledby": id,
    },
    svg("title", { id }, shape.title),
    svg(
      "text",
      { class: "chart-title", x: shape.width / 2, y: 12, "text-anchor": "middle" },
      shape.title
    ),
    axes,
    ...zero,
    ...series,
    legend
  );
}

function gridTable(grid: SheetGrid): HTMLElement {
  const shown = Math.min(grid.rows, PREVIEW_ROWS);
  const head = el(
    "tr",
    {},
    el("td", { class: "corner" }),
    ...Array.from({ length: grid.cols }, (_, c) => el("th", { scope: "col" }, columnLetters(c)))
  );
  const body = Array.from({ length: shown }, (_, r) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, String(r + 1)),
      ...Array.from({ length: grid.cols }, (_, c) => {
        const cell = grid.cells.get(cellKey(r, c));
        if (!cell) return el("td");
        const classes = [
          cell.style ? `style-${cell.style}` : "",
          cell.numeric ? "num" : "",
          cell.highlighted ? "hl" : "",
        ].filter(Boolean);
        const td = el(
          "td",
          {
            class: classes.join(" ") || undefined,
            title: cell.formula,
            "data-cell": `${columnLetters(c)}${r + 1}`,
          },
          cell.text
        );
        // Through the CSSOM, which the page's content security policy allows (no style attribute).
        // Excel's fills are light: their text stays dark, as Excel shows it, in a dark pane too.
        if (cell.fill) {
          td.style.backgroundColor = cell.fill;
          td.style.color = "#000000";
        }
        return td;
      })
    )
  );
  const more = grid.rows - shown;
  return el(
    "div",
    { class: "grid-scroll", tabindex: 0, role: "region", "aria-label": `${grid.name} cells` },
    el("table", { class: "grid" }, el("thead", {}, head), el("tbody", {}, ...body)),
    ...(more > 0
      ? [
          el(
            "p",
            { class: "hint", "data-more-rows": more },
            `Rows ${shown + 1}–${grid.rows} (${more.toLocaleString("en-US")} more) are in the downloaded workbook.`
          ),
        ]
      : [])
  );
}

/** Replaces the container's content with the plan's sheets; `selected` (or the first) is shown. */
export function renderPreview(
  container: HTMLElement,
  plan: PreviewPlan,
  selected?: SheetKey
): void {
  const tabs = plan.sheets.map((sheet) => {
    const grid = sheetGrid(plan, sheet.key, PREVIEW_ROWS);
    const values = new PlanValues(plan, sheet.key);
    const charts = plan.charts
      .filter((c) => c.sheet === sheet.key)
      .map((c) => chartSvg(chartShape(c, values)));
    const tab = el(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${sheet.key}`,
        "aria-controls": `panel-${sheet.key}`,
      },
      grid.name
    );
    const panel = el(
      "div",
      { role: "tabpanel", id: `panel-${sheet.key}`, "aria-labelledby": `tab-${sheet.key}` },
      ...(charts.length ? [el("div", { class: "charts" }, ...charts)] : []),
      gridTable(grid)
    );
    return { tab, panel };
  });
  const select = (index: number, focus: boolean): void => {
    tabs.forEach(({ tab, panel }, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panel.hidden = i !== index;
    });
    if (focus) tabs[index].tab.focus();
  };
  tabs.forEach(({ tab }, i) => {
    tab.addEventListener("click", () => select(i, false));
    tab.addEventListener("keydown", (event) => {
      const moves: Record<string, number> = {
        ArrowRight: (i + 1) % tabs.length,
        ArrowLeft: (i - 1 + tabs.length) % tabs.length,
        Home: 0,
        End: tabs.length - 1,
      };
      if (event.key in moves) {
        event.preventDefault();
        select(moves[event.key], true);
      }
    });
  });
  container.replaceChildren(
    el("h2", { id: "preview-title" }, plan.title),
    el("div", { role: "tablist", "aria-label": "Sheets" }, ...tabs.map((t) => t.tab)),
    ...tabs.map((t) => t.panel)
  );
  select(
    Math.max(
      0,
      plan.sheets.findIndex((s) => s.key === selected)
    ),
    false
  );
}
