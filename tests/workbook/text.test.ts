/**
 * Text written to a workbook (issue 12, observation 7), in both renderers: a label holding U+FFFF,
 * U+FFFE or a control character must not make the .xlsx ill-formed or vanish silently; it is
 * replaced visibly and the trader is told. A cell longer than Excel's 32,767 characters is cut,
 * with a message.
 */
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { writeSchedule } from "../../src/hosts/excel/write";
import { POSITIONS_TABLE } from "../../src/workbook/plan";
import { buildSchedulePlan } from "../../src/workbook/schedule";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";
import { MAX_CELL_CHARS, safePlanText } from "../../src/workbook/text";
import { renderXlsx } from "../../src/workbook/xlsx";
import { FakeExcel } from "../support/excel-fake";
import { makePosition } from "./helpers";

const LABELS = ["A\uFFFF", "B\uFFFE", "C\u0001D", "E\uD800"];
const LONG_NOTE = "n".repeat(40_000);

const plan = () =>
  buildSchedulePlan({
    positions: LABELS.map((label, i) => makePosition(label, { notes: i === 0 ? LONG_NOTE : "" })),
    scope: { kind: "book" },
    settings: DEFAULT_SETTINGS,
    market: { spot: 5712.5, vix: 19.5 },
    computedAt: 45707.4375,
  });

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe("text a workbook cannot hold", () => {
  it("writes a well-formed .xlsx with the characters replaced visibly", async () => {
    const zip = await JSZip.loadAsync(await renderXlsx(plan()));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
      const xml = await zip.file(name)!.async("string");
      expect(XMLValidator.validate(xml), name).toBe(true);
      expect(FORBIDDEN.test(xml), name).toBe(false);
    }
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    for (const shown of ["A\uFFFD", "B\uFFFD", "C\uFFFDD", "E\uFFFD"]) {
      expect(strings, shown).toContain(shown);
    }
    expect(strings).not.toContain("n".repeat(MAX_CELL_CHARS + 1));
    const { notes } = safePlanText(plan());
    expect(notes).toEqual([
      expect.stringMatching(/^Characters a workbook cannot hold .* replaced by "\uFFFD" in /),
      expect.stringMatching(/^Text longer than Excel's 32,767 characters a cell was cut in /),
    ]);
  });

  it("writes the same replacements through Office.js and says so", async () => {
    const fake = new FakeExcel();
    const report = await writeSchedule(plan(), fake.ports);
    const labels = fake.tableValues(POSITIONS_TABLE).map((row) => row[0]);
    expect(labels).toEqual(["A\uFFFD", "B\uFFFD", "C\uFFFDD", "E\uFFFD"]);
    expect(String(fake.tableValues(POSITIONS_TABLE)[0][10])).toHaveLength(MAX_CELL_CHARS);
    expect(report.message).toMatch(/replaced by "\uFFFD"/);
    expect(report.message).toMatch(/32,767 characters a cell was cut/);
  });
});
