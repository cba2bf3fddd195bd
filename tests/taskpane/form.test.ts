import { describe, expect, it } from "vitest";
import { initialValues, fieldFor, FIELDS } from "../../src/taskpane/fields";
import { isoFromSerial } from "../../src/core";
import { parseIsoDate, parseNumber, readForm, type FormReading } from "../../src/taskpane/form";
import { formFigures, liveSummary } from "../../src/taskpane/summary";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";

// 45658 is 2025-01-01 in Excel's 1900 date system (SPEC §2).
const TODAY = 45658;
const context = { today: TODAY, baseSettings: DEFAULT_SETTINGS, entryDate: null, notes: "" };

const valid = {
  ...initialValues(),
  label: "SPX Feb",
  expiry: "2025-02-21",
  longPut: "5800",
  shortPut: "5900",
  shortCall: "6100",
  longCall: "6200",
  credit: "20",
  contracts: "2",
  impliedVol: "0.16",
  spot: "6000",
  vix: "18",
};

describe("parsing what the trader types", () => {
  it("reads plain, grouped and exponent numbers and rejects anything else by argument name", () => {
    expect(parseNumber("spot", " 5700.25 ")).toBe(5700.25);
    expect(parseNumber("spot", "5,700.25")).toBe(5700.25);
    expect(parseNumber("spot", "1e3")).toBe(1000);
    expect(() => parseNumber("spot", "57,00")).toThrow('spot must be a number (got "57,00")');
    expect(() => parseNumber("spot", "")).toThrow("spot must be a number (got an empty value)");
    expect(() => parseNumber("spot", "12abc")).toThrow('spot must be a number (got "12abc")');
  });

  it("reads ISO dates as Excel serials and refuses impossible dates", () => {
    expect(parseIsoDate("expiry", "2025-01-01")).toBe(45658);
    // 2024-06-18 is a VIX expiry in SPEC §3.6; 45461 = 45658 − 197 days.
    expect(parseIsoDate("expiry", "2024-06-18")).toBe(45461);
    expect(isoFromSerial(45461)).toBe("2024-06-18");
    expect(() => parseIsoDate("expiry", "2025-02-30")).toThrow("expiry must be a date");
  });
});

