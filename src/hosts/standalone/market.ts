import { MARKET_KEY, marketFromDocument, marketToDocument } from "../../workbook/market-memory";
import type { MarketMemory } from "../../workbook/market-memory";
import type { HostMarket } from "../host";
import type { KeyValueStore } from "./storage";

/** The market inputs of the standalone app, kept in localStorage under `alvh.market`. */
export class LocalMarketStore implements HostMarket {
  constructor(private readonly store: KeyValueStore) {}

  async load(): Promise<{ market: MarketMemory; problems: string[] }> {
    return marketFromDocument(this.store.getItem(MARKET_KEY));
  }

  async save(market: MarketMemory): Promise<void> {
    this.store.setItem(MARKET_KEY, JSON.stringify(marketToDocument(market)));
  }
}
