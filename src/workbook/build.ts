import { AlvhError } from "../core/errors";
import { DEFAULTS } from "../core/defaults";
import { columnLetters, rangeAddress } from "./a1";
import { EMPTY, FORMATS, formula, num, text } from "./cells";
import { computeFigures, type BookFigures } from "./figures";
import { type Field, SheetLayout } from "./layout";
import { fitColumnWidths, printSetup } from "./page";
import type { Position, ScheduleScope } from "./model";
import {
  OWNER_NAME,
  POSITIONS_SHEET,
  POSITIONS_TABLE,
  SCHEDULE_SHEET,
  type PlanCell,
  type PlanChart,
  type PlanConditionalFormat,
  type SchedulePlanInput,
  type WorkbookPlan,
} from "./plan";
import { condorCells, POSITION_COLUMNS, positionCells, validatePosition } from "./positions";
import {
  SETTINGS_KEY,
  settingsToDocument,
  validateSettings,
  type ResolvedSettings,
} from "./settings";

/** Column (0-based) where chart data starts, right of the charts, out of the trader's way. */
const DATA_COL = 22;
const CHART_COL_FROM = "M";
const CHART_COL_TO = "T";

/** EDR steps above the threshold, (e − θ)/s, as the layer count formula reads it. */
const STEPS = "((ALVH_EDR-ALVH_Threshold)/ALVH_Step)";

/**
 * Rounds an exact contract count the way the engine's `wholeContracts` does: a value within 1e-9
 * of a whole number counts as that number (0.5·4800/(0.6·1000) is 4, not 5), otherwise the
 * Rounding input decides.
 */
function wholeFormula(ref: string): string {
  return (
    `=IF(ABS(${ref}-ROUND(${ref},0))<=1E-9,ROUND(${ref},0),IF(ALVH_Rounding="down",ROUNDDOWN(${ref},0),` +
    `IF(ALVH_Rounding="nearest",ROUND(${ref},0),ROUNDUP(${ref},0))))`
  );
}

function selectScope(book: readonly Position[], scope: ScheduleScope): Position[] {
  if (book.length === 0)
    throw new AlvhError("positions", "the book has no positions: save a position first");
  if (scope.kind === "book") return [...book];
  const wanted = scope.label.trim().toLowerCase();
  const found = book.find((p) => p.label.toLowerCase() === wanted);
  if (!found) {
    throw new AlvhError(
      "scope",
      `no position labelled "${scope.label}" in the book: pick one of the saved labels`
    );
  }
  return [found];
}

