/**
 * The market inputs the pane remembers with the book (issue 18): spot, VIX, the quoted VIX future
 * and the hedge contracts already held. Kept as one JSON object under `alvh.market`, in the
 * workbook's document settings in Excel (so a colleague who opens the file sees what is held) and
 * in localStorage standalone. Stored as numbers, never as typed text, so a workbook saved in one
 * locale reads the same in another.
 */
import { describe } from "../core";

/** The document-settings (and localStorage) key of the remembered market inputs. */
export const MARKET_KEY = "alvh.market";

export interface MarketMemory {
  spot?: number;
  vix?: number;
  vixFuture?: number;
  /** Hedge contracts already held for the book: a whole number, 0 or more. */
  held?: number;
}

export const MARKET_MEMORY_KEYS = ["spot", "vix", "vixFuture", "held"] as const;

const fits: Record<(typeof MARKET_MEMORY_KEYS)[number], (value: number) => boolean> = {
  spot: (v) => v > 0,
  vix: (v) => v > 0,
  vixFuture: (v) => v > 0,
  held: (v) => Number.isInteger(v) && v >= 0,
};

/**
 * The remembered inputs as stored (an object, or its JSON text). An entry that is not a number
 * the form would accept is left out and named, so a damaged setting costs one field, not all.
 */
export function marketFromDocument(raw: unknown): { market: MarketMemory; problems: string[] } {
  let stored = raw;
  if (typeof stored === "string") {
    try {
      stored = JSON.parse(stored);
    } catch {
      return { market: {}, problems: [`${MARKET_KEY} is not readable (got ${describe(raw)})`] };
    }
  }
  if (stored === null || stored === undefined) return { market: {}, problems: [] };
  if (typeof stored !== "object" || Array.isArray(stored)) {
    return { market: {}, problems: [`${MARKET_KEY} is not readable (got ${describe(raw)})`] };
  }
  const entries = stored as Record<string, unknown>;
  const market: MarketMemory = {};
  const problems: string[] = [];
  for (const key of MARKET_MEMORY_KEYS) {
    const value = entries[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "number" && Number.isFinite(value) && fits[key](value))
      market[key] = value;
    else problems.push(`${key} (got ${describe(value)})`);
  }
  return { market, problems };
}

/** The object stored under MARKET_KEY: only the inputs that are set. */
export function marketToDocument(market: MarketMemory): MarketMemory {
  const stored: MarketMemory = {};
  for (const key of MARKET_MEMORY_KEYS) {
    if (market[key] !== undefined) stored[key] = market[key];
  }
  return stored;
}