describe("readForm", () => {
  it("turns a valid form into a position, market and settings with the SPEC defaults", () => {
    const reading = readForm(valid, context);
    expect(reading.errors.size).toBe(0);
    expect(reading.position).toMatchObject({ label: "SPX Feb", expiry: 45658 + 51, contracts: 2 });
    expect(reading.market).toEqual({ spot: 6000, vix: 18 });
    expect(reading.settings).toMatchObject({
      threshold: 0.9,
      step: 0.05,
      perLayer: 0.25,
      cap: 0.6,
    });
  });

  it.each([
    ["longPut", "", "Long put must be a number (got an empty value)"],
    ["shortPut", "abc", 'Short put must be a number (got "abc")'],
    ["credit", "-5", "Credit must be above 0 (got -5)"],
    ["shortCall", "5800", "Short call 5800 must be above short put 5900"],
    ["credit", "100", "Credit 100 is at or above the wider wing 100"],
    ["impliedVol", "16", "Implied vol 16 looks like a percentage: enter 0.16 for 16 %"],
    ["expiry", "2024-12-31", "Expiry 2024-12-31 is in the past: enter today (2025-01-01)"],
    ["label", "x".repeat(10_000), "Label is 10000 characters long: keep it to 100 or fewer"],
    ["label", "  ", "Label must not be empty"],
    ["contracts", "1.5", "Contracts must be a whole number"],
    ["perLayer", "25", "Coverage per layer 25 looks like a percentage"],
    ["vix", "0", "VIX must be above 0"],
    ["vix", "0.185", "VIX 0.185 looks like a decimal: enter VIX in points, 18.5 for 18.5"],
    ["perLayer", "0.001", "Coverage per layer 0.001 with cap 0.6 gives 600 layers: at most 200"],
    // Issue 14: a threshold typed as 90 was saved and switched the hedge off; cap 1.5 was told
    // "enter 0.015 for 1.5 %".
    ["threshold", "90", "Threshold 90 would start the hedge only at a VIX of about 1,429"],
    ["step", "5", "so enter 0.05 for 0.05 %"],
    [
      "cap",
      "1.5",
      "Cap 1.5 is 150 % of the exposure, more than all of it: enter a fraction of at most 1, 0.6 for 60 %",
    ],
    ["beta", "45", "Beta 45 looks like a percentage"],
  ])(
    "puts the engine's message for a bad %s beside that field and builds nothing from it (%#)",
    (id, bad, message) => {
      const reading = readForm({ ...valid, [id]: bad }, context);
      expect(reading.errors.get(id)).toContain(message);
      expect([...reading.errors.keys()]).toEqual([id]);
      const group = FIELDS.find((f) => f.id === id)?.group;
      expect(group && reading[group]).toBeUndefined();
    }
  );

  it("takes the VIX future when typed, and leaves it to the engine (the VIX) when empty", () => {
    expect(readForm(valid, context).market).toEqual({ spot: 6000, vix: 18 });
    expect(readForm({ ...valid, vixFuture: " 19.35 " }, context).market).toEqual({
      spot: 6000,
      vix: 18,
      vixFuture: 19.35,
    });
    for (const [bad, message] of [
      ["x", 'VIX future must be a number (got "x")'],
      ["-1", "VIX future must be above 0 (got -1)"],
    ]) {
      const reading = readForm({ ...valid, vixFuture: bad }, context);
      expect(reading.errors.get("vixFuture")).toContain(message);
      expect(reading.market).toBeUndefined();
    }
  });

  it("lets a position already in the book keep an expiry in the past, and only that one", () => {
    const isSaved = (label: string) => label.trim().toLowerCase() === "spx feb";
    const expired = { ...valid, expiry: "2024-12-20" };
    expect(readForm(expired, { ...context, isSaved }).position?.expiry).toBe(45646);
    const other = readForm({ ...expired, label: "SPX Mar" }, { ...context, isSaved });
    expect(other.errors.get("expiry")).toMatch(/Expiry 2024-12-20 is in the past/);
  });

  it("reads a vol, coverage or cap typed in percent, and only those", () => {
    // Issue 18: "16%" for vol was refused as not a number.
    const reading = readForm(
      { ...valid, impliedVol: "16%", perLayer: "25 %", cap: "60%" },
      context
    );
    expect(reading.errors.size).toBe(0);
    expect(reading.position?.impliedVol).toBeCloseTo(0.16, 15);
    expect(reading.settings).toMatchObject({ perLayer: 0.25, cap: 0.6 });
    expect(readForm({ ...valid, spot: "6000%" }, context).errors.get("spot")).toBe(
      'Spot must be a number (got "6000%")'
    );
  });

  it("names fields by their labels and shows numbers as the trader typed them", () => {
    // Issue 18: "shortCall 6150 must be above shortPut 6160".
    const reading = readForm(
      { ...valid, shortPut: "6,160", shortCall: "6,150", longCall: "6,200" },
      context
    );
    expect(reading.errors.get("shortCall")).toBe(
      "Short call 6,150 must be above short put 6,160 (or equal to it, for an iron butterfly)"
    );
    const vol = readForm({ ...valid, impliedVol: "0 %" }, context);
    expect(vol.errors.get("impliedVol")).toBe(
      "Implied vol must be above 0, as a decimal: 0.16 for 16 % (got 0 %)"
    );
    expect(readForm({ ...valid, impliedVol: "abc" }, context).errors.get("impliedVol")).toBe(
      'Implied vol must be a number: enter 0.16 or 16 % (got "abc")'
    );
  });

  it("reads the contracts already held as a whole number, and refuses anything else", () => {
    expect(readForm({ ...valid, held: " 2 " }, context).numbers.get("held")).toBe(2);
    expect(readForm(valid, context).numbers.has("held")).toBe(false);
    const bad = readForm({ ...valid, held: "1.5" }, context);
    expect(bad.errors.get("held")).toBe(
      "Held must be a whole number of contracts, 0 or more (got 1.5)"
    );
    expect(bad.numbers.has("held")).toBe(false);
  });

  it("accepts an expiry of today (a 0-DTE condor)", () => {
    expect(readForm({ ...valid, expiry: "2025-01-01" }, context).position?.expiry).toBe(TODAY);
  });

  it("maps engine arguments without a field of their own to the field they belong beside", () => {
    expect(fieldFor("vixFuture")?.label).toBe("VIX future");
    expect(fieldFor("Short call")?.id).toBe("shortCall");
    expect(fieldFor("annualDays")).toBeUndefined();
  });
});

/** The pane's refresh: the form's figures once, then the summary from them. */
const summaryAt = (reading: FormReading, at: number) =>
  liveSummary(reading, formFigures(reading, at));