export function buildSchedulePlan(input: SchedulePlanInput): WorkbookPlan {
  const settings = validateSettings(input.settings);
  const book = input.positions.map(validatePosition);
  const inScope = selectScope(book, input.scope);
  const figures = computeFigures(inScope, settings, input.market, input.computedAt);
  const title =
    input.scope.kind === "book"
      ? `ALVH hedge schedule: whole book (${inScope.length} position${inScope.length === 1 ? "" : "s"})`
      : `ALVH hedge schedule: ${inScope[0].label}`;
  const sheet = new SheetLayout("schedule");
  const notes = scheduleNotes(inScope.length, settings);

  sheet.block("title", 0, 0, [[text(title, "title")]]);
  let row = sheet.fields("computed-at", 1, "Computed at", [
    {
      label: "Model values computed at",
      cell: num(input.computedAt, FORMATS.dateTime, "model"),
      note: "New York time. Greeks (to the 4 pm close), hedge expiry and VIX call figures do not recompute: write the schedule again to refresh them",
      name: "ALVH_ComputedAt",
    },
  ]);

  // Rows are laid out top to bottom; the positions block comes last but its rows are known now,
  // so formulas above can refer to it.
  const inputs = inputFields(input, settings, figures);
  const model = modelFieldsCount(settings);
  const derivedCount = 17;
  const inputsRow = row + 1;
  const modelRow = inputsRow + inputs.length + 2;
  const derivedRow = modelRow + model + 2;
  const layersRow = derivedRow + derivedCount + 2;
  const layerFirst = layersRow + 2;
  const layerLast = layerFirst + figures.rows.length - 1;
  const notesRow = layerLast + 2;
  const positionsRow = notesRow + notes.length + 2;
  const posFirst = positionsRow + 2;
  const posLast = posFirst + inScope.length - 1;
  const col = (letter: string): string => `$${letter}$${posFirst + 1}:$${letter}$${posLast + 1}`;

  row = sheet.fields("inputs", inputsRow, "Inputs (edit here: every formula recomputes)", inputs);
  row = sheet.fields(
    "model",
    modelRow,
    "Model values (computed at the time above)",
    modelFields(settings, figures, col)
  );
  const payoff = payoffData(sheet, figures, input.market.spot, col);
  const derived = derivedFields(figures, inScope.length, posFirst, payoff);
  if (derived.length !== derivedCount)
    throw new Error("derived section size changed: update derivedCount");
  sheet.fields("derived", derivedRow, "Derived figures (native formulas)", derived);
  layerTable(sheet, layersRow, figures);
  sheet.block("notes", notesRow, 0, [
    [text("Notes", "section")],
    ...notes.map((n) => [text(n, "note")]),
  ]);
  positionsBlock(sheet, positionsRow, figures);
  const coverageRows = coverageData(sheet, layerFirst, figures, settings);

  const conditionalFormats: PlanConditionalFormat[] = [
    {
      id: "active-layers",
      sheet: "schedule",
      address: rangeAddress(layerFirst, 0, figures.rows.length, 10),
      formula: `=$A${layerFirst + 1}<=ALVH_Layers`,
      fill: "#C6EFCE",
      fontColor: "#006100",
    },
  ];

  const scheduleCharts = charts(inScope, payoff, coverageRows);
  return {
    version: 1,
    computedAt: input.computedAt,
    scope: input.scope,
    title,
    sheets: [
      {
        key: "schedule",
        name: SCHEDULE_SHEET,
        owned: true,
        columnWidths: fitColumnWidths(scheduleWidths(), sheet.blocks),
        pageSetup: printSetup(sheet.blocks, scheduleCharts, DATA_COL, 3),
      },
      {
        key: "positions",
        name: POSITIONS_SHEET,
        owned: false,
        columnWidths: [24, 12, 10, 10, 10, 10, 9, 10, 12, 11, 40],
        pageSetup: { orientation: "landscape", fitToPagesWide: 1, printTitleRows: "1:1" },
      },
    ],
    blocks: sheet.blocks,
    names: sheet.names,
    ownerMarker: {
      name: OWNER_NAME,
      sheet: "schedule",
      address: "$A$1",
      comment: "Marks the sheet the ALVH add-in created and may rewrite",
      visible: false,
    },
    conditionalFormats,
    charts: scheduleCharts,
    table: {
      name: POSITIONS_TABLE,
      sheet: "positions",
      topLeft: "A1",
      columns: POSITION_COLUMNS,
      rows: book.map(positionCells),
    },
    documentSettings: [{ key: SETTINGS_KEY, value: settingsToDocument(settings) }],
    summary: {
      positions: inScope.length,
      lowerBreakEven: figures.lowerBreakEven,
      upperBreakEven: figures.upperBreakEven,
      maxProfit: figures.maxProfit,
      maxLoss: figures.maxLoss,
      edr: figures.edr,
      activeLayers: figures.layers,
      coverage: figures.coverage,
      exposure: figures.exposure,
      exactContracts: figures.contracts,
      wholeContracts: figures.wholeContracts,
      hedgeExpiry: figures.hedge.expiry,
    },
    notes,
  };
}

function scheduleWidths(): number[] {
  return Array.from({ length: DATA_COL + 13 }, (_, i) => (i === 0 ? 30 : i < DATA_COL ? 14 : 16));
}

