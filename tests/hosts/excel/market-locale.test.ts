/**
 * The Excel host's number separators (cultureInfo, ExcelApi 1.11) and remembered market inputs
 * (document settings), over the recording fake of the Excel object model.
 */
import { describe, expect, it } from "vitest";
import { excelSeparators } from "../../../src/hosts/excel/culture";
import { excelHost } from "../../../src/hosts/excel/host";
import { MARKET_KEY } from "../../../src/workbook/market-memory";
import { FakeExcel } from "../../support/excel-fake";

describe("the separators Excel uses", () => {
  it("are the system culture's, read in one sync", async () => {
    const fake = new FakeExcel({ culture: { decimal: ",", group: "." } });
    expect(await excelSeparators(fake.ports, "en-US")).toEqual({ decimal: ",", group: "." });
    expect(fake.syncs).toBe(1);
    expect(await excelHost(fake.ports).numberFormat()).toEqual({ decimal: ",", group: "." });
  });

  it("are Excel's own when the trader turned off the system separators", async () => {
    const fake = new FakeExcel({
      culture: { decimal: ",", group: "." },
      excelSeparators: { decimal: ".", group: "\u2019" },
    });
    expect(await excelSeparators(fake.ports)).toEqual({ decimal: ".", group: "\u2019" });
  });

  it("fall back to the browser locale's below ExcelApi 1.11, without touching the API", async () => {
    const fake = new FakeExcel({ excelApi: "1.10", culture: { decimal: ",", group: "." } });
    expect(await excelSeparators(fake.ports, "fr-FR")).toEqual({ decimal: ",", group: "\u202f" });
    expect(fake.syncs).toBe(0);
    expect(fake.proxyCalls).toBe(0);
  });

  it("fall back to the browser locale's when Excel fails to answer", async () => {
    const fake = new FakeExcel({ culture: { decimal: ",", group: "." } });
    const failing = {
      ...fake.ports,
      run: () => Promise.reject(new Error("GeneralException")),
    };
    expect(await excelSeparators(failing, "de-CH")).toMatchObject({ decimal: "." });
  });

  it("are refused by the fake below ExcelApi 1.11, as real Excel would", async () => {
    const fake = new FakeExcel({ excelApi: "1.10" });
    await expect(
      fake.run(async (context) => context.application.cultureInfo.numberFormat)
    ).rejects.toThrow("Application.cultureInfo needs ExcelApi 1.11");
  });
});

describe("the market inputs in the workbook", () => {
  it("are saved in the document settings with the workbook, and read back", async () => {
    const fake = new FakeExcel();
    const host = excelHost(fake.ports);
    expect(await host.market.load()).toEqual({ market: {}, problems: [] });
    await host.market.save({ spot: 6100.5, vix: 18.5, held: 2 });
    // saveAsync ran: the settings travel with the file once the trader saves it.
    expect(fake.savedSettings[MARKET_KEY]).toEqual({ spot: 6100.5, vix: 18.5, held: 2 });
    expect(await excelHost(fake.ports).market.load()).toEqual({
      market: { spot: 6100.5, vix: 18.5, held: 2 },
      problems: [],
    });
    // Writing no cell: the book and the sheets are untouched.
    expect(fake.writes).toEqual([]);
  });

  it("report a failed save as the settings store does", async () => {
    const fake = new FakeExcel();
    const ports = fake.ports;
    const failing = {
      ...ports,
      settings: {
        ...ports.settings,
        saveAsync: (callback?: (r: { status: unknown; error?: { message: string } }) => void) =>
          callback?.({ status: "failed", error: { message: "read-only file" } }),
      },
    };
    await expect(excelHost(failing).market.save({ spot: 6000 })).rejects.toThrow(
      "the workbook did not save the settings: read-only file"
    );
  });
});
