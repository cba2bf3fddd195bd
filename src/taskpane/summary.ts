/**
 * The live summary beside the form. Each line appears as soon as the inputs it needs are valid
 * (break-evens need only the condor, EDR only the VIX), so the trader sees numbers while typing.
 * Every figure is the engine's: src/core for the condor and the layers, and the schedule's own
 * figures (src/workbook/figures.ts) for the contracts, so the pane and the sheet can never
 * disagree. Only figures are computed per keystroke, never a whole workbook plan.
 */
import {
  activeLayers,
  activeLayersText,
  condorBreakEvens,
  coverage,
  edr,
  ironCondor,
  layerTrigger,
  maxLoss,
  maxProfit,
  isAlvhError,
  signalState,
  scheduleLayerCount,
  shownVixTrigger,
  vixForEdr,
} from "../core";
import { hedgeNoun } from "../workbook/action";
import { computeFigures, type BookFigures } from "../workbook/figures";
import type { FormReading } from "./form";
import { formatNumber } from "./format";
import { describeSignals } from "./signals/describe";

export interface SummaryLine {
  key: string;
  label: string;
  /** "—" while the inputs it needs are missing or invalid. */
  value: string;
}

const NONE = "—";

function quietly<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (isAlvhError(error)) return undefined;
    throw error;
  }
}

/** What the summary shows beside the form's reading. */
export interface SummaryExtras {
  /** VIX closes, oldest first (pasted, or the ALVH_History table): adds today's signals line. */
  vixCloses?: readonly number[];
}

/**
 * The schedule's figures for the form's position, or undefined until the position, market and
 * settings are valid: computed once per refresh, for the summary and the action line.
 */
export function formFigures(reading: FormReading, computedAt: number): BookFigures | undefined {
  const { position, market, resolved } = reading;
  return position && market && resolved
    ? quietly(() => computeFigures([position], resolved, market, computedAt))
    : undefined;
}

export function liveSummary(
  reading: FormReading,
  figures: BookFigures | undefined,
  extras: SummaryExtras = {}
): SummaryLine[] {
  const n = reading.numbers;
  const ic = ["longPut", "shortPut", "shortCall", "longCall", "credit", "contracts"].every((k) =>
    n.has(k)
  )
    ? quietly(() =>
        ironCondor({
          longPut: n.get("longPut") as number,
          shortPut: n.get("shortPut") as number,
          shortCall: n.get("shortCall") as number,
          longCall: n.get("longCall") as number,
          credit: n.get("credit") as number,
          contracts: n.get("contracts") as number,
        })
      )
    : undefined;
  const settings = reading.resolved;
  const vix = reading.market?.vix;
  const level =
    settings && vix !== undefined
      ? quietly(() => edr(vix, settings.annualDays, settings.bias))
      : undefined;
  const grid = settings ? { threshold: settings.threshold, step: settings.step } : undefined;
  const layers = level !== undefined && grid ? activeLayers(level, grid) : undefined;
  const covered =
    level !== undefined && settings
      ? coverage(level, { ...grid, perLayer: settings.perLayer, cap: settings.cap })
      : undefined;
  const be = ic ? quietly(() => condorBreakEvens(ic)) : undefined;
  // SPEC §3.2: a side whose wing the credit covers has no break-even.
  const side = (value: number | null): string =>
    value === null ? "none" : formatNumber(value, "#,##0.00");
  const scheduleLayers = settings
    ? quietly(() => scheduleLayerCount(settings.perLayer, settings.cap))
    : undefined;
  // SPEC §3.5 display: triggers rounded up, so a VIX print at the shown level triggers the layer.
  const triggers =
    settings && grid && scheduleLayers !== undefined
      ? Array.from({ length: scheduleLayers }, (_, i) =>
          shownVixTrigger(
            vixForEdr(layerTrigger(i + 1, grid), settings.annualDays, settings.bias),
            2
          ).toFixed(2)
        ).join(" / ")
      : undefined;
  const instrument = (count: number): string =>
    `VIX ${hedgeNoun(settings?.instrument ?? "future", count)}`;

  return [
    {
      key: "breakEvens",
      label: "Break-evens",
      value: be ? `${side(be.lower)} – ${side(be.upper)}` : NONE,
    },
    {
      key: "maxProfit",
      label: "Max profit",
      value: ic ? formatNumber(maxProfit(ic), "$#,##0.00") : NONE,
    },
    {
      key: "maxLoss",
      label: "Max loss",
      value: ic ? formatNumber(maxLoss(ic), "$#,##0.00") : NONE,
    },
    {
      key: "edr",
      label: "EDR",
      value: level !== undefined ? `${formatNumber(level, "0.000")} %` : NONE,
    },
    ...signalsLines(extras.vixCloses),
    {
      key: "layers",
      label: "Active layers",
      value:
        layers !== undefined && scheduleLayers !== undefined
          ? activeLayersText(layers, scheduleLayers)
          : NONE,
    },
    { key: "triggers", label: "VIX triggers", value: triggers ?? NONE },
    {
      key: "coverage",
      label: "Coverage",
      value: covered !== undefined ? formatNumber(covered, "0%") : NONE,
    },
    {
      key: "contracts",
      label: "Contracts",
      value: !figures
        ? NONE
        : figures.noHedge
          ? figures.noHedge
          : `${figures.wholeContracts} ${instrument(figures.wholeContracts)} (${formatNumber(figures.contracts, "0.000")} exact), coverage held ${formatNumber(figures.heldCoverage, "0%")}${figures.zeroReason ? `: ${figures.zeroReason}` : ""}`,
    },
    {
      key: "future",
      label: "Hedge future",
      value: figures
        ? `${formatNumber(figures.hedge.future, "0.00")}${figures.hedge.estimated ? " (estimate)" : " (quoted)"}, beta ${formatNumber(figures.hedge.beta, "0.00")}` +
          (figures.hedge.carry
            ? `; ${figures.hedge.carry}${figures.hedge.estimated ? " (estimate: a lower bound)" : ""}`
            : "")
        : NONE,
    },
  ];
}

/** Today's RSI(14) and MACD of VIX, beside the EDR: shown only when there are closes. */
function signalsLines(closes: readonly number[] | undefined): SummaryLine[] {
  if (closes === undefined || closes.length === 0) return [];
  const state = quietly(() => signalState(closes));
  return [
    {
      key: "vixSignals",
      label: "VIX signals",
      value: state ? describeSignals(state, closes.length) : NONE,
    },
  ];
}