function inputFields(
  input: SchedulePlanInput,
  settings: ResolvedSettings,
  f: BookFigures
): Field[] {
  const call = f.hedge.call;
  return [
    {
      label: "Spot (SPX)",
      cell: num(input.market.spot, FORMATS.points, "input"),
      note: "index points",
      name: "ALVH_Spot",
    },
    {
      label: "VIX",
      cell: num(input.market.vix, FORMATS.vix, "input"),
      note: "VIX points",
      name: "ALVH_VIX",
    },
    call
      ? {
          label: "VIX future",
          cell: num(f.hedge.future, FORMATS.vix, "model"),
          note: "the future the VIX call was priced at (VIX when not given; model input)",
          name: "ALVH_VixFuture",
        }
      : {
          label: "VIX future",
          cell: num(f.hedge.future, FORMATS.vix, "input"),
          note: "price of the VIX future the hedge follows (VIX when not given)",
          name: "ALVH_VixFuture",
        },
    {
      label: "Threshold",
      cell: num(settings.threshold, FORMATS.edr, "input"),
      note: "EDR (%) at which layer 1 starts",
      name: "ALVH_Threshold",
    },
    {
      label: "Step",
      cell: num(settings.step, FORMATS.edr, "input"),
      note: "EDR (%) between layers",
      name: "ALVH_Step",
    },
    {
      label: "Coverage per layer",
      cell: num(settings.perLayer, FORMATS.fraction, "input"),
      note: "share of the exposure each layer hedges",
      name: "ALVH_PerLayer",
    },
    {
      label: "Cap",
      cell: num(settings.cap, FORMATS.fraction, "input"),
      note: "most of the exposure ever hedged",
      name: "ALVH_Cap",
    },
    {
      label: "Annual days",
      cell: num(settings.annualDays, FORMATS.whole, "input"),
      note: "EDR = bias × VIX ÷ √(annual days)",
      name: "ALVH_AnnualDays",
    },
    {
      label: "Bias",
      cell: num(settings.bias, "0.00", "input"),
      note: "the methodology's empirical bias factor",
      name: "ALVH_Bias",
    },
    {
      label: "Exposure method",
      cell: text(settings.exposureMethod, "input"),
      note: "maxLoss or vega",
      name: "ALVH_Method",
    },
    {
      label: "VIX rise at max loss",
      cell: num(settings.vixRise, FORMATS.vix, "input"),
      note: "VIX points at which the book is expected to reach max loss",
      name: "ALVH_VixRise",
    },
    {
      // Chosen in the task pane: the hedge delta, multiplier and cost below follow from it.
      label: "Hedge instrument",
      cell: text(settings.instrument, "model"),
      note: "future or call (set in the task pane)",
      name: "ALVH_Instrument",
    },
    {
      label: "Beta",
      cell: num(settings.beta, "0.00", "input"),
      note: "hedge move per 1-point move of spot VIX",
      name: "ALVH_Beta",
    },
    call
      ? {
          label: "Hedge delta",
          cell: num(call.delta, FORMATS.greek, "model"),
          note: "Black-76 delta of the VIX call (model value)",
          name: "ALVH_HedgeDelta",
        }
      : {
          label: "Hedge delta",
          cell: num(f.hedge.delta, FORMATS.greek, "input"),
          note: "1 for a future",
          name: "ALVH_HedgeDelta",
        },
    {
      label: "Hedge multiplier",
      cell: num(f.hedge.multiplier, FORMATS.whole, "input"),
      note: "$ per VIX point per contract",
      name: "ALVH_Multiplier",
    },
    call
      ? {
          label: "Hedge cost per unit",
          cell: num(call.price, FORMATS.vix, "model"),
          note: "VIX call premium, Black-76 (model value)",
          name: "ALVH_UnitCost",
        }
      : {
          label: "Hedge cost per unit",
          cell: formula("=ALVH_VixFuture-ALVH_VIX", f.hedge.unitCost, FORMATS.vix),
          note: "roll-down (future − VIX) lost if VIX stays where it is",
          name: "ALVH_UnitCost",
        },
    {
      label: "Rounding",
      cell: text(settings.rounding, "input"),
      note: "up, nearest or down",
      name: "ALVH_Rounding",
    },
    {
      // A contract constant, not an input: the model figures (Greeks, cost to close) use it too.
      label: "SPX multiplier",
      cell: num(DEFAULTS.spxMultiplier, FORMATS.whole, "model"),
      note: "$ per SPX point per contract (SPX options)",
      name: "ALVH_SpxMultiplier",
    },
  ];
}

function modelFieldsCount(settings: ResolvedSettings): number {
  return settings.instrument === "call" ? 10 : 8;
}

