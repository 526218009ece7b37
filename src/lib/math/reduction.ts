/**
 * Reducing per-element losses to the number a training step minimises, as the
 * libraries offer it: none, sum, mean, and the sum over the number of positive
 * (foreground) examples that RetinaNet uses (arXiv v2 §4: "normalized by the
 * number of anchors assigned to a ground-truth box"), floored at 1 as
 * Detectron2 and MMDetection do so an image without objects does not divide by 0.
 */

export type Reduction = "none" | "sum" | "mean" | "sum-over-positives";

export const REDUCTIONS: readonly Reduction[] = ["none", "sum", "mean", "sum-over-positives"];

export interface ReductionOptions {
  /** Per-element weights (0 leaves an element out, as an ignored anchor); default all 1. */
  weights?: ArrayLike<number>;
  /** Number of positives for "sum-over-positives": an integer ≥ 0. */
  positives?: number;
}

function fail(name: string, value: unknown, range: string): never {
  throw new RangeError(`${name} must be ${range}; got ${String(value)}`);
}

export function assertReduction(reduction: string): asserts reduction is Reduction {
  if (!(REDUCTIONS as readonly string[]).includes(reduction)) {
    fail("reduction", reduction, `one of ${REDUCTIONS.map((r) => `"${r}"`).join(", ")}`);
  }
}

/** The divisor of a reduction, or 1 for "sum" (and "none", which divides nothing). */
export function reductionDivisor(reduction: Reduction, elements: number, positives?: number): number {
  assertReduction(reduction);
  if (reduction === "mean") return Math.max(1, elements);
  if (reduction === "sum-over-positives") {
    if (positives === undefined || !Number.isInteger(positives) || positives < 0) {
      fail("positives", positives, 'an integer ≥ 0 (required by "sum-over-positives")');
    }
    return Math.max(1, positives);
  }
  return 1;
}

export function reduceLosses(losses: ArrayLike<number>, reduction: "none", options?: ReductionOptions): Float64Array;
export function reduceLosses(
  losses: ArrayLike<number>,
  reduction: Exclude<Reduction, "none">,
  options?: ReductionOptions,
): number;
export function reduceLosses(
  losses: ArrayLike<number>,
  reduction: Reduction,
  options?: ReductionOptions,
): number | Float64Array;
export function reduceLosses(
  losses: ArrayLike<number>,
  reduction: Reduction,
  options: ReductionOptions = {},
): number | Float64Array {
  assertReduction(reduction);
  const { weights } = options;
  const n = losses.length;
  if (weights !== undefined && weights.length !== n) {
    fail("weights.length", weights.length, `equal to losses.length (${n})`);
  }
  const weighted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = losses[i]!;
    if (typeof value !== "number" || Number.isNaN(value) || value < 0) fail(`losses[${i}]`, value, "a number ≥ 0");
    const w = weights === undefined ? 1 : weights[i]!;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) fail(`weights[${i}]`, w, "a finite number ≥ 0");
    // Weight 0 leaves the element out even when its loss is infinite (0·∞ would be NaN).
    weighted[i] = w === 0 ? 0 : w * value;
  }
  if (reduction === "none") return weighted;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weighted[i]!;
  // "mean" divides by every element, weighted or not, as torch's `loss.mean()` and
  // Keras's "sum_over_batch_size" do.
  return sum / reductionDivisor(reduction, n, options.positives);
}
