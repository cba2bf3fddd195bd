/**
 * The "ALVH Replay" sheet as a plan (SPEC §5 History and replay): the replay's inputs, SPEC §4's
 * summary, the model's limits, the cycles table on the left; one row per day on the right; the
 * equity and drawdown charts right of the daily table.
 *
 * Figures are the engine's values (src/core/replay), written as values: Excel cannot recompute a
 * replay. Three things are native formulas over the daily table, so Excel and LibreOffice check
 * them against the engine: each variant's drawdown column (running peak − equity, kept as
 * MAX(0, previous drawdown + previous equity − equity)), and the summary's total P&L (the last
 * equity) and max drawdown (the largest drawdown). Issue 17's MACD-gated ALVH has its own equity
 * and drawdown columns, charts series and a summary beside the plain rule's, checked the same way.
 */
import {
  isoFromSerial,
  serialFromYmd,
  ymdFromSerial,
  macdLayerGate,
  replay,
  REPLAY_VARIANTS,
  SUMMARY_ROWS,
  type ReplayHistory,
  type ReplayResult,
  type VariantSummary,
} from "../../core";
import { EMPTY, FORMATS, formula, num, placedBlock, text } from "../cells";
import {
  REPLAY_OWNER_NAME,
  REPLAY_SHEET,
  type PlanBlock,
  type PlanCell,
  type PlanChart,
  type ReplaySheetPlan,
} from "../plan";
import { Frame } from "../schedule/section";
import { REPLAY_LIMITS } from "./limits";

export interface ReplaySheetInput {
  result: ReplayResult;
  /** Where the history came from, in a few words ("the ALVH_History table", "spx-vix.csv"). */
  source: string;
}

const VARIANT_LABELS = { unhedged: "unhedged", static: "static", alvh: "ALVH" } as const;
/** Issue 17's variant: ALVH adding a layer only while MACD(12, 26, 9) of VIX is above its signal. */
const GATED_LABEL = "ALVH MACD-gated";

/** The replay's parameters as the sheet lists them: label, field, format, note. */
const INPUT_ROWS = [
  ["Short delta", "shortDelta", "0.00", "delta of the short put and call (0.20 = 20-delta)"],
  ["Wing delta", "wingDelta", "0.00", "delta of the long wings"],
  ["VIX rise at max loss", "vixRiseAtMaxLoss", "0.00", "points; exposure = max loss ÷ this"],
  ["Threshold", "threshold", FORMATS.edr, "EDR % of the first layer"],
  ["Step", "step", FORMATS.edr, "EDR % between layers"],
  ["Coverage per layer", "perLayer", "0%", ""],
  ["Cap", "cap", "0%", "the static variant holds this throughout"],
  ["κ (kappa)", "kappa", "0.00", "speed of VIX futures' mean reversion, per year"],
  ["Long-run VIX", "longRunVix", "0.00", "level the modelled futures revert to"],
  ["Fee per contract", "feePerContract", FORMATS.dollars, "$ per hedge contract bought or sold"],
] as const;

const SUMMARY_FORMATS: Record<keyof VariantSummary, string> = {
  cycles: FORMATS.whole,
  totalPnl: FORMATS.dollars,
  hedgePnl: FORMATS.dollars,
  maxDrawdown: FORMATS.dollars,
  worstCycle: FORMATS.dollars,
  winningCycles: "0.0%",
  contractsTraded: FORMATS.whole,
  daysHedged: "0.0%",
};

const CYCLE_HEADERS = [
  "Entry",
  "Expiry",
  "Settlement",
  "Hedge expiry",
  "Long put",
  "Short put",
  "Short call",
  "Long call",
  "Credit",
  ...REPLAY_VARIANTS.map((v) => `P&L ${VARIANT_LABELS[v]} ($)`),
];

export const DAILY_HEADERS = [
  "Date",
  "Year",
  "SPX",
  "VIX",
  "EDR (%)",
  "Layers",
  "Contracts static",
  "Contracts ALVH",
  ...REPLAY_VARIANTS.map((v) => `Equity ${VARIANT_LABELS[v]} ($)`),
  ...REPLAY_VARIANTS.map((v) => `Drawdown ${VARIANT_LABELS[v]} ($)`),
  `Equity ${GATED_LABEL} ($)`,
  `Drawdown ${GATED_LABEL} ($)`,
];
const EQUITY_COL = DAILY_HEADERS.indexOf("Equity unhedged ($)");
const DRAWDOWN_COL = DAILY_HEADERS.indexOf("Drawdown unhedged ($)");
const GATED_EQUITY_COL = DAILY_HEADERS.indexOf(`Equity ${GATED_LABEL} ($)`);
const GATED_DRAWDOWN_COL = DAILY_HEADERS.indexOf(`Drawdown ${GATED_LABEL} ($)`);
const YEAR_COL = DAILY_HEADERS.indexOf("Year");

