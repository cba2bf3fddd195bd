/**
 * The formula bar's choices for `type` and `output` (custom enums, built from the TypeScript enums
 * tagged @customenum in src/functions/functions.ts): functions.json carries them, BS, BSM and
 * BLACK76 refer to them, they offer exactly what the adapters accept, and the built functions still take
 * any text Excel passes ("c", "P", "CALL", "Delta").
 */
import { describe, expect, it } from "vitest";
import { loadBundle, readMetadata, DIST } from "./bundle";
import fs from "node:fs";
import path from "node:path";

interface EnumMetadata {
  id: string;
  type: string;
  values: { name: string; stringValue?: string; tooltip: string }[];
}

const json = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
  enums?: EnumMetadata[];
};
const enums = new Map((json.enums ?? []).map((e) => [e.id, e]));

function enumOf(functionId: string, parameter: string): string[] {
  const fn = readMetadata().find((f) => f.id === functionId);
  const param = fn?.parameters.find((p) => p.name === parameter) as
    { customEnumId?: string } | undefined;
  expect(param?.customEnumId, `${functionId}(${parameter})`).toBeDefined();
  const found = enums.get(param!.customEnumId!);
  expect(found, param!.customEnumId).toBeDefined();
  expect(found!.type).toBe("string");
  for (const value of found!.values) expect(value.tooltip, value.name).not.toBe("");
  return found!.values.map((v) => v.stringValue ?? "");
}

describe("custom enums in functions.json", () => {
  it("offers call and put for the option type of BS, its alias BSM and BLACK76", () => {
    expect(enumOf("BSPRICE", "type")).toEqual(["call", "put"]);
    expect(enumOf("BSM", "type")).toEqual(["call", "put"]);
    expect(enumOf("BLACK76", "type")).toEqual(["call", "put"]);
  });

  it("offers each figure the function can return as output", () => {
    expect(enumOf("BSPRICE", "output")).toEqual([
      "price",
      "delta",
      "gamma",
      "vega",
      "theta",
      "rho",
    ]);
    expect(enumOf("BSM", "output")).toEqual(enumOf("BSPRICE", "output"));
    expect(enumOf("BLACK76", "output")).toEqual(["price", "delta", "gamma", "vega", "theta"]);
  });

  it("declares every enum a parameter refers to", () => {
    const referenced = readMetadata().flatMap((f) =>
      f.parameters.map((p) => (p as { customEnumId?: string }).customEnumId).filter(Boolean)
    );
    for (const id of referenced) expect(enums.has(id!), id).toBe(true);
  });
});

describe("the built functions still read any text for enum arguments", () => {
  const { registered } = loadBundle();
  const bs = registered.get("BSPRICE")!;
  const black76 = registered.get("BLACK76")!;

  it.each([
    ["call", "c", "C", "CALL", " Call "],
    ["put", "p", "P", "PUT", "Put"],
  ])("reads %s typed as %s, %s, %s or %s", (canonical, ...typed) => {
    const expected = bs(canonical, 5700, 5650, 30, 0.16, 0.04, 0, "price");
    for (const text of typed) {
      expect(bs(text, 5700, 5650, 30, 0.16, 0.04, 0, "price")).toBe(expected);
      expect(black76(text, 18, 20, 30, 0.9, 0.04, "price")).toBe(
        black76(canonical, 18, 20, 30, 0.9, 0.04, "price")
      );
    }
  });

  it("reads output in any case", () => {
    expect(bs("c", 5700, 5650, 30, 0.16, 0.04, 0, "Delta")).toBe(
      bs("call", 5700, 5650, 30, 0.16, 0.04, 0, "delta")
    );
    expect(black76("p", 18, 20, 30, 0.9, 0, "VEGA")).toBe(
      black76("put", 18, 20, 30, 0.9, 0, "vega")
    );
  });
});