function modelFields(
  settings: ResolvedSettings,
  f: BookFigures,
  col: (letter: string) => string
): Field[] {
  const fields: Field[] = [
    {
      label: "Position delta",
      cell: formula(`=SUM(${col("K")})`, f.delta, "0.00"),
      note: "SPX-share equivalents",
      name: "ALVH_Delta",
    },
    {
      label: "Position gamma",
      cell: formula(`=SUM(${col("L")})`, f.gamma, FORMATS.greek),
      note: "per SPX point",
      name: "ALVH_Gamma",
    },
    {
      label: "Position vega",
      cell: formula(`=SUM(${col("M")})`, f.vega, FORMATS.dollars),
      note: "$ per vol point",
      name: "ALVH_Vega",
    },
    {
      label: "Position theta",
      cell: formula(`=SUM(${col("N")})`, f.theta, FORMATS.dollars),
      note: "$ per calendar day",
      name: "ALVH_Theta",
    },
    {
      label: "Cost to close",
      cell: formula(`=SUM(${col("O")})`, f.closeCost, FORMATS.dollars),
      note: "$ debit to close at model prices",
      name: "ALVH_CloseCost",
    },
    {
      label: "Rate",
      cell: num(settings.rate, "0.00%", "model"),
      note: "risk-free rate used by the models",
      name: "ALVH_Rate",
    },
    {
      label: "Hedge expiry",
      cell: num(f.hedge.expiry, FORMATS.date, "model"),
      note: "first VIX expiry after the book's last expiry",
      name: "ALVH_HedgeExpiry",
    },
    {
      label: "Days to hedge expiry",
      cell: num(f.hedge.dte, FORMATS.days, "model"),
      note: "calendar days to the 9:30 am (New York) settlement",
      name: "ALVH_HedgeDays",
    },
  ];
  if (f.hedge.call) {
    fields.push(
      {
        label: "VIX call strike",
        cell: num(f.hedge.call.strike, FORMATS.vix, "model"),
        note:
          settings.callStrike === undefined
            ? "first whole strike at or above the VIX future"
            : "set in the settings",
        name: "ALVH_CallStrike",
      },
      {
        label: "VIX call vol",
        cell: num(f.hedge.call.vol, FORMATS.vol, "model"),
        note: "implied vol of VIX options used to price the call",
        name: "ALVH_CallVol",
      }
    );
  }
  return fields;
}

interface PayoffData {
  xRange: string;
  pnlRange: string;
  upRange: string;
  downRange: string;
  markersX: string;
  markersY: string;
  spotX: string;
  spotY: string;
  /** SUMPRODUCT of the book's payoff at expiry for a spot reference. */
  pnlAt: (spotRef: string) => string;
}

function payoffData(
  sheet: SheetLayout,
  f: BookFigures,
  spot: number,
  col: (letter: string) => string
): PayoffData {
  const [c, d, e, fc, g, h] = ["C", "D", "E", "F", "G", "H"].map(col);
  const pnlAt = (s: string): string =>
    `=SUMPRODUCT((${g}-(${d}>${s})*(${d}-${s})+(${c}>${s})*(${c}-${s})-(${s}>${e})*(${s}-${e})+(${s}>${fc})*(${s}-${fc}))*${h})*ALVH_SpxMultiplier`;
  const top = 2;
  const first = top + 2;
  const [xc, pc, uc, dc] = [0, 1, 2, 3].map((i) => columnLetters(DATA_COL + i));
  const rows: PlanCell[][] = f.kinks.map((k, i) => {
    const r = first + i + 1;
    const x = `${xc}${r}`;
    const last = i === f.kinks.length - 1;
    return [
      num(k.x, FORMATS.points),
      formula(pnlAt(x), k.pnl, FORMATS.dollars),
      last
        ? EMPTY
        : formula(
            `=IF(AND(${pc}${r}<0,${pc}${r + 1}>=0),${x}+(0-${pc}${r})*(${xc}${r + 1}-${x})/(${pc}${r + 1}-${pc}${r}),"")`,
            k.up ?? "",
            FORMATS.points
          ),
      last
        ? EMPTY
        : formula(
            `=IF(AND(${pc}${r}>=0,${pc}${r + 1}<0),${x}+${pc}${r}*(${xc}${r + 1}-${x})/(${pc}${r}-${pc}${r + 1}),"")`,
            k.down ?? "",
            FORMATS.points
          ),
    ];
  });
  sheet.block("payoff-data", top, DATA_COL, [
    [text("Chart data: book payoff at expiry", "section"), EMPTY, EMPTY, EMPTY],
    [
      text("SPX at expiry", "header"),
      text("P&L ($)", "header"),
      text("Crossing up", "header"),
      text("Crossing down", "header"),
    ],
    ...rows,
  ]);
  const n = f.kinks.length;
  const span = (letter: string, rowsCount = n): string =>
    `${letter}${first + 1}:${letter}${first + rowsCount}`;

  const mTop = 2;
  const mFirst = mTop + 2;
  const [mx, my] = [columnLetters(DATA_COL + 5), columnLetters(DATA_COL + 6)];
  const be = (value: number | null): number | string => value ?? "none";
  sheet.block("payoff-markers", mTop, DATA_COL + 5, [
    [text("Chart data: break-evens and spot", "section"), EMPTY],
    [text("SPX", "header"), text("P&L ($)", "header")],
    [formula("=ALVH_LowerBE", be(f.lowerBreakEven), FORMATS.points), num(0, FORMATS.dollars)],
    [formula("=ALVH_UpperBE", be(f.upperBreakEven), FORMATS.points), num(0, FORMATS.dollars)],
    [
      formula("=ALVH_Spot", spot, FORMATS.points),
      formula("=ALVH_PnlAtSpot", f.pnlAtSpot, FORMATS.dollars),
    ],
  ]);
  return {
    xRange: span(xc),
    pnlRange: span(pc),
    upRange: span(uc, n - 1),
    downRange: span(dc, n - 1),
    markersX: `${mx}${mFirst + 1}:${mx}${mFirst + 2}`,
    markersY: `${my}${mFirst + 1}:${my}${mFirst + 2}`,
    spotX: `${mx}${mFirst + 3}`,
    spotY: `${my}${mFirst + 3}`,
    pnlAt,
  };
}