/** The cycles table's width, a blank column, then the daily table. */
const DAILY_COL = CYCLE_HEADERS.length + 1;
/** Sheet row of the daily table's heading (its header row follows, then the days). */
const DAILY_ROW = 3;
const CHART_COL = DAILY_COL + DAILY_HEADERS.length + 1;
const CHART_ROWS = 20;
const CHART_COLS = 10;
const DAILY_BLOCK = "replay-daily";

/** A date serial as a fractional calendar year, the charts' x axis (Excel shows serials there). */
export function yearOf(serial: number): number {
  const { year } = ymdFromSerial(serial);
  const start = serialFromYmd(year, 1, 1);
  return year + (serial - start) / (serialFromYmd(year + 1, 1, 1) - start);
}

export function buildReplaySheet(input: ReplaySheetInput): ReplaySheetPlan {
  const { result, source } = input;
  const { days, cycles, params, summary } = result;
  const first = isoFromSerial(days[0].date);
  const last = isoFromSerial(days[days.length - 1].date);
  const title = `ALVH replay: ${first} to ${last} (${days.length.toLocaleString("en-US")} days, ${cycles.length} cycles)`;

  // The daily table first: the summary's formulas point into it.
  const daily = new Frame(DAILY_ROW + 2, DAILY_COL);
  const lastDay = days.length - 1;
  const history: ReplayHistory = {
    dates: days.map((d) => d.date),
    spx: days.map((d) => d.spx),
    vix: days.map((d) => d.vix),
  };
  // The plain rule is the replay's own ALVH: only the gated variant needs a run of its own.
  const gatedRun = replay(history, params, { layerGate: macdLayerGate(history.vix) });
  const gated = gatedRun.days;
  const gate = { plain: summary.alvh, macdGated: gatedRun.summary.alvh };
  // Running peak − equity per equity column, kept as the sheet's formula keeps it.
  const drawdownCell = (
    equity: (at: number) => number,
    equityCol: number,
    drawdownCol: number,
    previous: number[],
    k: number,
    i: number
  ): PlanCell => {
    const eq = daily.cell(i, equityCol);
    if (i === 0) {
      previous[k] = Math.max(0, -equity(0));
      return formula(`=MAX(0,-${eq})`, previous[k], FORMATS.dollars, "output");
    }
    previous[k] = Math.max(0, previous[k] + equity(i - 1) - equity(i));
    const [ddBefore, eqBefore] = [daily.cell(i - 1, drawdownCol), daily.cell(i - 1, equityCol)];
    return formula(`=MAX(0,${ddBefore}+${eqBefore}-${eq})`, previous[k], FORMATS.dollars);
  };
  const drawdowns = [0, 0, 0, 0];
  const gatedEquity = (at: number): number => gated[at].equity.alvh;
  const dailyCells = days.map((day, i): PlanCell[] => {
    const equity = REPLAY_VARIANTS.map((v) => day.equity[v]);
    const ddCells = REPLAY_VARIANTS.map((v, k) =>
      drawdownCell((at) => days[at].equity[v], EQUITY_COL + k, DRAWDOWN_COL + k, drawdowns, k, i)
    );
    return [
      num(day.date, FORMATS.date),
      num(yearOf(day.date), "0.00"),
      num(day.spx, FORMATS.points),
      num(day.vix, FORMATS.vix),
      num(day.edr, FORMATS.edr),
      num(day.layers, FORMATS.whole),
      num(day.contracts.static, FORMATS.whole),
      num(day.contracts.alvh, FORMATS.whole),
      ...equity.map((e) => num(e, FORMATS.dollars)),
      ...ddCells,
      num(gatedEquity(i), FORMATS.dollars),
      drawdownCell(gatedEquity, GATED_EQUITY_COL, GATED_DRAWDOWN_COL, drawdowns, 3, i),
    ];
  });
  const dailyColumn = (c: number): string => daily.column(c, 0, days.length);

  const blocks: PlanBlock[] = [];
  let row = 0;
  const add = (id: string, cells: PlanCell[][], gap = 1): void => {
    blocks.push(placedBlock("replay", id, row, 0, cells));
    row += cells.length + gap;
  };
  add("replay-title", [[text(title, "title")]], 0);
  add("replay-source", [
    [
      text(
        `History: ${source}. Values computed by the add-in (SPEC §6): replay again to refresh them.`,
        "note"
      ),
    ],
  ]);
  add("replay-inputs", [
    [text("Inputs", "section")],
    ...INPUT_ROWS.map(([label, field, format, note]) => [
      text(label, "label"),
      num(params[field], format),
      note ? text(note, "note") : EMPTY,
    ]),
  ]);
  add("replay-summary", [
    [text("Summary", "section")],
    ["metric", ...REPLAY_VARIANTS.map((v) => VARIANT_LABELS[v])].map((h) => text(h, "header")),
    ...SUMMARY_ROWS.map(([label, field]) => [
      text(label, "label"),
      ...REPLAY_VARIANTS.map((v, k): PlanCell => {
        const value = summary[v][field];
        const format = SUMMARY_FORMATS[field];
        if (field === "totalPnl") {
          return formula(`=${daily.cell(lastDay, EQUITY_COL + k)}`, value, format);
        }
        if (field === "maxDrawdown") {
          return formula(`=MAX(${dailyColumn(DRAWDOWN_COL + k)})`, value, format);
        }
        return num(value, format, "model");
      }),
    ]),
  ]);
  const gateColumns = [
    [
      "ALVH",
      EQUITY_COL + REPLAY_VARIANTS.indexOf("alvh"),
      DRAWDOWN_COL + REPLAY_VARIANTS.indexOf("alvh"),
      gate.plain,
    ],
    [GATED_LABEL, GATED_EQUITY_COL, GATED_DRAWDOWN_COL, gate.macdGated],
  ] as const;
  add("replay-gate", [
    [text("ALVH with a MACD gate (issue 17)", "section")],
    [
      text(
        "Adds a layer only while MACD(12, 26, 9) of VIX is above its signal line; layers still fall freely. Compared with the plain rule.",
        "note"
      ),
    ],
    ["metric", ...gateColumns.map(([label]) => label)].map((h) => text(h, "header")),
    ...SUMMARY_ROWS.map(([label, field]) => [
      text(label, "label"),
      ...gateColumns.map(([, equityCol, drawdownCol, figures]): PlanCell => {
        const value = figures[field];
        const format = SUMMARY_FORMATS[field];
        if (field === "totalPnl") {
          return formula(`=${daily.cell(lastDay, equityCol)}`, value, format);
        }
        if (field === "maxDrawdown") {
          return formula(`=MAX(${dailyColumn(drawdownCol)})`, value, format);
        }
        return num(value, format, "model");
      }),
    ]),
  ]);
  add("replay-limits", [
    [text("What the replay does not model", "section")],
    ...REPLAY_LIMITS.map((note) => [text(note, "note")]),
  ]);
  add("replay-cycles", [
    [text("Cycles", "section")],
    CYCLE_HEADERS.map((h) => text(h, "header")),
    ...cycles.map((c) => [
      num(c.entry, FORMATS.date),
      num(c.expiry, FORMATS.date),
      num(c.settlement, FORMATS.date),
      num(c.hedgeExpiry, FORMATS.date),
      num(c.strikes.longPut, FORMATS.whole),
      num(c.strikes.shortPut, FORMATS.whole),
      num(c.strikes.shortCall, FORMATS.whole),
      num(c.strikes.longCall, FORMATS.whole),
      num(c.credit, FORMATS.points),
      ...REPLAY_VARIANTS.map((v) => num(c.pnl[v], FORMATS.dollars)),
    ]),
  ]);
  blocks.push(
    placedBlock("replay", "replay-daily-head", DAILY_ROW, DAILY_COL, [
      [text("Daily", "section")],
      DAILY_HEADERS.map((h) => text(h, "header")),
    ]),
    placedBlock("replay", DAILY_BLOCK, daily.row, daily.col, dailyCells)
  );

  const x = dailyColumn(YEAR_COL);
  const chart = (
    id: string,
    index: number,
    chartTitle: string,
    yAxisTitle: string,
    firstCol: number,
    gatedCol: number
  ): PlanChart => ({
    id,
    sheet: "replay",
    title: chartTitle,
    xAxisTitle: "Year",
    yAxisTitle,
    from: new Frame(DAILY_ROW + index * (CHART_ROWS + 1), CHART_COL).cell(0, 0),
    to: new Frame(DAILY_ROW + index * (CHART_ROWS + 1), CHART_COL).cell(
      CHART_ROWS - 1,
      CHART_COLS - 1
    ),
    series: [
      ...REPLAY_VARIANTS.map((v, k) => ({ name: VARIANT_LABELS[v], col: firstCol + k })),
      { name: GATED_LABEL, col: gatedCol },
    ].map(({ name, col }) => ({ name, x, y: dailyColumn(col), line: true, markers: false })),
  });
  return {
    title,
    sheet: {
      key: "replay",
      name: REPLAY_SHEET,
      owned: true,
      columnWidths: [
        24,
        ...Array.from({ length: CHART_COL - 1 }, (_, i) => (i + 1 === DAILY_COL - 1 ? 3 : 13)),
      ],
    },
    blocks,
    dailyBlockId: DAILY_BLOCK,
    names: [],
    ownerMarker: {
      name: REPLAY_OWNER_NAME,
      sheet: "replay",
      address: "$A$1",
      comment: "Marks the replay sheet the ALVH add-in created and may rewrite",
      visible: false,
    },
    charts: [
      chart("ALVH_EquityChart", 0, "Cumulative P&L", "P&L ($)", EQUITY_COL, GATED_EQUITY_COL),
      chart(
        "ALVH_DrawdownChart",
        1,
        "Drawdown from the running peak",
        "Drawdown ($)",
        DRAWDOWN_COL,
        GATED_DRAWDOWN_COL
      ),
    ],
  };
}
