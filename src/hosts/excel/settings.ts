import { AlvhError } from "../../core";
import type { HedgeSettings } from "../../workbook/model";
import { SETTINGS_KEY, settingsFromDocument, settingsToDocument } from "../../workbook/settings";
import type { HostSettings } from "../host";
import type { DocumentSettingsPort } from "./office";

/** Saves document settings; they travel with the workbook once the trader saves the file. */
export function saveDocumentSettings(settings: DocumentSettingsPort): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Office.AsyncResultStatus.Failed is the string "failed".
      if (String(result.status).toLowerCase() === "failed") {
        reject(
          new AlvhError(
            "settings",
            `the workbook did not save the settings: ${result.error?.message ?? "unknown error"}`
          )
        );
      } else resolve();
    });
  });
}

/** Hedge settings kept in the workbook's document settings (key `alvh.settings`). */
export class OfficeSettingsStore implements HostSettings {
  constructor(private readonly settings: DocumentSettingsPort) {}

  async load(): Promise<{ settings: HedgeSettings; problems: string[] }> {
    return settingsFromDocument(this.settings.get(SETTINGS_KEY));
  }

  async save(settings: HedgeSettings): Promise<void> {
    this.settings.set(SETTINGS_KEY, settingsToDocument(settings));
    await saveDocumentSettings(this.settings);
  }
}
