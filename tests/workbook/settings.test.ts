import { describe, expect, it } from "vitest";
import { OfficeSettingsStore } from "../../src/hosts/excel/settings";
import type { HedgeSettings } from "../../src/workbook/model";
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  settingsFromDocument,
  settingsToDocument,
  validateSettings,
} from "../../src/workbook/settings";
import { FakeExcel } from "../support/excel-fake";
import { thrown } from "../support/thrown";

describe("hedge settings", () => {
  it("default to SPEC §3.4: θ 0.90, s 0.05, c 0.25, cap 0.60", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      threshold: 0.9,
      step: 0.05,
      perLayer: 0.25,
      cap: 0.6,
      rounding: "up",
    });
    // SPEC §3.7: no beta by default: the hedge month's future's e^(−κτ) (5.9, 19.4 from Cboe's VIX).
    expect(DEFAULT_SETTINGS.beta).toBeUndefined();
    expect(DEFAULT_SETTINGS).toMatchObject({ kappa: 5.9, longRunVix: 19.4 });
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
    [{ cap: 60 }, /^cap 60 looks like a percentage: enter 0\.6 for 60 % \(at most 1\)$/],
    [
      { beta: 45 },
      /^beta 45 looks like a percentage: beta is a pure number .*enter 0\.45 for 45 %$/,
    ],
    [{ bias: 110 }, /^bias 110 looks like a percentage: .*enter 1\.1 for 110 %$/],
    [{ kappa: -1 }, /kappa must be 0 or more/],
    [{ kappa: 590 }, /^kappa 590 is mean reversion per year: .*enter 5\.9/],
    [{ longRunVix: 0.194 }, /longRunVix 0\.194 looks like a decimal: enter VIX points, 19\.4/],
    [{ longRunVix: 1940 }, /^longRunVix 1940 is above any VIX close: enter VIX points, 19\.4/],
    [{ closures: "2026-02-30" }, /^closures: "2026-02-30" is not a date/],
    [{ closures: 46000 }, /^closures must be text: dates such as 2026-03-02/],
  ])("rejects %o", (change, pattern) => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, ...change } as HedgeSettings)).toThrow(
      pattern
    );
  });

  // Issue 14, observation 7: entries that looked like percentages slipped through and switched
  // the hedge off (Threshold 90 was saved: 0 layers, 0 contracts), or got the wrong fix.
  it("refuses a threshold or step typed as a whole-number percentage, naming the right entry", () => {
    const refuse = (change: Partial<HedgeSettings>) =>
      thrown(() => validateSettings({ ...DEFAULT_SETTINGS, ...change }));
    const threshold = refuse({ threshold: 90 });
    expect(threshold.argument).toBe("threshold");
    expect(threshold.message).toBe(
      "threshold 90 would start the hedge only at a VIX of about 1,429: the threshold is an EDR in percent already (0.9 means 0.90 %), so enter 0.9 for 0.9 %"
    );
    const step = refuse({ step: 5 });
    expect(step.argument).toBe("step");
    expect(step.message).toBe(
      "step 5 would add a layer only every 79 VIX points: the step is an EDR in percent already (0.05 means 0.05 %), so enter 0.05 for 0.05 %"
    );
    // Levels a trader may mean stay allowed.
    expect(() =>
      validateSettings({ ...DEFAULT_SETTINGS, threshold: 1.5, step: 0.25 })
    ).not.toThrow();
    // Saved by an older version, it falls back to the default with the message.
    const saved = settingsFromDocument({ ...settingsToDocument(DEFAULT_SETTINGS), threshold: 90 });
    expect(saved.settings.threshold).toBe(0.9);
    expect(saved.problems).toEqual([expect.stringMatching(/^threshold 90 would start the hedge/)]);
  });

  it("says what a cap above 1 means, not 'enter 0.015 for 1.5 %'", () => {
    const cap = thrown(() => validateSettings({ ...DEFAULT_SETTINGS, cap: 1.5 }));
    expect(cap.argument).toBe("cap");
    expect(cap.message).toBe(
      "cap 1.5 is 150 % of the exposure, more than all of it: enter a fraction of at most 1, 0.6 for 60 %"
    );
    expect(cap.message).not.toContain("0.015");
    expect(thrown(() => validateSettings({ ...DEFAULT_SETTINGS, perLayer: 1.25 })).message).toBe(
      "perLayer 1.25 is 125 % of the exposure, more than all of it: enter a fraction of at most 1, 0.25 for 25 %"
    );
  });

  it("carry κ, θV and the trader's closures with SPEC §3.7's defaults", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ kappa: 5.9, longRunVix: 19.4, closures: "" });
    const mine: HedgeSettings = {
      ...DEFAULT_SETTINGS,
      kappa: 4.2,
      longRunVix: 21,
      closures: "2026-02-04, 2026-11-04",
    };
    const resolved = validateSettings(mine);
    expect(resolved).toMatchObject({
      kappa: 4.2,
      longRunVix: 21,
      closures: "2026-02-04, 2026-11-04",
    });
    const saved = JSON.parse(JSON.stringify(settingsToDocument(mine)));
    expect(saved).toMatchObject({ kappa: 4.2, longRunVix: 21, closures: "2026-02-04, 2026-11-04" });
    expect(settingsFromDocument(saved)).toEqual({ settings: mine, problems: [] });
    // A workbook saved before these settings existed reads them as the defaults.
    const { kappa, longRunVix, closures, ...older } = settingsToDocument(DEFAULT_SETTINGS);
    expect([kappa, longRunVix, closures]).toEqual([5.9, 19.4, ""]);
    expect(validateSettings(settingsFromDocument(older).settings)).toMatchObject({
      kappa: 5.9,
      longRunVix: 19.4,
      closures: "",
    });
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