function derivedFields(
  f: BookFigures,
  count: number,
  posFirst: number,
  payoff: PayoffData
): Field[] {
  const r = posFirst + 1;
  const beNote =
    count === 1 ? "short strike ∓ credit" : "where the book's payoff at expiry crosses zero";
  const none = (value: number | null): number | string => value ?? "none";
  const lower =
    count === 1
      ? formula(`=D${r}-G${r}`, none(f.lowerBreakEven), FORMATS.points)
      : formula(
          `=IF(COUNT(${payoff.upRange})=0,"none",MIN(${payoff.upRange}))`,
          none(f.lowerBreakEven),
          FORMATS.points
        );
  const upper =
    count === 1
      ? formula(`=E${r}+G${r}`, none(f.upperBreakEven), FORMATS.points)
      : formula(
          `=IF(COUNT(${payoff.downRange})=0,"none",MAX(${payoff.downRange}))`,
          none(f.upperBreakEven),
          FORMATS.points
        );
  return [
    { label: "Lower break-even", cell: lower, note: beNote, name: "ALVH_LowerBE" },
    { label: "Upper break-even", cell: upper, note: beNote, name: "ALVH_UpperBE" },
    {
      label: "Max profit",
      cell: formula(`=SUM($P$${r}:$P$${r + count - 1})`, f.maxProfit, FORMATS.dollars),
      note: "$, credit kept",
      name: "ALVH_MaxProfit",
    },
    {
      label: "Max loss",
      cell: formula(`=SUM($Q$${r}:$Q$${r + count - 1})`, f.maxLoss, FORMATS.dollars),
      note:
        count === 1
          ? "$, wider wing less credit: the notional risk layers cover"
          : "$, sum of the positions' max losses: the notional risk layers cover",
      name: "ALVH_MaxLoss",
    },
    {
      label: "Worst P&L at expiry",
      cell: formula(`=MIN(${payoff.pnlRange})`, f.worst, FORMATS.dollars),
      note: "$, lowest point of the payoff chart",
      name: "ALVH_WorstPnl",
    },
    {
      label: "Best P&L at expiry",
      cell: formula(`=MAX(${payoff.pnlRange})`, f.best, FORMATS.dollars),
      note: "$, highest point of the payoff chart",
      name: "ALVH_BestPnl",
    },
    {
      label: "P&L at expiry, SPX at spot",
      cell: formula(payoff.pnlAt("ALVH_Spot"), f.pnlAtSpot, FORMATS.dollars),
      note: "$, if SPX ends where it is now",
      name: "ALVH_PnlAtSpot",
    },
    {
      label: "EDR",
      cell: formula("=ALVH_Bias*ALVH_VIX/SQRT(ALVH_AnnualDays)", f.edr, FORMATS.edr),
      note: "expected daily range, % of SPX",
      name: "ALVH_EDR",
    },
    {
      label: "Expected daily move",
      cell: formula(
        "=ALVH_Spot*ALVH_VIX/100*SQRT(1/ALVH_AnnualDays)",
        f.expectedMove,
        FORMATS.points
      ),
      note: "SPX points, one day",
      name: "ALVH_ExpectedMove",
    },
    {
      label: "Active layers",
      // Steps above the threshold decided as the engine's activeLayers does: a count within 1e-9
      // of a whole number is that number ((0.95 − 0.90)/0.05 is 0.9999999999999991 in binary).
      cell: formula(
        `=IF(ABS(${STEPS}-ROUND(${STEPS},0))<=1E-9,MAX(0,ROUND(${STEPS},0)+1),IF(${STEPS}<0,0,INT(${STEPS})+1))`,
        f.layers,
        FORMATS.whole
      ),
      note: "one more every Step of EDR from the Threshold",
      name: "ALVH_Layers",
    },
    {
      label: "Coverage",
      cell: formula("=MIN(ALVH_Layers*ALVH_PerLayer,ALVH_Cap)", f.coverage, FORMATS.fraction),
      note: "share of the exposure hedged now",
      name: "ALVH_Coverage",
    },
    {
      label: "Exposure, max-loss method",
      cell: formula("=ALVH_MaxLoss/ALVH_VixRise", f.exposureMaxLoss, FORMATS.dollars),
      note: "$ lost per VIX point: max loss ÷ VIX rise at max loss",
      name: "ALVH_ExposureMaxLoss",
    },
    {
      label: "Exposure, vega method",
      cell: formula("=-ALVH_Vega", f.exposureVega, FORMATS.dollars),
      note: "$ lost per VIX point: minus the position vega",
      name: "ALVH_ExposureVega",
    },
    {
      label: "Exposure",
      cell: formula(
        '=IF(ALVH_Method="vega",ALVH_ExposureVega,ALVH_ExposureMaxLoss)',
        f.exposure,
        FORMATS.dollars
      ),
      note: "the one the Exposure method picks",
      name: "ALVH_Exposure",
    },
    {
      label: "Hedge contracts now (exact)",
      cell: formula(
        "=ALVH_Coverage*ABS(ALVH_Exposure)/(ALVH_Beta*ALVH_HedgeDelta*ALVH_Multiplier)",
        f.contracts,
        FORMATS.exact
      ),
      note: "coverage × |exposure| ÷ (beta × hedge delta × multiplier)",
      name: "ALVH_Contracts",
    },
    {
      label: "Hedge contracts now (whole)",
      cell: formula(wholeFormula("ALVH_Contracts"), f.wholeContracts, FORMATS.whole),
      note: "rounded as the Rounding input says",
      name: "ALVH_WholeContracts",
    },
    {
      label: "Hedge expiry",
      cell: formula("=ALVH_HedgeExpiry", f.hedge.expiry, FORMATS.date),
      note: "after the book's last expiry (time-shifting)",
    },
  ];
}

