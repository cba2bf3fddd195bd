import { cleanDecimal } from "../decimal";
import { AlvhError } from "../errors";
import { hedgeContracts, wholeContractsWithinCap } from "../hedge";
import { activeLayers } from "../layers";
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

const FUTURES_MULTIPLIER = 1000;
const SPX_MULTIPLIER = 100;

export function runVariant(
  plan: ReplayPlan,
  params: ReplayParams,
  variant: ReplayVariant,
  gate?: LayerGate
): VariantRun {
  const n = plan.edr.length;
  if (gate !== undefined && gate.length !== n) {
    throw new AlvhError(
      "layerGate",
      `the layer gate must have one value per history row (got ${gate.length} for ${n} rows)`
    );
  }
  const layers = heldLayers(plan.edr, params, variant === "alvh" ? gate : undefined);
  const covered = coverageByLayers(params, variant);
  const dailyPnl = new Float64Array(n);
  const contracts = new Int32Array(n);
  const cyclePnl = new Float64Array(plan.cycles.length);
  const fee = params.feePerContract;
  let hedgePnl = 0;
  let contractsTraded = 0;
  plan.cycles.forEach((cycle, c) => {
    const { entry, settle, marks, future, beta, exposure } = cycle;
    let held = 0;
    let pnl = 0;
    for (let i = entry; i <= settle; i++) {
      const k = i - entry;
      const next =
        i === settle ? 0 : contractsFor(params.cap, covered(layers[i]), exposure, beta[k]);
      let row = 0;
      if (k > 0) {
        const hedge = held * FUTURES_MULTIPLIER * (future[k] - future[k - 1]);
        row = -(marks[k] - marks[k - 1]) * SPX_MULTIPLIER + hedge;
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
  });
  return { variant, dailyPnl, contracts, layers, cyclePnl, hedgePnl, contractsTraded };
}

/** ALVH's layers at each close: the EDR's active layers, a rise held back where the gate says no. */
function heldLayers(edr: Float64Array, params: ReplayParams, gate?: LayerGate): Int32Array {
  const grid = { threshold: params.threshold, step: params.step };
  const layers = new Int32Array(edr.length);
  let held = 0;
  for (let i = 0; i < edr.length; i++) {
    const active = activeLayers(edr[i], grid);
    held = active <= held || gate === undefined || gate[i] ? active : held;
    layers[i] = held;
  }
  return layers;
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

/** §3.5 whole contracts within the cap (rounded up, hedge delta 1, futures multiplier). */
function contractsFor(cap: number, covered: number, exposure: number, beta: number): number {
  if (covered === 0) return 0;
  const instrument = { beta, hedgeDelta: 1, multiplier: FUTURES_MULTIPLIER };
  return wholeContractsWithinCap(
    hedgeContracts(exposure, covered, instrument),
    hedgeContracts(exposure, cap, instrument),
    "up"
  );
}
