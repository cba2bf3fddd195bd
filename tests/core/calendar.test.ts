import { describe, expect, it } from "vitest";
import {
  isBusinessDay,
  isExchangeHoliday,
  nextVixExpiry,
  parseClosures,
  serialFromYmd,
  UNSCHEDULED_CLOSURES_THROUGH,
  vixExpiryForMonth,
  ymdFromSerial,
} from "../../src/core";
import { thrown } from "../support/thrown";
import references from "./references/calendar.json";

const serial = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return serialFromYmd(y, m, d);
};
const iso = (s: number) => {
  const { year, month, day } = ymdFromSerial(s);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

describe("Excel serials (1900 system)", () => {
  it("matches Excel: 45658 is 2025-01-01, 61 is 1900-03-01, 2958465 is 9999-12-31", () => {
    expect(serialFromYmd(2025, 1, 1)).toBe(45658);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromYmd(9999, 12, 31)).toBe(2958465);
    expect(iso(45658.75)).toBe("2025-01-01"); // a time of day does not change the date
  });

  it("round-trips every day from 1900-03-01 to 2100", () => {
    for (let s = 61; s <= serialFromYmd(2100, 12, 31); s += 1) {
      const { year, month, day } = ymdFromSerial(s);
      if (serialFromYmd(year, month, day) !== s) throw new Error(`serial ${s} does not round-trip`);
    }
  });

  it("rejects impossible dates and serials Excel cannot show", () => {
    expect(() => serialFromYmd(2025, 2, 29)).toThrow(/not a date/);
    expect(() => ymdFromSerial(60)).toThrow(/not an Excel date from 1900-03-01/);
    expect(() => ymdFromSerial(Number.NaN)).toThrow(/date must be a finite number/);
  });
});

describe("exchange holidays", () => {
  it("equals the independent python-dateutil calendar for 2000–2030", () => {
    const expected = new Set(references.holidays);
    for (let s = serial("2000-01-01"); s <= serial("2030-12-31"); s++) {
      if (isExchangeHoliday(s) !== expected.has(iso(s)))
        throw new Error(`${iso(s)} holiday mismatch`);
    }
  });

  it("applies the observance rules", () => {
    expect(isExchangeHoliday(serial("2022-06-20"))).toBe(true); // Juneteenth on Sunday → Monday
    expect(isExchangeHoliday(serial("2021-06-18"))).toBe(false); // before Juneteenth became a holiday
    expect(isExchangeHoliday(serial("2021-12-31"))).toBe(false); // New Year's on Saturday: not moved back
    expect(isExchangeHoliday(serial("2021-12-24"))).toBe(true); // Christmas on Saturday → Friday
    expect(isExchangeHoliday(serial("2024-03-29"))).toBe(true); // Good Friday from Easter
    expect(isExchangeHoliday(serial("2012-10-30"))).toBe(true); // Hurricane Sandy
    expect(isExchangeHoliday(serial("2025-01-09"))).toBe(true); // President Carter
    expect(isBusinessDay(serial("2024-06-18"))).toBe(true);
    expect(isBusinessDay(serial("2024-06-22"))).toBe(false);
  });
});