const LAYER_HEADERS = [
  "Layer",
  "EDR trigger (%)",
  "VIX trigger",
  "Cumulative coverage",
  "Added coverage",
  "Exact contracts",
  "Whole contracts",
  "Hedge expiry",
  "Est. cost ($)",
  "Status",
];

function layerTable(sheet: SheetLayout, top: number, f: BookFigures): void {
  const first = top + 2;
  const rows = f.rows.map((layer, i): PlanCell[] => {
    const r = first + i + 1;
    return [
      num(layer.layer, FORMATS.whole),
      formula(`=ROUND(ALVH_Threshold+(A${r}-1)*ALVH_Step,10)`, layer.edrTrigger, FORMATS.edr),
      formula(`=B${r}*SQRT(ALVH_AnnualDays)/ALVH_Bias`, layer.vixTrigger, FORMATS.vix),
      formula(`=MIN(A${r}*ALVH_PerLayer,ALVH_Cap)`, layer.cumulativeCoverage, FORMATS.fraction),
      formula(i === 0 ? `=D${r}` : `=D${r}-D${r - 1}`, layer.addedCoverage, FORMATS.fraction),
      formula(
        `=D${r}*ABS(ALVH_Exposure)/(ALVH_Beta*ALVH_HedgeDelta*ALVH_Multiplier)`,
        layer.exactContracts,
        FORMATS.exact
      ),
      formula(wholeFormula(`F${r}`), layer.whole, FORMATS.whole),
      formula("=ALVH_HedgeExpiry", f.hedge.expiry, FORMATS.date),
      formula(`=G${r}*ALVH_UnitCost*ALVH_Multiplier`, layer.cost, FORMATS.dollars),
      formula(
        `=IF(A${r}<=ALVH_Layers,"active",IF(A${r}=ALVH_Layers+1,"next",""))`,
        layer.status,
        FORMATS.general
      ),
    ];
  });
  sheet.block("layers", top, 0, [
    [text("Layers", "section"), ...Array<PlanCell>(LAYER_HEADERS.length - 1).fill(EMPTY)],
    LAYER_HEADERS.map((h) => text(h, "header")),
    ...rows,
  ]);
  sheet.name(
    "ALVH_LayerTable",
    first,
    0,
    "The layer rows of the schedule",
    f.rows.length,
    LAYER_HEADERS.length
  );
}

