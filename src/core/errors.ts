/**
 * The one error the engine raises. It names the argument, the value that was given and the fix,
 * so every edge (a cell, a form field) can show it to the trader unchanged.
 *
 * `kind` says how Excel should present it: "value" for input that is wrong in itself (#VALUE!),
 * "num" for a number outside the domain of the formula (#NUM!), "na" for a value that does not
 * exist for valid input (#N/A: a broken-wing side has no break-even).
 */
export type AlvhErrorKind = "value" | "num" | "na";

export class AlvhError extends Error {
  readonly argument: string;
  readonly kind: AlvhErrorKind;

  constructor(argument: string, message: string, kind: AlvhErrorKind = "value") {
    super(message);
    this.name = "AlvhError";
    this.argument = argument;
    this.kind = kind;
  }
}

export function isAlvhError(error: unknown): error is AlvhError {
  return error instanceof AlvhError;
}