describe("VIX expiries", () => {
  it("matches the rule for every month of 2000–2030 (python-dateutil reference)", () => {
    for (const [year, month, date] of references.expiries as [number, number, string, number][]) {
      expect(iso(vixExpiryForMonth(year, month)), `${year}-${month}`).toBe(date);
    }
  });

  it("shifts for holidays as Cboe did: 2014-03-18, 2019-03-19, 2022-03-15, 2024-06-18, 2025-03-18", () => {
    expect(iso(vixExpiryForMonth(2014, 3))).toBe("2014-03-18"); // Good Friday 2014-04-18
    expect(iso(vixExpiryForMonth(2019, 3))).toBe("2019-03-19"); // Good Friday 2019-04-19
    expect(iso(vixExpiryForMonth(2022, 3))).toBe("2022-03-15"); // Good Friday 2022-04-15
    expect(iso(vixExpiryForMonth(2024, 6))).toBe("2024-06-18"); // Juneteenth on the Wednesday
    expect(iso(vixExpiryForMonth(2025, 3))).toBe("2025-03-18"); // Good Friday 2025-04-18
    expect(iso(vixExpiryForMonth(2024, 12))).toBe("2024-12-18");
  });

  it("finds the n-th expiry strictly after a date", () => {
    expect(iso(nextVixExpiry(serial("2024-06-17")))).toBe("2024-06-18");
    expect(iso(nextVixExpiry(serial("2024-06-18")))).toBe("2024-07-17");
    expect(iso(nextVixExpiry(serial("2024-06-17"), 3))).toBe("2024-08-21");
    expect(iso(nextVixExpiry(serial("2024-12-20")))).toBe("2025-01-22");
    expect(() => nextVixExpiry(serial("2024-06-17"), 0)).toThrow(/n must be a whole number from 1/);
  });

  it("works at both ends of Excel's calendar", () => {
    // Worked by hand: 1900-05-01 was a Tuesday, so the third Friday of May 1900 is the 18th and
    // 30 days before it is Wednesday 1900-04-18; the 1900 holiday rules (New Year's Day is serial
    // 2, outside the calendar) must not get in the way.
    expect(iso(nextVixExpiry(serial("1900-04-10")))).toBe("1900-04-18");
    expect(iso(nextVixExpiry(61))).toBe("1900-03-21");
    expect(iso(nextVixExpiry(serial("9999-11-01")))).toBe("9999-11-17");
    // December 9999's expiry is counted from a Friday in January 10000, outside Excel, yet falls
    // inside it (Wednesday 9999-12-22: 30 days before Friday 10000-01-21).
    expect(iso(nextVixExpiry(serial("9999-12-01")))).toBe("9999-12-22");
    expect(iso(vixExpiryForMonth(9999, 12))).toBe("9999-12-22");
    // After it, the next expiry (January 10000's) is beyond Excel: #NUM! naming the date typed,
    // not the serial of an expiry nobody typed (issue 14: "serial 2958484").
    const beyond = thrown(() => nextVixExpiry(serial("9999-12-31")));
    expect([beyond.kind, beyond.argument]).toEqual(["num", "date"]);
    expect(beyond.message).toBe(
      "no VIX expiry after 9999-12-31 fall within Excel's calendar, which ends on 9999-12-31: enter an earlier date"
    );
    expect(beyond.message).not.toMatch(/29584/);
    expect(thrown(() => nextVixExpiry(serial("9999-11-01"), 3)).message).toMatch(
      /^fewer than 3 VIX expiries after 9999-11-01 fall within/
    );
  });
});

describe("closures no rule predicts (issue 14)", () => {
  it("documents how far the table of special closures reaches", () => {
    expect(UNSCHEDULED_CLOSURES_THROUGH).toBe("2025-01-09");
    expect(isExchangeHoliday(serial(UNSCHEDULED_CLOSURES_THROUGH))).toBe(true);
  });

  it("takes closures the trader adds", () => {
    const closures = new Set(parseClosures("2026-02-04, 2026-11-04"));
    expect(isExchangeHoliday(serial("2026-11-04"))).toBe(false);
    expect(isExchangeHoliday(serial("2026-11-04"), closures)).toBe(true);
    expect(isBusinessDay(serial("2026-02-04"), closures)).toBe(false);
    expect(isBusinessDay(serial("2026-02-05"), closures)).toBe(true);
  });

  it("settles on the NEXT business day when an expiry Wednesday closes unexpectedly (Cboe, 2018-12-05)", () => {
    expect(iso(vixExpiryForMonth(2026, 2))).toBe("2026-02-18");
    const closures = new Set([serial("2026-02-18")]);
    expect(iso(vixExpiryForMonth(2026, 2, closures))).toBe("2026-02-19"); // not 02-17
    expect(iso(nextVixExpiry(serial("2026-02-01"), 1, closures))).toBe("2026-02-19");
    // Two closed days in a row: the first business day after them.
    const storm = new Set(parseClosures("2026-02-18 2026-02-19"));
    expect(iso(vixExpiryForMonth(2026, 2, storm))).toBe("2026-02-20");
    // A scheduled holiday on the Wednesday still moves it to the day before (SPEC §3.6).
    expect(iso(vixExpiryForMonth(2024, 6, closures))).toBe("2024-06-18");
  });

  it("does not move the Friday the expiry is counted from for an unscheduled closure", () => {
    // Third Friday of March 2026 is the 20th: the February expiry is 30 days before it.
    const closures = new Set([serial("2026-03-20")]);
    expect(iso(vixExpiryForMonth(2026, 2, closures))).toBe("2026-02-18");
  });

  it("names a bad closure as it was typed", () => {
    expect(parseClosures("")).toEqual([]);
    expect(parseClosures(" 2026-03-02;2026-03-02 , 2025-1-9")).toEqual([
      serial("2025-01-09"),
      serial("2026-03-02"),
    ]);
    expect(thrown(() => parseClosures("2026-02-30")).message).toBe(
      'closures: "2026-02-30" is not a date: enter closures as dates such as 2026-03-02, separated by commas'
    );
    expect(thrown(() => parseClosures("2026-03-07")).message).toMatch(
      /^closures: 2026-03-07 is a Saturday/
    );
    expect(thrown(() => parseClosures("10000-01-03")).message).toMatch(
      /"10000-01-03" is not a date/
    );
    expect(thrown(() => parseClosures("46000")).argument).toBe("closures");
  });
});
