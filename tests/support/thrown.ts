import { AlvhError } from "../../src/core";

/** The AlvhError `fn` raises; any other outcome fails the test that asked. */
export function thrown(fn: () => unknown): AlvhError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AlvhError) return error;
    throw error;
  }
  throw new Error("expected an AlvhError");
}
