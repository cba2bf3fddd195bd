import { AlvhError } from "../../src/core";
import { StubCellError } from "../functions/bundle";

/** The error of class `type` that `fn` raises; any other outcome fails the test that asked. */
export function thrownAs<E>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}

/** The AlvhError `fn` raises; any other outcome fails the test that asked. */
export function thrown(fn: () => unknown): AlvhError {
  return thrownAs(AlvhError, fn);
}

/** The cell error (Excel's CustomFunctions.Error, stubbed) a custom function raises. */
export function cellError(fn: () => unknown): StubCellError {
  return thrownAs(StubCellError, fn);
}
