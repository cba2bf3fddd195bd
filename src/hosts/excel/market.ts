import { MARKET_KEY, marketFromDocument, marketToDocument } from "../../workbook/market-memory";
import type { MarketMemory } from "../../workbook/market-memory";
import type { HostMarket } from "../host";
import type { DocumentSettingsPort } from "./office";
import { saveDocumentSettings } from "./settings";

/**
 * The market inputs kept in the workbook's document settings (key `alvh.market`), beside the hedge
 * settings: they travel with the file, so whoever opens it sees the spot, VIX and the hedge held.
 */
export class OfficeMarketStore implements HostMarket {
  constructor(private readonly settings: DocumentSettingsPort) {}

  async load(): Promise<{ market: MarketMemory; problems: string[] }> {
    return marketFromDocument(this.settings.get(MARKET_KEY));
  }

  async save(market: MarketMemory): Promise<void> {
    this.settings.set(MARKET_KEY, marketToDocument(market));
    await saveDocumentSettings(this.settings);
  }
}
