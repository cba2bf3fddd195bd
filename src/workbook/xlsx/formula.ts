/**
 * Functions added to Excel in 2010 or later. In the file format (not in the formula bar or in
 * Office.js) they are stored as `_xlfn.NAME(`; without the prefix Excel shows #NAME? until the
 * cell is edited, and LibreOffice does not recognise them at all. Dynamic-array functions are
 * absent on purpose: the plan never uses them (LibreOffice 7.4 lacks them).
 */
const FUTURE_FUNCTIONS = new Set([
  "ACOT",
  "ACOTH",
  "AGGREGATE",
  "ARABIC",
  "BASE",
  "BETA.DIST",
  "BETA.INV",
  "BINOM.DIST",
  "BINOM.DIST.RANGE",
  "BINOM.INV",
  "BITAND",
  "BITLSHIFT",
  "BITOR",
  "BITRSHIFT",
  "BITXOR",
  "CEILING.MATH",
  "CEILING.PRECISE",
  "CHISQ.DIST",
  "CHISQ.DIST.RT",
  "CHISQ.INV",
  "CHISQ.INV.RT",
  "CHISQ.TEST",
  "COMBINA",
  "CONCAT",
  "CONFIDENCE.NORM",
  "CONFIDENCE.T",
  "COT",
  "COTH",
  "COVARIANCE.P",
  "COVARIANCE.S",
  "CSC",
  "CSCH",
  "DAYS",
  "DECIMAL",
  "ERF.PRECISE",
  "ERFC.PRECISE",
  "EXPON.DIST",
  "F.DIST",
  "F.DIST.RT",
  "F.INV",
  "F.INV.RT",
  "F.TEST",
  "FLOOR.MATH",
  "FLOOR.PRECISE",
  "FORECAST.LINEAR",
  "FORMULATEXT",
  "GAMMA",
  "GAMMA.DIST",
  "GAMMA.INV",
  "GAMMALN.PRECISE",
  "GAUSS",
  "HYPGEOM.DIST",
  "IFNA",
  "IFS",
  "ISFORMULA",
  "ISOWEEKNUM",
  "LOGNORM.DIST",
  "LOGNORM.INV",
  "MAXIFS",
  "MINIFS",
  "MODE.MULT",
  "MODE.SNGL",
  "NEGBINOM.DIST",
  "NETWORKDAYS.INTL",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "NUMBERVALUE",
  "PDURATION",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "PERCENTRANK.EXC",
  "PERCENTRANK.INC",
  "PERMUTATIONA",
  "PHI",
  "POISSON.DIST",
  "QUARTILE.EXC",
  "QUARTILE.INC",
  "RANK.AVG",
  "RANK.EQ",
  "RRI",
  "SEC",
  "SECH",
  "SHEET",
  "SHEETS",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "T.DIST",
  "T.DIST.2T",
  "T.DIST.RT",
  "T.INV",
  "T.INV.2T",
  "T.TEST",
  "TEXTJOIN",
  "UNICHAR",
  "UNICODE",
  "VAR.P",
  "VAR.S",
  "WEIBULL.DIST",
  "WORKDAY.INTL",
  "XOR",
]);

/** A function name right before "(" that is not the tail of a longer name or a prefixed one. */
const CALL = /(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)(?=\()/g;

/**
 * The en-US formula of the plan ("=FLOOR.MATH(A1)") as the .xlsx file stores it
 * ("_xlfn.FLOOR.MATH(A1)"): no leading "=", future functions prefixed. String literals are left
 * alone, so a label such as "FLOOR.MATH(" inside quotes is not rewritten.
 */
export function fileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(CALL, (match, before: string, name: string) =>
            FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `${before}_xlfn.${name}` : match
          )
    )
    .join("");
}