const POSITION_HEADERS = [
  "Label",
  "Expiry",
  "Long put",
  "Short put",
  "Short call",
  "Long call",
  "Credit",
  "Contracts",
  "Implied vol",
  "DTE",
  "Delta",
  "Gamma",
  "Vega ($)",
  "Theta ($)",
  "Cost to close ($)",
  "Max profit ($)",
  "Max loss ($)",
  "Lower BE",
  "Upper BE",
];

function positionsBlock(sheet: SheetLayout, top: number, f: BookFigures): void {
  const first = top + 2;
  const rows = f.positions.map((p, i): PlanCell[] => {
    const r = first + i + 1;
    const pos = p.position;
    return [
      ...condorCells(pos),
      num(pos.impliedVol, FORMATS.vol),
      num(p.dte, FORMATS.days, "model"),
      num(p.greeks.delta, "0.00", "model"),
      num(p.greeks.gamma, FORMATS.greek, "model"),
      num(p.greeks.vega, FORMATS.dollars, "model"),
      num(p.greeks.theta, FORMATS.dollars, "model"),
      num(p.greeks.mark * DEFAULTS.spxMultiplier * p.ic.contracts, FORMATS.dollars, "model"),
      formula(`=G${r}*ALVH_SpxMultiplier*H${r}`, p.maxProfit, FORMATS.dollars),
      formula(
        `=(MAX(D${r}-C${r},F${r}-E${r})-G${r})*ALVH_SpxMultiplier*H${r}`,
        p.maxLoss,
        FORMATS.dollars
      ),
      formula(`=D${r}-G${r}`, p.lowerBreakEven, FORMATS.points),
      formula(`=E${r}+G${r}`, p.upperBreakEven, FORMATS.points),
    ];
  });
  sheet.block("positions", top, 0, [
    [
      text("Positions in this schedule (copied from the book when written)", "section"),
      ...Array<PlanCell>(POSITION_HEADERS.length - 1).fill(EMPTY),
    ],
    POSITION_HEADERS.map((h) => text(h, "header")),
    ...rows,
  ]);
}

interface CoverageRows {
  x: string;
  y: string;
  nowX: string;
  nowY: string;
}

