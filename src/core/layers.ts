import { cleanDecimal, ceilOnDecimals, snapToWhole } from "./decimal";
import { DEFAULTS } from "./defaults";
import { AlvhError } from "./errors";
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from "./validate";

/** SPEC §3.4: active layers, coverage and layer depth over the EDR grid θ + k·s. */

export interface LayerGrid {
  threshold: number;
  step: number;
}

export interface CoverageParams extends LayerGrid {
  perLayer: number;
  cap: number;
}

export type DepthMode = "linear" | "stepped";

export interface LayerOptions extends Partial<LayerGrid> {
  maxLayers?: number;
}

export interface DepthOptions extends Partial<LayerGrid> {
  mode?: DepthMode;
  maxDepth?: number;
}

/** L(e) = 0 below θ, else ⌊(e − θ)/s⌋ + 1, with the boundary decided on decimals. */
export function activeLayers(edrLevel: number, options: LayerOptions = {}): number {
  const layers = layersAbove(stepsAbove(edrLevel, options));
  if (options.maxLayers === undefined) return layers;
  return Math.min(layers, requireWhole("maxLayers", options.maxLayers));
}

/**
 * L of a finite (e − θ)/s already computed from validated inputs: the replay's loop over every
 * history row, which validates the grid once.
 */
export function layersAbove(stepsAboveThreshold: number): number {
  const steps = snapToWhole(stepsAboveThreshold);
  return steps < 0 ? 0 : Math.floor(steps) + 1;
}

/** Fraction of max loss hedged: min(L(e) · c, cap). */
export function coverage(edrLevel: number, params: Partial<CoverageParams> = {}): number {
  const { perLayer, cap } = coverageParams(params);
  return Math.min(cleanDecimal(activeLayers(edrLevel, params) * perLayer), cap);
}

/** The methodology's depth: base · (e − θ)/s, never below 0 ("linear"), or base · L(e) ("stepped"). */
export function layerDepth(
  edrLevel: number,
  baseHedge: number,
  options: DepthOptions = {}
): number {
  requireNonNegative("baseHedge", baseHedge);
  const mode = options.mode ?? "linear";
  if (mode !== "linear" && mode !== "stepped") {
    throw new AlvhError("mode", `mode must be "linear" or "stepped" (got ${JSON.stringify(mode)})`);
  }
  const factor =
    mode === "stepped"
      ? activeLayers(edrLevel, options)
      : Math.max(0, snapToWhole(stepsAbove(edrLevel, options)));
  const depth = requireFiniteResult(
    baseHedge * factor,
    "the depth",
    "baseHedge",
    "edr, baseHedge and step"
  );
  if (options.maxDepth === undefined) return depth;
  return Math.min(depth, requireNonNegative("maxDepth", options.maxDepth));
}

/** Layers in a full schedule: ⌈cap / c⌉, decided on decimals (0.6/0.25 → 3, 0.5/0.25 → 2). */
export function layerCount(
  perLayer: number = DEFAULTS.perLayer,
  cap: number = DEFAULTS.cap
): number {
  const params = coverageParams({ perLayer, cap });
  return ceilOnDecimals(params.cap / params.perLayer);
}

// A schedule is read by a person; beyond this many rows the inputs are a typing error.
const MAX_LAYERS = 200;

/** Rows of a full schedule, ⌈cap / c⌉, refused beyond MAX_LAYERS. */
export function scheduleLayerCount(perLayer: number, cap: number): number {
  const layers = layerCount(perLayer, cap);
  if (layers > MAX_LAYERS) {
    throw new AlvhError(
      "perLayer",
      `perLayer ${perLayer} with cap ${cap} gives ${layers} layers: at most ${MAX_LAYERS}, raise perLayer`,
      "num"
    );
  }
  return layers;
}

/** The EDR at which 1-based layer k activates: θ + (k − 1)·s, as the decimal the trader means. */
export function layerTrigger(layer: number, grid: Partial<LayerGrid> = {}): number {
  const k = requireWhole("layer", layer);
  if (k < 1) throw new AlvhError("layer", `layer must be 1 or more (got ${layer})`, "num");
  const { threshold, step } = layerGrid(grid);
  return cleanDecimal(threshold + (k - 1) * step);
}

export function layerGrid(grid: Partial<LayerGrid>): LayerGrid {
  const threshold = requireNonNegative("threshold", grid.threshold ?? DEFAULTS.threshold);
  const step = requirePositive("step", grid.step ?? DEFAULTS.step);
  return { threshold, step };
}

export function coverageParams(params: Partial<CoverageParams>): CoverageParams {
  return {
    ...layerGrid(params),
    perLayer: requireFraction("perLayer", params.perLayer ?? DEFAULTS.perLayer),
    cap: requireFraction("cap", params.cap ?? DEFAULTS.cap),
  };
}

function stepsAbove(edrLevel: number, grid: Partial<LayerGrid>): number {
  requireNonNegative("edr", edrLevel);
  const { threshold, step } = layerGrid(grid);
  return requireFiniteResult(
    (edrLevel - threshold) / step,
    "the layer count",
    "step",
    "edr and step"
  );
}

/**
 * A coverage fraction in (0, 1]. Above 1 it is either a percentage (25 for 25 %: the fix is
 * 0.25) or, below 2, a fraction of more than the whole exposure (cap 1.5): then "enter 0.015 for
 * 1.5 %" would be the wrong fix, so the message names the field's own kind of entry.
 */
function requireFraction(name: string, value: number): number {
  requirePositive(name, value);
  if (value > 1) {
    const example = name === "cap" ? "0.6 for 60 %" : "0.25 for 25 %";
    if (value < 2) {
      const percent = Number((value * 100).toPrecision(12));
      throw new AlvhError(
        name,
        `${name} ${value} is ${percent} % of the exposure, more than all of it: enter a fraction of at most 1, ${example}`
      );
    }
    const decimal = Number((value / 100).toPrecision(12));
    throw new AlvhError(
      name,
      `${name} ${value} looks like a percentage: enter ${decimal} for ${value} % (at most 1)`
    );
  }
  return value;
}

function requireWhole(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0 || !Number.isInteger(value)) {
    throw new AlvhError(name, `${name} must be a whole number, 0 or more (got ${value})`, "num");
  }
  return value;
}

/**
 * SPEC §3.5 display: active layers reported against the schedule. Beyond the schedule's last
 * layer the cap holds coverage where it is, so the count says where the cap was reached:
 * "5 (cap reached at 3)"; within the schedule it is the count alone ("2").
 */
export function activeLayersText(active: number, scheduleLayers: number): string {
  const layers = requireWhole("active", active);
  const rows = requireWhole("scheduleLayers", scheduleLayers);
  return layers > rows ? `${layers} (cap reached at ${rows})` : String(layers);
}
