/**
 * Spot, VIX, VIX future and Held remembered (issue 18): what the form's market fields hold when the
 * trader commits a change, and what they show again on the next start. A field keeps its last good
 * value while what is typed there does not validate; an emptied field is forgotten (an empty VIX
 * future means "estimate it", an empty Held means none).
 */
import type { HostMarket, NumberSeparators } from "../hosts/host";
import { MARKET_MEMORY_KEYS, type MarketMemory } from "../workbook/market-memory";
import type { FormValues } from "./fields";
import type { FormReading } from "./form";
import { inputText } from "./number-locale";

/** The inputs to remember from the form, keeping `before`'s value for a field that is not valid. */
export function marketToRemember(
  reading: FormReading,
  values: FormValues,
  before: MarketMemory
): MarketMemory {
  const market: MarketMemory = {};
  for (const key of MARKET_MEMORY_KEYS) {
    if ((values[key] ?? "").trim() === "") continue;
    const value = reading.numbers.get(key);
    const valid = value !== undefined && !reading.errors.has(key);
    const kept = valid ? value : before[key];
    if (kept !== undefined) market[key] = kept;
  }
  return market;
}

/** The form's text for remembered inputs, in the locale's format. */
export function marketValues(market: MarketMemory, locale: NumberSeparators): FormValues {
  return Object.fromEntries(
    MARKET_MEMORY_KEYS.flatMap((key) => {
      const value = market[key];
      return value === undefined ? [] : [[key, inputText(value, locale)]];
    })
  );
}

const same = (a: MarketMemory, b: MarketMemory): boolean =>
  MARKET_MEMORY_KEYS.every((key) => a[key] === b[key]);

/** The pane's side of the host's market store: restores once, then saves what changed. */
export class MarketRecall {
  private remembered: MarketMemory = {};

  constructor(private readonly store: HostMarket | undefined) {}

  /** The remembered inputs as form text, and what could not be read. */
  async restore(locale: NumberSeparators): Promise<{ values: FormValues; problems: string[] }> {
    if (!this.store) return { values: {}, problems: [] };
    const { market, problems } = await this.store.load();
    this.remembered = market;
    return { values: marketValues(market, locale), problems };
  }

  /** Saves the form's market inputs when they differ from those remembered; true when saved. */
  async keep(reading: FormReading, values: FormValues): Promise<boolean> {
    if (!this.store) return false;
    const market = marketToRemember(reading, values, this.remembered);
    if (same(market, this.remembered)) return false;
    await this.store.save(market);
    this.remembered = market;
    return true;
  }
}
