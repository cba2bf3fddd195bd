import { DEFAULTS } from "../defaults";
import { ceilOnDecimals, cleanDecimal, floorOnDecimals } from "../decimal";
import { AlvhError } from "../errors";
import { hedgeContracts } from "../hedge";
import { activeLayers, layerGrid, layersAbove } from "../layers";
import type { ReplayPlan } from "./cycles";
import type { ReplayParams } from "./params";

/** SPEC §6's three programs: no hedge, the cap held throughout, and ALVH's layers. */
export type ReplayVariant = "unhedged" | "static" | "alvh";

export const REPLAY_VARIANTS: readonly ReplayVariant[] = ["unhedged", "static", "alvh"];

/**
 * The optional layer gate (for signals such as MACD): one boolean per history row. On a row whose
 * gate is false ALVH adds no layer, holding the layers it had; layers still fall freely whenever
 * the EDR falls. Without a gate every row allows. The gate persists across cycles (it follows the
 * EDR, not the condor), and it changes only ALVH: the static hedge holds the cap regardless.
 */
export type LayerGate = readonly boolean[];

/** One variant replayed: its P&L and contracts per row, and its P&L per planned cycle. */
export interface VariantRun {
  variant: ReplayVariant;
  /** $ of each row: condor + hedge − fees (0 outside every cycle). */
  dailyPnl: Float64Array;
  /** Hedge contracts held at each row's close (after that row's trades). */
  contracts: Int32Array;
  /** Layers ALVH holds at each row's close (for the other variants, the EDR's active layers). */
  layers: Int32Array;
  cyclePnl: Float64Array;
  /** $: hedge P&L less fees, over the whole replay. */
  hedgePnl: number;
  /** Σ|ΔN|, openings and closings included. */
  contractsTraded: number;
}

/**
 * What a hedge needs on each row that does not depend on the threshold, the step or the variant:
 * the whole contracts the cap allows there (§3.5, rounded down), found on a row's first use. One
 * serves the three variants of a replay and the 81 cells of a sweep.
 */
export interface HedgeSizing {
  readonly cap: number;
  /** Per history row; −1 until a variant first hedges on that row. */
  readonly capContracts: Int32Array;
}

export function hedgeSizing(plan: ReplayPlan, params: ReplayParams): HedgeSizing {
  return { cap: params.cap, capContracts: new Int32Array(plan.edr.length).fill(-1) };
}

/** ALVH's layers at each close: the EDR's active layers, a rise held back where the gate says no. */
export function heldLayers(edr: Float64Array, params: ReplayParams, gate?: LayerGate): Int32Array {
  const grid = layerGrid(params);
  const { threshold, step } = grid;
  const layers = new Int32Array(edr.length);
  let held = 0;
  for (let i = 0; i < edr.length; i++) {
    const steps = (edr[i] - threshold) / step;
    // activeLayers itself only where it would refuse the row (a step too small for doubles).
    const active = Number.isFinite(steps) ? layersAbove(steps) : activeLayers(edr[i], grid);
    held = active <= held || gate === undefined || gate[i] ? active : held;
    layers[i] = held;
  }
  return layers;
}

/**
 * One variant over the planned cycles, given its layers per row (heldLayers; unused unhedged and
 * static) and the shared sizing.
 */
export function runVariant(
  plan: ReplayPlan,
  params: ReplayParams,
  variant: ReplayVariant,
  layers: Int32Array,
  sizing: HedgeSizing = hedgeSizing(plan, params)
): VariantRun {
  const n = plan.edr.length;
  const covered = coverageByLayers(params, variant);
  const dailyPnl = new Float64Array(n);
  const contracts = new Int32Array(n);
  const cyclePnl = new Float64Array(plan.cycles.length);
  const fee = params.feePerContract;
  let hedgePnl = 0;
  let contractsTraded = 0;
  for (let c = 0; c < plan.cycles.length; c++) {
    const cycle = plan.cycles[c];
    const { entry, settle, condorPnl, future, beta, exposure } = cycle;
    let held = 0;
    let pnl = 0;
    for (let i = entry; i <= settle; i++) {
      const k = i - entry;
      const next =
        i === settle ? 0 : contractsFor(sizing, i, covered(layers[i]), exposure, beta[k]);
      let row = 0;
      if (k > 0) {
        const hedge = held * DEFAULTS.vixFuturesMultiplier * (future[k] - future[k - 1]);
        row = condorPnl[k] + hedge;
        hedgePnl += hedge;
      }
      const traded = Math.abs(next - held);
      row -= fee * traded;
      hedgePnl -= fee * traded;
      contractsTraded += traded;
      dailyPnl[i] += row;
      pnl += row;
      if (i < settle) contracts[i] = next;
      held = next;
    }
    cyclePnl[c] = pnl;
  }
  return { variant, dailyPnl, contracts, layers, cyclePnl, hedgePnl, contractsTraded };
}

/** The gate checked against the history: one value per row. */
export function requireLayerGate(plan: ReplayPlan, gate: LayerGate | undefined): void {
  const n = plan.edr.length;
  if (gate !== undefined && gate.length !== n) {
    throw new AlvhError(
      "layerGate",
      `the layer gate must have one value per history row (got ${gate.length} for ${n} rows)`
    );
  }
}

/**
 * The coverage a variant holds with a number of layers: 0 unhedged, the cap static, and §3.4's
 * min(L·c, cap) for ALVH, kept per layer count (the decimal rounding is the replay's hot spot).
 */
function coverageByLayers(
  params: ReplayParams,
  variant: ReplayVariant
): (layers: number) => number {
  if (variant !== "alvh") {
    const fixed = variant === "static" ? params.cap : 0;
    return () => fixed;
  }
  const known: number[] = [];
  return (layers) =>
    (known[layers] ??= Math.min(cleanDecimal(layers * params.perLayer), params.cap));
}

/**
 * §3.5 whole contracts within the cap (rounded up, hedge delta 1, futures multiplier) on row i.
 * The row's cap is checked and rounded once through hedgeContracts; the coverage, at most the
 * cap, then gives a contract count as finite as the cap's.
 */
function contractsFor(
  sizing: HedgeSizing,
  i: number,
  covered: number,
  exposure: number,
  beta: number
): number {
  if (covered === 0) return 0;
  let cap = sizing.capContracts[i];
  if (cap < 0) {
    const instrument = { beta, hedgeDelta: 1, multiplier: DEFAULTS.vixFuturesMultiplier };
    cap = floorOnDecimals(hedgeContracts(exposure, sizing.cap, instrument));
    sizing.capContracts[i] = cap;
  }
  if (cap === 0) return 0;
  const exact = (covered * Math.abs(exposure)) / (beta * DEFAULTS.vixFuturesMultiplier);
  return Math.min(ceilOnDecimals(exact), cap);
}
