/**
 * A seeded, imbalanced 2-D data set: a few "objects" in a tight cluster among
 * many "background" points spread widely. Some background points fall near the
 * cluster; those are the hard negatives. The same seed and ratio give the same
 * points in every browser, so a link reproduces a run.
 *
 * Both classes are Gaussian with different covariances, so the best possible
 * boundary is a conic: a logistic model on x1, x2, x1², x2², x1·x2 can represent
 * it exactly, and what separates the losses is how they train, not the model.
 */
import { mulberry32, normaliseSeed, normalSampler } from "../math/random";

export interface DataSet {
  /** first coordinate of each point */
  x1: Float64Array;
  /** second coordinate of each point */
  x2: Float64Array;
  /** 1 for an object (positive), 0 for background */
  labels: Uint8Array;
  positives: number;
  negatives: number;
}

export interface DataConfig {
  seed: number;
  /** negatives per positive: 10 to 1000 */
  ratio: number;
}

export const RATIO_LIMITS = { min: 10, max: 1000 } as const;

/** Background points in the training and the held-out set; positives follow from the ratio. */
export const TRAIN_NEGATIVES = 30_000;
export const TEST_NEGATIVES = 50_000;

/** Where the objects cluster, and how tightly (standard deviations along two rotated axes). */
export const POSITIVE_CLUSTER = { center: [2.4, 1.6], spread: [0.3, 0.18], angle: Math.PI / 5 } as const;

export function clampRatio(ratio: number): number {
  if (typeof ratio !== "number" || !Number.isFinite(ratio)) return 100;
  return Math.round(Math.min(RATIO_LIMITS.max, Math.max(RATIO_LIMITS.min, ratio)));
}

/** Positives for a number of negatives at a ratio: at least one, so precision and recall exist. */
export function positivesFor(negatives: number, ratio: number): number {
  return Math.max(1, Math.round(negatives / clampRatio(ratio)));
}

/**
 * n points: the positives first, then the negatives. The order carries no
 * information to the trainer, which uses the full batch every step.
 */
export function makeDataSet(seed: number, ratio: number, negatives: number): DataSet {
  const positives = positivesFor(negatives, ratio);
  const n = positives + negatives;
  const uniform = mulberry32(seed);
  const normal = normalSampler(uniform);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const labels = new Uint8Array(n);
  const { center, spread, angle } = POSITIVE_CLUSTER;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let i = 0; i < positives; i++) {
    const u = normal() * spread[0];
    const v = normal() * spread[1];
    x1[i] = center[0] + u * cos - v * sin;
    x2[i] = center[1] + u * sin + v * cos;
    labels[i] = 1;
  }
  for (let i = positives; i < n; i++) {
    x1[i] = normal();
    x2[i] = normal();
  }
  return { x1, x2, labels, positives, negatives };
}

export interface SplitDataSet {
  train: DataSet;
  test: DataSet;
  seed: number;
  ratio: number;
}

/** The training set and a held-out set drawn from a different stream of the same seed. */
export function makeSplit(config: DataConfig, sizes = { train: TRAIN_NEGATIVES, test: TEST_NEGATIVES }): SplitDataSet {
  const seed = normaliseSeed(config.seed);
  const ratio = clampRatio(config.ratio);
  return {
    train: makeDataSet(seed, ratio, sizes.train),
    // A fixed odd offset gives the held-out set its own stream; XOR keeps it a 32-bit seed.
    test: makeDataSet((seed ^ 0x9e3779b9) >>> 0, ratio, sizes.test),
    seed,
    ratio,
  };
}
