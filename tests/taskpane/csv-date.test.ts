import { describe, expect, it } from "vitest";
import { bookFromCsv } from "../../src/taskpane/standalone/csv";

const HEADER =
  "Label,Expiry,Long put,Short put,Short call,Long call,Credit,Contracts,Entry date,Implied vol,Notes";

describe("CSV dates in the locale's format (issue 18)", () => {
  it("reads 2/19/2027 as 19 February 2027 in en-US, not as 'Expiry must be a number'", () => {
    const { positions, problems } = bookFromCsv(
      `${HEADER}\nSPX Feb,2/19/2027,5800,5900,6100,6200,20,2,1/5/2027,0.16,\n`,
      "en-US"
    );
    expect(problems).toEqual([]);
    // 2027-02-19 is Excel serial 46437 (2025-01-01 = 45658, + 365 + 414 days).
    expect(positions[0].expiry).toBe(46437);
    expect(positions[0].entryDate).toBe(46392);
  });

  it("reads the day first where the locale does, and refuses a date that does not exist", () => {
    const de = bookFromCsv(
      `${HEADER.replace(/,/g, ";")}\nSPX Feb;19.02.2027;5800;5900;6100;6200;20;2;;0,16;\n`,
      "de-DE"
    );
    expect(de.problems).toEqual([]);
    expect(de.positions[0].expiry).toBe(46437);
    const bad = bookFromCsv(
      `${HEADER}\nSPX Feb,19/2/2027,5800,5900,6100,6200,20,2,,0.16,\n`,
      "en-US"
    );
    expect(bad.positions).toEqual([]);
    expect(bad.problems[0].message).toContain(
      'Expiry "19/2/2027" is not a date in this browser\'s order (month/day/year): write 2027-02-19'
    );
  });
});
