/**
 * The "Signals" section: today's RSI(14) and MACD(12, 26, 9) of the VIX closes the trader gave
 * (SPEC §3.9), as model values computed at the time above. Stacked only when there are closes.
 */
import { SIGNAL_PERIODS, signalState } from "../../core";
import { num, text } from "../cells";
import { fieldsContent, type Field, type Section, type SectionContext } from "./section";

const SIGNAL_FORMAT = "0.00";

/** A figure, or the words saying how many closes it needs while it is not defined yet. */
function figure(value: number | undefined, needed: number, got: number) {
  return value === undefined
    ? text(`needs ${needed} closes (got ${got})`, "note")
    : num(value, SIGNAL_FORMAT, "model");
}

function signalFields({ input }: SectionContext): Field[] {
  const closes = input.vixCloses ?? [];
  const { rsi, macd } = signalState(closes);
  const n = closes.length;
  const macdNeeds = SIGNAL_PERIODS.macdSlow + SIGNAL_PERIODS.macdSignal - 1;
  const { macdFast, macdSlow, macdSignal } = SIGNAL_PERIODS;
  const position = macd
    ? `${macd.position} signal${macd.crossedToday ? ` (crossed ${macd.position === "above" ? "up" : "down"} today)` : ""}`
    : undefined;
  return [
    {
      label: "VIX closes",
      cell: num(n, "0", "model"),
      note: "oldest first; the signals are of the last one",
    },
    {
      label: `RSI(${SIGNAL_PERIODS.rsi})`,
      cell: figure(rsi, SIGNAL_PERIODS.rsi + 1, n),
      note: "Wilder; above 70 the methodology deploys at once",
      name: "ALVH_VixRSI",
    },
    {
      label: `MACD(${macdFast}, ${macdSlow}, ${macdSignal}) line`,
      cell: figure(macd?.line, macdNeeds, n),
      note: `EMA${macdFast} − EMA${macdSlow} of VIX`,
      name: "ALVH_VixMACD",
    },
    {
      label: "MACD signal",
      cell: figure(macd?.signal, macdNeeds, n),
      note: `EMA${macdSignal} of the line`,
      name: "ALVH_VixMACDSignal",
    },
    {
      label: "MACD histogram",
      cell: figure(macd?.histogram, macdNeeds, n),
      note: "line − signal",
      name: "ALVH_VixMACDHistogram",
    },
    {
      label: "MACD position",
      cell: position
        ? text(position, "model")
        : text(`needs ${macdNeeds} closes (got ${n})`, "note"),
      note: "a layer is confirmed while the line is above its signal",
    },
  ];
}

export const signalsSection: Section = {
  id: "signals",
  build: (ctx) =>
    fieldsContent("signals", "Signals of VIX (computed at the time above)", signalFields(ctx)),
};
