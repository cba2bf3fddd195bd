// webpack loader for the browser builds of exceljs and jszip, which carry three fallbacks that
// compile a string into code. None runs in a browser with globalThis, but the page's CSP forbids eval and the build
// output is checked for it (tests/taskpane/bundle.test.ts), so each becomes its plain equivalent:
// - lodash's and browserify's global lookup `Function("return this")()` → globalThis;
// - setImmediate's `new Function("" + callback)` for a string callback → a TypeError;
// - regenerator-runtime's `Function("r", "regeneratorRuntime = r")(runtime)`, reached only where
//   globalThis is missing → nothing.
const REPLACEMENTS = [
  [/Function\("return this"\)\(\)/g, "globalThis"],
  [
    /new Function\(\s*""\s*\+\s*\w+\s*\)/g,
    '(function(){throw new TypeError("setImmediate needs a function")})()',
  ],
  [/Function\("r","regeneratorRuntime = r"\)\(\w+\)/g, "void 0"],
];

module.exports = function noDynamicCode(source) {
  return REPLACEMENTS.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    source
  );
};
