/**
 * The separators Excel types and shows numbers with (ExcelApi 1.11): the system culture's
 * (`application.cultureInfo.numberFormat`), or Excel's own when the trader turned off "Use system
 * separators" in Excel's options. An Excel below 1.11, or one that fails to answer, gets the
 * browser locale's.
 */
import type { NumberSeparators } from "../host";
import { browserLanguage, separatorsOfLocale } from "../locale";
import type { OfficeApi } from "./office";

export const CULTURE_EXCEL_API = "1.11";

export async function excelSeparators(
  office: Pick<OfficeApi, "run" | "requirements">,
  language: string | undefined = browserLanguage()
): Promise<NumberSeparators> {
  if (!office.requirements.isSetSupported("ExcelApi", CULTURE_EXCEL_API)) {
    return separatorsOfLocale(language);
  }
  try {
    return await office.run(async (context) => {
      const application = context.application;
      const culture = application.cultureInfo.numberFormat;
      application.load("useSystemSeparators,decimalSeparator,thousandsSeparator");
      culture.load("numberDecimalSeparator,numberGroupSeparator");
      await context.sync();
      return application.useSystemSeparators
        ? { decimal: culture.numberDecimalSeparator, group: culture.numberGroupSeparator }
        : { decimal: application.decimalSeparator, group: application.thousandsSeparator };
    });
  } catch {
    // Separators only shape how numbers are typed: an Excel that cannot tell them (a busy or
    // broken connection) must not stop the pane, and the browser's locale is the nearest guess.
    return separatorsOfLocale(language);
  }
}