describe("liveSummary", () => {
  const value = (lines: ReturnType<typeof liveSummary>, key: string) =>
    lines.find((l) => l.key === key)?.value;

  it("shows the hand-worked figures of SPEC §3 for a complete form", () => {
    // Break-evens K2 − C = 5880, K3 + C = 6120; max profit 20·100·2; max loss (100 − 20)·100·2;
    // EDR 18/√252 = 1.1339 %; layers ⌊(1.1339 − 0.9)/0.05⌋ + 1 = 5; coverage min(1.25, 0.6);
    // contracts 0.6 · (16000/10) / (β 1 · 1000) = 0.96, but one contract would hedge 62.5 % of
    // the exposure, above the 60 % cap (63 % shown): 0 (SPEC §3.5). Active layers against the 3-row schedule.
    const lines = summaryAt(readForm({ ...valid, beta: "1" }, context), TODAY + 0.5);
    expect(value(lines, "breakEvens")).toBe("5,880.00 – 6,120.00");
    expect(value(lines, "maxProfit")).toBe("$4,000.00");
    expect(value(lines, "maxLoss")).toBe("$16,000.00");
    expect(value(lines, "edr")).toBe("1.134 %");
    expect(value(lines, "layers")).toBe("5 (cap reached at 3)");
    expect(value(lines, "coverage")).toBe("60%");
    expect(value(lines, "contracts")).toBe(
      "0 VIX futures (0.960 exact), coverage held 0%: one contract would hedge 63 % of the exposure, above the 60 % cap"
    );
  });

  // Issue 14's worked example: SPX 6000, 5850/5900/6100/6150, credit 15, 5 lots, VIX 18.
  const worked = {
    ...valid,
    longPut: "5850",
    shortPut: "5900",
    shortCall: "6100",
    longCall: "6150",
    credit: "15",
    contracts: "5",
  };

  it("shows VIX triggers rounded up and active layers against the schedule (issue 14)", () => {
    const lines = summaryAt(readForm(worked, context), TODAY + 0.5);
    expect(value(lines, "triggers")).toBe("14.29 / 15.09 / 15.88");
    expect(value(lines, "layers")).toBe("5 (cap reached at 3)");
  });

  it("estimates the hedge month's future, beta e^(−κτ), its carry a lower bound (issue 14)", () => {
    // Hedge: the VIX expiry after 2025-02-21 is 2025-03-18, 9:30 am; now 2025-01-01 noon.
    const tau = (45734 + 19 / 48 - (TODAY + 0.5)) / 365;
    const beta = Math.exp(-5.9 * tau);
    const future = 19.4 + (18 - 19.4) * beta;
    const lines = summaryAt(readForm(worked, context), TODAY + 0.5);
    expect(value(lines, "future")).toBe(
      `${future.toFixed(2)} (estimate), beta ${beta.toFixed(2)}; contango: costs $${Math.round((future - 18) * 1000).toLocaleString("en-US")} per contract if VIX stays at 18 (estimate: a lower bound)`
    );
    // 0.6 · 1750 / (β · 1000) exact at the cap; whole never above it, and the coverage held said.
    const capExact = (0.6 * 1750) / (beta * 1000);
    const whole = Math.floor(capExact);
    expect(value(lines, "contracts")).toBe(
      `${whole} VIX futures (${capExact.toFixed(3)} exact), coverage held ${Math.round((whole * beta * 1000 * 100) / 1750)}%`
    );
  });

  it("says none for a side without a break-even (issue 14, SPEC §3.2)", () => {
    const broken = { ...valid, longPut: "5800", longCall: "6125", credit: "30", contracts: "1" };
    expect(value(summaryAt(readForm(broken, context), TODAY), "breakEvens")).toBe(
      "5,870.00 – none"
    );
  });

  it("tells a book that gains on a VIX rise that it gets no hedge (issue 14)", () => {
    const vega = {
      ...context,
      baseSettings: { ...DEFAULT_SETTINGS, exposureMethod: "vega" as const },
    };
    const lines = summaryAt(
      readForm({ ...worked, spot: "6300", impliedVol: "0.05" }, vega),
      TODAY + 0.5
    );
    expect(value(lines, "contracts")).toMatch(
      /^no hedge: the book gains about \$\d+ per VIX point \(its vega is positive\)/
    );
  });

  it("shows what it can while other fields are still wrong", () => {
    // VIX 15.87 → EDR 0.99972 %: layers ⌊0.0997/0.05⌋ + 1 = 2, coverage 50 %.
    const lines = summaryAt(readForm({ ...valid, label: "", vix: "15.87" }, context), TODAY);
    expect(value(lines, "breakEvens")).toBe("5,880.00 – 6,120.00");
    expect(value(lines, "layers")).toBe("2");
    expect(value(lines, "coverage")).toBe("50%");
    expect(value(lines, "contracts")).toBe("—");
    const broken = summaryAt(readForm({ ...valid, credit: "abc" }, context), TODAY);
    expect(value(broken, "maxLoss")).toBe("—");
  });
});

describe("term-structure and closure settings (issue 14)", () => {
  it("reads κ, θV and closures into the settings, and an empty beta as e^(−κτ)", () => {
    const reading = readForm(
      { ...valid, kappa: "4", longRunVix: "20", closures: "2026-03-02" },
      context
    );
    expect(reading.settings).toMatchObject({ kappa: 4, longRunVix: 20, closures: "2026-03-02" });
    expect(reading.settings?.beta).toBeUndefined();
    expect(readForm({ ...valid, beta: "0.5" }, context).settings?.beta).toBe(0.5);
  });

  it("refuses each beside its own field with the engine's message", () => {
    const reading = readForm({ ...valid, kappa: "500" }, context);
    expect(reading.errors.get("kappa")).toMatch(/^Kappa \(κ\) 500 is mean reversion per year/);
    expect(readForm({ ...valid, longRunVix: "0.19" }, context).errors.get("longRunVix")).toMatch(
      /looks like a decimal: enter VIX points/
    );
    expect(readForm({ ...valid, closures: "next tuesday" }, context).errors.has("closures")).toBe(
      true
    );
    expect(reading.settings).toBeUndefined();
  });
});
