import { describe, expect, it } from "vitest";
import { separatorsOfLocale } from "../../src/hosts/locale";
import { initialValues } from "../../src/taskpane/fields";
import { readForm } from "../../src/taskpane/form";
import {
  EN_US,
  inputText,
  localizeValues,
  numberLocale,
  parseLocaleNumber,
  readLocaleNumber,
  showNumbers,
} from "../../src/taskpane/number-locale";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";

// As Excel's cultureInfo reports them; the browser's Intl gives the same (checked below).
const DE_DE = { decimal: ",", group: "." };
const FR_FR = { decimal: ",", group: "\u202f" };
const DE_CH = { decimal: ".", group: "\u2019" };
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("the separators of a locale", () => {
  it("come from Intl for the browser's locale, with Latin digits", () => {
    expect(separatorsOfLocale("en-US")).toEqual(EN_US);
    expect(separatorsOfLocale("de-DE")).toEqual(DE_DE);
    expect(separatorsOfLocale("fr-FR")).toEqual(FR_FR);
    // ICU versions differ on de-CH's apostrophe (' or ’); the form reads both.
    expect(separatorsOfLocale("de-CH").decimal).toBe(".");
    expect(["'", "\u2019"]).toContain(separatorsOfLocale("de-CH").group);
    // With Latin digits (the form's), Arabic locales write 1,234.5.
    expect(separatorsOfLocale("ar-EG")).toEqual(EN_US);
    expect(separatorsOfLocale("not a locale!")).toHaveProperty("decimal");
  });

  it("fall back to en-US when unusable, and drop a group equal to the decimal", () => {
    expect(numberLocale(undefined)).toEqual(EN_US);
    expect(numberLocale({ decimal: "", group: "," })).toEqual(EN_US);
    expect(numberLocale({ decimal: "5", group: "," })).toEqual(EN_US);
    expect(numberLocale({ decimal: ",", group: "," })).toEqual({ decimal: ",", group: "" });
    expect(numberLocale({ decimal: ",", group: "ab" })).toEqual({ decimal: ",", group: "" });
    expect(numberLocale(DE_DE)).toEqual(DE_DE);
  });
});

describe("reading numbers as the locale writes them", () => {
  const cases: [string, { decimal: string; group: string }, string, number][] = [
    ["en-US", EN_US, "6,100.5", 6100.5],
    ["en-US", EN_US, "6100.5", 6100.5],
    ["en-US", EN_US, "6 100.5", 6100.5],
    ["en-US", EN_US, "1,234,567", 1234567],
    ["en-US", EN_US, "1e3", 1000],
    ["en-US", EN_US, ".5", 0.5],
    ["en-US", EN_US, "5.", 5],
    ["en-US", EN_US, "\u22125.5", -5.5],
    ["de-DE", DE_DE, "6 100,5", 6100.5],
    ["de-DE", DE_DE, "6.100,5", 6100.5],
    ["de-DE", DE_DE, "6100,5", 6100.5],
    ["de-DE", DE_DE, "6.100", 6100],
    ["de-DE", DE_DE, "0,16", 0.16],
    ["de-DE", DE_DE, "-1,5e2", -150],
    ["fr-FR", FR_FR, `6${NNBSP}100,5`, 6100.5],
    ["fr-FR", FR_FR, `6${NBSP}100,5`, 6100.5],
    ["fr-FR", FR_FR, "6 100,5", 6100.5],
    ["fr-FR", FR_FR, "6100,5", 6100.5],
    ["de-CH", DE_CH, "6\u2019100.5", 6100.5],
    ["de-CH", DE_CH, "6'100.5", 6100.5],
    ["de-CH", DE_CH, "6100.5", 6100.5],
    ["hi-IN", EN_US, "12,34,567.5", 1234567.5],
  ];
  it.each(cases)("%s reads %j", (_, locale, text, value) => {
    expect(parseLocaleNumber("spot", text, locale)).toBe(value);
  });

  const refused: [string, { decimal: string; group: string }, string, string][] = [
    ["en-US", EN_US, "6100,5", "a decimal point, as 6,100.5 or 6100.5"],
    ["en-US", EN_US, "6.100,5", "a decimal point, as 6,100.5 or 6100.5"],
    ["de-DE", DE_DE, "6100.5", "a decimal comma, as 6.100,5 or 6100,5"],
    ["de-DE", DE_DE, "6,100.5", "a decimal comma, as 6.100,5 or 6100,5"],
    ["de-DE", DE_DE, "1.5", "a decimal comma, as 6.100,5 or 6100,5"],
    ["fr-FR", FR_FR, "6.100,5", `a decimal comma, as 6${NNBSP}100,5 or 6100,5`],
    ["de-CH", DE_CH, "6100,5", "a decimal point, as 6\u2019100.5 or 6100.5"],
  ];
  it.each(refused)("%s refuses the other convention's %j, naming the format", (_, l, text, fmt) => {
    expect(() => parseLocaleNumber("spot", text, l)).toThrow(
      `spot must be a number (got ${JSON.stringify(text)}); write numbers with ${fmt}`
    );
  });

  it("refuses what is no number without a format lecture", () => {
    expect(() => parseLocaleNumber("spot", "abc", DE_DE)).toThrow(
      /^spot must be a number \(got "abc"\)$/
    );
    expect(() => parseLocaleNumber("spot", "", DE_DE)).toThrow(/\(got an empty value\)$/);
    for (const text of ["", ",", "e5", "1,2,3", "6..1"]) {
      expect(readLocaleNumber(text, DE_DE)).toBeUndefined();
    }
  });

  it("reads percent in every locale: 16%, 16 %, 16,5 %", () => {
    expect(parseLocaleNumber("impliedVol", "16%", EN_US, true)).toBeCloseTo(0.16, 15);
    expect(parseLocaleNumber("impliedVol", "16,5 %", DE_DE, true)).toBeCloseTo(0.165, 15);
    expect(parseLocaleNumber("impliedVol", `16${NNBSP}%`, FR_FR, true)).toBeCloseTo(0.16, 15);
    expect(parseLocaleNumber("impliedVol", "0,16", DE_DE, true)).toBe(0.16);
    expect(() => parseLocaleNumber("impliedVol", "0.16", DE_DE, true)).toThrow(
      'impliedVol must be a number: enter 0,16 or 16 % (got "0.16"); write numbers with a decimal comma'
    );
    expect(() => parseLocaleNumber("spot", "16%", DE_DE)).toThrow('(got "16%")');
  });
});

