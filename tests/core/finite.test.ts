import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as core from "../../src/core";

/**
 * The engine's promise (issue 3): no public function returns NaN or ±Infinity. Doubles from the
 * whole range, 1e-300 to 1e308 included, give a finite number or an AlvhError naming an argument.
 */
const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e-300, 5e-324, 1e308, 1.7e308, -1e308, 0.5, 1, 100)
);

function finiteOrNamed(run: () => unknown): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    expect(core.isAlvhError(error), String(error)).toBe(true);
    expect((error as core.AlvhError).argument).not.toBe("");
    return;
  }
  const numbers = JSON.stringify(result, (_, v) =>
    typeof v === "number" && !Number.isFinite(v) ? "NON-FINITE" : v
  );
  expect(numbers).not.toContain("NON-FINITE");
}

const cases: [string, number, (a: number[]) => unknown][] = [
  ["edr", 3, ([v, d, b]) => core.edr(v, d, b)],
  ["vixForEdr", 3, ([e, d, b]) => core.vixForEdr(e, d, b)],
  ["expectedMove", 4, ([s, v, d, a]) => core.expectedMove(s, v, d, a)],
  ["activeLayers", 3, ([e, t, s]) => core.activeLayers(e, { threshold: t, step: s })],
  [
    "coverage",
    5,
    ([e, c, cap, t, s]) => core.coverage(e, { perLayer: c, cap, threshold: t, step: s }),
  ],
  ["layerDepth", 4, ([e, b, t, s]) => core.layerDepth(e, b, { threshold: t, step: s })],
  [
    "hedgeContracts",
    5,
    ([x, c, b, d, m]) => core.hedgeContracts(x, c, { beta: b, hedgeDelta: d, multiplier: m }),
  ],
  ["exposureFromMaxLoss", 2, ([l, r]) => core.exposureFromMaxLoss(l, r)],
  ["schedule", 4, ([x, c, cap, b]) => core.schedule(x, { perLayer: c, cap, beta: b })],
  ["breakEvensOf", 3, ([p, c, k]) => core.breakEvensOf(p, c, k)],
  [
    "maxLoss, maxProfit, payoffAtExpiry",
    7,
    ([a, b, c, d, k, n, s]) => {
      const ic = {
        longPut: a,
        shortPut: b,
        shortCall: c,
        longCall: d,
        credit: k,
        contracts: n,
        multiplier: 100,
      };
      return [core.maxLoss(ic), core.maxProfit(ic), core.payoffAtExpiry(ic, s)];
    },
  ],
  [
    "icGreeks",
    7,
    ([a, b, c, d, n, s, v]) =>
      core.icGreeks(
        { longPut: a, shortPut: b, shortCall: c, longCall: d, contracts: n },
        { spot: s, dte: 30, vol: v }
      ),
  ],
  [
    "bsm",
    5,
    ([s, k, d, v, r]) => core.bsm({ type: "call", spot: s, strike: k, dte: d, vol: v, rate: r }),
  ],
  [
    "black76",
    5,
    ([f, k, d, v, r]) =>
      core.black76({ type: "put", future: f, strike: k, dte: d, vol: v, rate: r }),
  ],
  [
    "probabilityOfProfit",
    5,
    ([s, l, u, d, v]) => core.probabilityOfProfit({ spot: s, lower: l, upper: u, dte: d, vol: v }),
  ],
  ["nextVixExpiry", 2, ([d, n]) => core.nextVixExpiry(d, n)],
];

describe("every engine function is finite or names an argument", () => {
  it.each(cases)("%s", (_, arity, run) => {
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: arity, maxLength: arity }), (args) =>
        finiteOrNamed(() => run(args))
      ),
      { numRuns: 1000 }
    );
  });
});
