/**
 * The training lab's state as a value: which data set (seed, imbalance), which
 * loss, and whether cross-entropy trains alongside. It lives in the URL so a
 * link reproduces a run; parsing never throws and never returns a value out of
 * range, whatever the query string holds.
 */
import { clampRatio, RATIO_LIMITS } from "../lab/synthetic-data";
import type { LossKind } from "../views/loss-budget";

export interface LabState {
  seed: number;
  /** negatives per positive, 10 to 1000 */
  ratio: number;
  /** the loss of the reader's model */
  loss: LossKind;
  gamma: number;
  alpha: number;
  /** start the bias at the prior π = 0.01 (RetinaNet) rather than at 0 */
  prior: boolean;
  /** train a cross-entropy model on the same data, side by side */
  compare: boolean;
}

export const DEFAULT_LAB_STATE: LabState = {
  seed: 1, ratio: 1000, loss: "focal", gamma: 2, alpha: 0.25, prior: true, compare: true,
};

export const LAB_LIMITS = {
  seed: { min: 0, max: 999_999 },
  ratio: RATIO_LIMITS,
  gamma: { min: 0, max: 5, step: 0.1 },
  alpha: { min: 0, max: 1, step: 0.05 },
} as const;

const LOSSES: readonly LossKind[] = ["focal", "balanced", "ce"];

function number(text: string | null, min: number, max: number, fallback: number): number {
  if (text === null || text.trim() === "") return fallback;
  const v = Number(text);
  if (!Number.isFinite(v) || v < min || v > max) return fallback;
  return v;
}

/** Round to a slider's step, so a URL cannot ask for γ = 1.23456789. */
function toStep(v: number, step: number): number {
  return Number((Math.round(v / step) * step).toFixed(4));
}

function flag(text: string | null, fallback: boolean): boolean {
  if (text === "1") return true;
  if (text === "0") return false;
  return fallback;
}

/** The state in a query string; anything invalid falls back to the default for that field alone. */
export function parseLabState(search: string | URLSearchParams): LabState {
  const q = typeof search === "string" ? new URLSearchParams(search) : search;
  const d = DEFAULT_LAB_STATE;
  const L = LAB_LIMITS;
  const loss = q.get("loss");
  const seed = number(q.get("seed"), L.seed.min, L.seed.max, d.seed);
  return {
    seed: Number.isInteger(seed) ? seed : d.seed,
    ratio: clampRatio(number(q.get("ratio"), L.ratio.min, L.ratio.max, d.ratio)),
    loss: LOSSES.includes(loss as LossKind) ? (loss as LossKind) : d.loss,
    gamma: toStep(number(q.get("gamma"), L.gamma.min, L.gamma.max, d.gamma), L.gamma.step),
    alpha: toStep(number(q.get("alpha"), L.alpha.min, L.alpha.max, d.alpha), L.alpha.step),
    prior: flag(q.get("prior"), d.prior),
    compare: flag(q.get("compare"), d.compare),
  };
}

/** The query string for a state: only the fields that differ from the default, so links stay short. */
export function serialiseLabState(state: LabState): string {
  const q = new URLSearchParams();
  const d = DEFAULT_LAB_STATE;
  if (state.seed !== d.seed) q.set("seed", String(state.seed));
  if (state.ratio !== d.ratio) q.set("ratio", String(state.ratio));
  if (state.loss !== d.loss) q.set("loss", state.loss);
  if (state.gamma !== d.gamma) q.set("gamma", String(state.gamma));
  if (state.alpha !== d.alpha) q.set("alpha", String(state.alpha));
  if (state.prior !== d.prior) q.set("prior", state.prior ? "1" : "0");
  if (state.compare !== d.compare) q.set("compare", state.compare ? "1" : "0");
  return q.toString();
}

/** Same data set and same starting point: the runs are comparable without a reset. */
export function sameData(a: LabState, b: LabState): boolean {
  return a.seed === b.seed && a.ratio === b.ratio && a.prior === b.prior && a.compare === b.compare;
}