describe("showing numbers with the locale's separators", () => {
  it("gives field text without grouping, so it reads back the same", () => {
    for (const locale of [EN_US, DE_DE, FR_FR, DE_CH]) {
      for (const value of [6100.5, 0.16, 18, 1e-7, -3.25]) {
        expect(readLocaleNumber(inputText(value, locale), locale)).toBe(value);
      }
    }
    expect(inputText(6100.5, DE_DE)).toBe("6100,5");
  });

  it("localizes the form's number fields, and only those", () => {
    const values = { ...initialValues(), label: "SPX 5.5", expiry: "2025-02-21", spot: "6100.5" };
    const shown = localizeValues(values, DE_DE);
    expect(shown).toMatchObject({ label: "SPX 5.5", expiry: "2025-02-21", spot: "6100,5" });
    expect(shown).toMatchObject({ threshold: "0,9", step: "0,05", cap: "0,6", rounding: "up" });
    expect(localizeValues(values, EN_US)).toBe(values);
  });

  it("rewrites the pane's en-US figures, leaving dates, times and prose alone", () => {
    const text = "$17,500.00 at 1.134 % on 2025-03-21 14:05, layers 1, 2";
    expect(showNumbers(text, DE_DE)).toBe("$17.500,00 at 1,134 % on 2025-03-21 14:05, layers 1, 2");
    expect(showNumbers(text, FR_FR)).toBe(
      `$17${NNBSP}500,00 at 1,134 % on 2025-03-21 14:05, layers 1, 2`
    );
    expect(showNumbers(text, DE_CH)).toBe(
      "$17\u2019500.00 at 1.134 % on 2025-03-21 14:05, layers 1, 2"
    );
    expect(showNumbers(text, EN_US)).toBe(text);
  });
});

describe("the form in a de-DE locale", () => {
  const context = {
    today: 45658,
    baseSettings: DEFAULT_SETTINGS,
    entryDate: null,
    notes: "",
    locale: DE_DE,
  };
  const values = {
    ...localizeValues(initialValues(), DE_DE),
    label: "SPX Feb",
    expiry: "2025-02-21",
    longPut: "5.800",
    shortPut: "5.900",
    shortCall: "6.100",
    longCall: "6.200",
    credit: "20,5",
    contracts: "2",
    impliedVol: "16 %",
    spot: "6100,5",
    vix: "18,5",
  };

  it("reads the locale's numbers into the engine's", () => {
    const reading = readForm(values, context);
    expect(reading.errors).toEqual(new Map());
    expect(reading.market).toEqual({ spot: 6100.5, vix: 18.5 });
    expect(reading.position).toMatchObject({ longPut: 5800, credit: 20.5, impliedVol: 0.16 });
    expect(reading.settings).toMatchObject({ threshold: 0.9, step: 0.05, cap: 0.6 });
  });

  it("refuses en-US text with the field's label and the expected format", () => {
    const reading = readForm({ ...values, spot: "6100.5" }, context);
    expect(reading.errors.get("spot")).toBe(
      'Spot must be a number (got "6100.5"); write numbers with a decimal comma, as 6.100,5 or 6100,5'
    );
    expect(reading.market).toBeUndefined();
  });
});
