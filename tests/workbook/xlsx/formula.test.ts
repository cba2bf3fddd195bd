/**
 * The file form of formulas. Reference: ECMA-376 Part 1, §18.17 (formulas are stored without the
 * leading "="), and Microsoft's support note "Issue: An _xlfn. prefix is displayed in front of a
 * formula", which lists the functions introduced after Excel 2007 that files store as `_xlfn.NAME`.
 */
import { describe, expect, it } from "vitest";
import { fileFormula } from "../../../src/workbook/xlsx/formula";

describe("fileFormula", () => {
  it("drops the leading = and leaves Excel 2007 functions and defined names alone", () => {
    expect(fileFormula("=ALVH_Bias*ALVH_VIX/SQRT(ALVH_AnnualDays)")).toBe(
      "ALVH_Bias*ALVH_VIX/SQRT(ALVH_AnnualDays)"
    );
    expect(fileFormula("=IF(ABS(F5-ROUND(F5,0))<=1E-9,ROUND(F5,0),ROUNDUP(F5,0))")).toBe(
      "IF(ABS(F5-ROUND(F5,0))<=1E-9,ROUND(F5,0),ROUNDUP(F5,0))"
    );
  });

  it("prefixes the functions Excel added after 2007, wherever they are nested", () => {
    expect(fileFormula("=FLOOR.MATH(A1,0.05)")).toBe("_xlfn.FLOOR.MATH(A1,0.05)");
    expect(fileFormula("=MAX(CEILING.MATH(B2),floor.math(B3))+NORM.S.DIST(0,TRUE)")).toBe(
      "MAX(_xlfn.CEILING.MATH(B2),_xlfn.floor.math(B3))+_xlfn.NORM.S.DIST(0,TRUE)"
    );
    expect(fileFormula("=IFS(A1>1,STDEV.S(B1:B9),TRUE,0)")).toBe(
      "_xlfn.IFS(A1>1,_xlfn.STDEV.S(B1:B9),TRUE,0)"
    );
  });

  it("never prefixes twice, and leaves look-alike names and string literals alone", () => {
    expect(fileFormula("=_xlfn.FLOOR.MATH(A1)")).toBe("_xlfn.FLOOR.MATH(A1)");
    expect(fileFormula("=MY_FLOOR.MATH(A1)+XFLOOR.MATH(2)")).toBe(
      "MY_FLOOR.MATH(A1)+XFLOOR.MATH(2)"
    );
    expect(fileFormula('="FLOOR.MATH(" & "say ""IFS(""" & IFS(A1,1)')).toBe(
      '"FLOOR.MATH(" & "say ""IFS(""" & _xlfn.IFS(A1,1)'
    );
  });
});
