import { AlvhError } from "../errors";
import { requireValues, RunningSum } from "./series";

/**
 * The Advance-Decline line, SPEC §3.9: the running sum of (advances − declines), one value per
 * day from the first. Advances and declines are counts of issues, so they must be 0 or more and
 * pair up day by day.
 */
export function adLine(advances: ArrayLike<number>, declines: ArrayLike<number>): number[] {
  requireCounts("advances", advances);
  requireCounts("declines", declines);
  if (advances.length !== declines.length) {
    throw new AlvhError(
      "declines",
      `advances has ${advances.length} values and declines ${declines.length}: give one decline count per advance count`
    );
  }
  const out: number[] = new Array(advances.length);
  const total = new RunningSum();
  for (let i = 0; i < advances.length; i++) {
    total.add(advances[i] - declines[i]);
    out[i] = total.value;
  }
  return out;
}

function requireCounts(name: string, counts: ArrayLike<number>): void {
  requireValues(name, counts);
  if (counts.length === 0) throw new AlvhError(name, `${name} must hold at least one count`);
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] < 0) {
      throw new AlvhError(
        name,
        `${name} row ${i + 1} must be a count of issues, 0 or more (got ${counts[i]})`,
        "num"
      );
    }
  }
}
