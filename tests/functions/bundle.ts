import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

export const DIST = path.resolve(__dirname, "../../dist");

/** Stand-in for Excel's CustomFunctions.Error, so a test can tell a cell error from a JS crash. */
export class StubCellError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export type CellFunction = (...args: unknown[]) => unknown;

export interface LoadedBundle {
  registered: Map<string, CellFunction>;
  duplicates: string[];
}

/**
 * Runs dist/functions.js the way Excel's custom-functions runtime sees it: a bare global scope with
 * no DOM, no Office, only the CustomFunctions namespace (or not even that, like the standalone page).
 */
export function loadBundle(
  options: { withRuntime: boolean } = { withRuntime: true }
): LoadedBundle {
  const registered = new Map<string, CellFunction>();
  const duplicates: string[] = [];
  const CustomFunctions = {
    associate(id: string, fn: CellFunction) {
      if (registered.has(id)) duplicates.push(id);
      registered.set(id, fn);
    },
    Error: StubCellError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
  };
  const file = path.join(DIST, "functions.js");
  const context = vm.createContext(options.withRuntime ? { CustomFunctions } : {});
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  return { registered, duplicates };
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  options?: Record<string, unknown>;
  result: { type?: string; dimensionality?: string };
  parameters: {
    name: string;
    description?: string;
    type?: string;
    dimensionality?: string;
    optional?: boolean;
  }[];
}

export function readMetadata(): FunctionMetadata[] {
  const json = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  return json.functions;
}

/**
 * The registered functions by id, for callers that index them by name (bench/engine.ts):
 * `loadFunctionsBundle().BSPRICE("call", 42, 40, 182.5, 0.2, 0.1, null, null)`. Results are a number
 * or a number[][] depending on the id (see SPEC §4), hence the loose result type.
 *
 * Unlike loadBundle, this runs the bundle in this realm, as Excel's runtime does: every call into
 * a separate vm context crosses realms and runs about ten times slower, which a benchmark would
 * then measure instead of the code.
 */
export type FunctionsById = Record<string, (...args: unknown[]) => any>;

export function loadFunctionsBundle(): FunctionsById {
  const registered: FunctionsById = {};
  // The stub stays installed, as office.js's runtime does: errors are read from it at call time.
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    associate: (id: string, fn: CellFunction) => (registered[id] = fn),
    Error: StubCellError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
  };
  const file = path.join(DIST, "functions.js");
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  return registered;
}
