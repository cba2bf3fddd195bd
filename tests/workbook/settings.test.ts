import { describe, expect, it } from "vitest";
import { OfficeSettingsStore } from "../../src/taskpane/office/settings";
import type { HedgeSettings } from "../../src/workbook/model";
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  settingsFromDocument,
  settingsToDocument,
  validateSettings,
} from "../../src/workbook/settings";
import { FakeExcel } from "../support/excel-fake";

describe("hedge settings", () => {
  it("default to SPEC §3.4: θ 0.90, s 0.05, c 0.25, cap 0.60", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      threshold: 0.9,
      step: 0.05,
      perLayer: 0.25,
      cap: 0.6,
      beta: 1,
      rounding: "up",
    });
  });

  it.each([
    [{ perLayer: 25 }, /perLayer 25 looks like a percentage: enter 0\.25/],
    [{ step: 0 }, /step must be above 0/],
    [{ instrument: "put" }, /instrument must be one of future, call \(got "put"\)/],
    [{ rounding: "sideways" }, /rounding must be one of up, nearest, down/],
    [{ callVol: 90 }, /callVol 90 looks like a percentage/],
    [{ beta: Number.NaN }, /beta must be a finite number/],
    [{ rate: 4.5 }, /rate 4\.5 looks like a percentage: enter 0\.045/],
    [{ annualDays: 400 }, /annualDays must be at most 366/],
    [{ threshold: -0.1 }, /threshold must be 0 or more/],
  ])("rejects %o", (change, pattern) => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, ...change } as HedgeSettings)).toThrow(
      pattern
    );
  });

  it("round-trip through document settings and fall back field by field", () => {
    const mine: HedgeSettings = {
      ...DEFAULT_SETTINGS,
      cap: 0.5,
      instrument: "call",
      callStrike: 25,
    };
    expect(settingsFromDocument(JSON.parse(JSON.stringify(settingsToDocument(mine))))).toEqual({
      settings: mine,
      problems: [],
    });
    const { settings, problems } = settingsFromDocument({ cap: "lots", step: 0.1, unknown: 1 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, step: 0.1 });
    expect(problems).toEqual([expect.stringMatching(/cap/)]);
    expect(settingsFromDocument(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    // perLayer 0.002 with cap 0.4 is 200 layers, the most a schedule has; with the default cap
    // (0.6) it would be 300, so the pair must be read together.
    const fine = { ...DEFAULT_SETTINGS, perLayer: 0.002, cap: 0.4 };
    expect(settingsFromDocument(settingsToDocument(fine))).toEqual({
      settings: fine,
      problems: [],
    });
    // A rate saved in percent would fail every write, and the pane has no field to fix it.
    const percent = settingsFromDocument({ ...settingsToDocument(DEFAULT_SETTINGS), rate: 4.5 });
    expect(percent.settings).toEqual(DEFAULT_SETTINGS);
    expect(percent.problems).toEqual([expect.stringMatching(/rate 4\.5 looks like a percentage/)]);
  });

  it("are kept in the workbook's document settings", async () => {
    const fake = new FakeExcel();
    const store = new OfficeSettingsStore(fake.documentSettings);
    await store.save({ ...DEFAULT_SETTINGS, beta: 0.7 });
    expect(fake.savedSettings[SETTINGS_KEY]).toMatchObject({ beta: 0.7 });
    expect((await store.load()).settings.beta).toBe(0.7);
  });
});