/** Coverage as an exact step function: two points per layer trigger, drawn with straight lines. */
function coverageData(
  sheet: SheetLayout,
  layerFirst: number,
  f: BookFigures,
  settings: ResolvedSettings
): CoverageRows {
  const col = DATA_COL + 8;
  const top = 2;
  const rows: PlanCell[][] = [
    [
      formula("=ALVH_Threshold-ALVH_Step", settings.threshold - settings.step, FORMATS.edr),
      num(0, FORMATS.fraction),
    ],
  ];
  f.rows.forEach((layer, i) => {
    const r = layerFirst + i + 1;
    const before =
      i === 0
        ? num(0, FORMATS.fraction)
        : formula(`=D${r - 1}`, f.rows[i - 1].cumulativeCoverage, FORMATS.fraction);
    rows.push([formula(`=B${r}`, layer.edrTrigger, FORMATS.edr), before]);
    rows.push([
      formula(`=B${r}`, layer.edrTrigger, FORMATS.edr),
      formula(`=D${r}`, layer.cumulativeCoverage, FORMATS.fraction),
    ]);
  });
  const lastRow = layerFirst + f.rows.length;
  const last = f.rows[f.rows.length - 1];
  rows.push([
    formula(`=B${lastRow}+ALVH_Step`, last.edrTrigger + settings.step, FORMATS.edr),
    formula(`=D${lastRow}`, last.cumulativeCoverage, FORMATS.fraction),
  ]);
  sheet.block("coverage-data", top, col, [
    [text("Chart data: coverage by EDR", "section"), EMPTY],
    [text("EDR (%)", "header"), text("Coverage", "header")],
    ...rows,
  ]);
  const first = top + 3;
  const [xc, yc] = [columnLetters(col), columnLetters(col + 1)];
  const nowTop = top;
  const [nx, ny] = [columnLetters(col + 3), columnLetters(col + 4)];
  sheet.block("coverage-now", nowTop, col + 3, [
    [text("Chart data: now", "section"), EMPTY],
    [text("EDR (%)", "header"), text("Coverage", "header")],
    [
      formula("=ALVH_EDR", f.edr, FORMATS.edr),
      formula("=ALVH_Coverage", f.coverage, FORMATS.fraction),
    ],
  ]);
  return {
    x: `${xc}${first}:${xc}${first + rows.length - 1}`,
    y: `${yc}${first}:${yc}${first + rows.length - 1}`,
    nowX: `${nx}${nowTop + 3}`,
    nowY: `${ny}${nowTop + 3}`,
  };
}

function charts(
  positions: readonly Position[],
  payoff: PayoffData,
  coverage: CoverageRows
): PlanChart[] {
  return [
    {
      id: "ALVH_PayoffChart",
      sheet: "schedule",
      title:
        positions.length === 1
          ? `Payoff at expiry: ${positions[0].label}`
          : "Book payoff at expiry",
      xAxisTitle: "SPX at expiry",
      yAxisTitle: "P&L ($)",
      from: `${CHART_COL_FROM}3`,
      to: `${CHART_COL_TO}19`,
      series: [
        { name: "P&L at expiry", x: payoff.xRange, y: payoff.pnlRange, line: true, markers: false },
        { name: "Break-evens", x: payoff.markersX, y: payoff.markersY, line: false, markers: true },
        { name: "SPX now", x: payoff.spotX, y: payoff.spotY, line: false, markers: true },
      ],
    },
    {
      id: "ALVH_CoverageChart",
      sheet: "schedule",
      title: "Coverage by EDR",
      xAxisTitle: "EDR (%)",
      yAxisTitle: "Coverage",
      from: `${CHART_COL_FROM}21`,
      to: `${CHART_COL_TO}37`,
      series: [
        { name: "Coverage", x: coverage.x, y: coverage.y, line: true, markers: false },
        { name: "Now", x: coverage.nowX, y: coverage.nowY, line: false, markers: true },
      ],
    },
  ];
}

function scheduleNotes(count: number, settings: ResolvedSettings): string[] {
  const notes = [
    "Yellow cells are inputs: change them here and every formula recomputes, in Excel, Excel on the web or LibreOffice, without the add-in.",
    "Grey cells are model values computed by the add-in at the time at the top (Black–Scholes Greeks at each position's implied vol, the VIX expiry calendar" +
      (settings.instrument === "call"
        ? ", the VIX call priced with Black-76 on the VIX future"
        : "") +
      "); write the schedule again to refresh them.",
    "Exposure: max-loss method = max loss ÷ VIX rise at max loss; vega method = minus the position vega (a 1-point VIX rise taken as a 1-point rise in the condors' implied vol).",
    "Contracts = coverage × |exposure| ÷ (beta × hedge delta × multiplier); a value within 1e-9 of a whole number counts as that number before rounding.",
    "The number of layer rows is fixed when the sheet is written: after changing Coverage per layer or Cap, write the schedule again.",
    "Estimated cost: for a VIX call, premium × multiplier × whole contracts at today's price; for a VIX future, the roll-down (future − VIX) × multiplier × contracts lost if VIX stays where it is.",
  ];
  if (count > 1) {
    notes.splice(
      2,
      0,
      "Book: figures add up the positions. The payoff is the sum of each condor's payoff at its own expiry; the break-evens are where that sum crosses zero (exact: it is linear between strikes). Max loss is the sum of the max losses, never less than the worst P&L of the combined payoff."
    );
  }
  return notes;
}
