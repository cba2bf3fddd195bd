/**
 * The side section: the payoff and coverage charts, one under the other, with the data they plot
 * to their right (chart-data.ts).
 */
import { chartDataBlocks, coverageRefs, payoffRefs, type PayoffRefs } from "./chart-data";
import type { Frames, Section, SectionChart, SectionContext } from "./section";

export const CHARTS_SECTION = "charts";

/** Size of each chart in cells, and blank rows between the charts. */
const CHART_COLS = 8;
const CHART_ROWS = 17;
const CHART_GAP = 1;
/** Relative column of the chart data: right of the charts, two blank columns apart. */
export const CHART_DATA_COL = CHART_COLS + 2;

/** The payoff data's ranges, wherever the stacker put the charts. */
export function payoffRefsOf(ctx: SectionContext, frames: Frames): PayoffRefs {
  return payoffRefs(ctx, frames.of(CHARTS_SECTION), CHART_DATA_COL);
}

function corners(index: number): Pick<SectionChart, "from" | "to"> {
  const top = index * (CHART_ROWS + CHART_GAP);
  return {
    from: { row: top, col: 0 },
    to: { row: top + CHART_ROWS - 1, col: CHART_COLS - 1 },
  };
}

export const chartsSection: Section = {
  id: CHARTS_SECTION,
  build: (ctx, frame, frames) => {
    const payoff = payoffRefs(ctx, frame, CHART_DATA_COL);
    const coverage = coverageRefs(ctx, frame, CHART_DATA_COL);
    const positions = ctx.positions;
    return {
      blocks: chartDataBlocks(ctx, frame, frames, CHART_DATA_COL),
      charts: [
        {
          id: "ALVH_PayoffChart",
          title:
            positions.length === 1
              ? `Payoff at expiry: ${positions[0].label}`
              : "Book payoff at expiry",
          xAxisTitle: "SPX at expiry",
          yAxisTitle: "P&L ($)",
          ...corners(0),
          series: [
            {
              name: "P&L at expiry",
              x: payoff.xRange,
              y: payoff.pnlRange,
              line: true,
              markers: false,
            },
            {
              name: "Break-evens",
              x: payoff.markersX,
              y: payoff.markersY,
              line: false,
              markers: true,
            },
            { name: "SPX now", x: payoff.spotX, y: payoff.spotY, line: false, markers: true },
          ],
        },
        {
          id: "ALVH_CoverageChart",
          title: "Coverage by EDR",
          xAxisTitle: "EDR (%)",
          yAxisTitle: "Coverage",
          ...corners(1),
          series: [
            { name: "Coverage", x: coverage.x, y: coverage.y, line: true, markers: false },
            { name: "Now", x: coverage.nowX, y: coverage.nowY, line: false, markers: true },
          ],
        },
      ],
    };
  },
};
