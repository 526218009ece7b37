/**
 * A tiny detector head trained in full batches: logistic regression on fixed
 * quadratic features of a 2-D point, x = w·f(x1, x2) + b, optimised with SGD
 * and momentum on the module's batched focal loss (CE and balanced CE are its
 * γ = 0 cases). Pure and synchronous: the Web Worker calls it, so do the tests.
 */
import { linearHeadFocalLoss, priorBias, type FocalParams, type LinearHeadResult } from "../math/loss";
import type { LossKind } from "../views/loss-budget";
import type { DataSet } from "./synthetic-data";
import { mulberry32, normalSampler } from "../math/random";

/** Names of the features, in the order of the weights. */
export const FEATURE_NAMES = ["x₁", "x₂", "x₁²", "x₂²", "x₁·x₂"] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** f(x1, x2) written into out (no allocation in the hot loop). */
export function featuresOf(x1: number, x2: number, out: Float64Array | number[] = new Float64Array(FEATURE_COUNT)) {
  out[0] = x1;
  out[1] = x2;
  out[2] = x1 * x1;
  out[3] = x2 * x2;
  out[4] = x1 * x2;
  return out;
}

/** One feature row per point, as views into one buffer so a step touches contiguous memory. */
export function featureRows(data: DataSet): Float64Array[] {
  const n = data.labels.length;
  const buffer = new Float64Array(n * FEATURE_COUNT);
  const rows = new Array<Float64Array>(n);
  for (let i = 0; i < n; i++) {
    const row = buffer.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
    featuresOf(data.x1[i]!, data.x2[i]!, row);
    rows[i] = row;
  }
  return rows;
}

export interface LossChoice {
  kind: LossKind;
  /** focusing parameter, used by focal loss only */
  gamma: number;
  /** class weight, used by balanced CE and focal loss */
  alpha: number;
}

/** The (α, γ) that loss.ts computes each choice with: CE is FL with α off and γ = 0. */
export function lossParams(choice: LossChoice): FocalParams {
  if (choice.kind === "ce") return { alpha: null, gamma: 0 };
  if (choice.kind === "balanced") return { alpha: choice.alpha, gamma: 0 };
  return { alpha: choice.alpha, gamma: choice.gamma };
}

export interface TrainSettings extends LossChoice {
  /** start the bias at RetinaNet's prior b = −ln((1 − π)/π) instead of 0 */
  priorInit: boolean;
  /** π for the prior initialisation */
  prior: number;
  learningRate: number;
  momentum: number;
  /** seeds the small random initial weights, as RetinaNet draws them (σ = 0.01) */
  seed: number;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  kind: "focal",
  gamma: 2,
  alpha: 0.25,
  priorInit: true,
  prior: 0.01,
  learningRate: 0.05,
  momentum: 0.9,
  seed: 1,
};

export interface ModelState {
  weights: number[];
  bias: number;
}

/** The starting point of a run: weights ~ N(0, 0.01²) from the seed, bias at the prior or 0. */
export function initialModel(settings: Pick<TrainSettings, "priorInit" | "prior" | "seed">): ModelState {
  const normal = normalSampler(mulberry32(settings.seed ^ 0x5bd1e995));
  const weights = Array.from({ length: FEATURE_COUNT }, () => 0.01 * normal());
  return { weights, bias: settings.priorInit ? priorBias(settings.prior) : 0 };
}

/** The logit the model gives one point. */
export function logitAt(model: ModelState, x1: number, x2: number): number {
  const w = model.weights;
  return model.bias + w[0]! * x1 + w[1]! * x2 + w[2]! * x1 * x1 + w[3]! * x2 * x2 + w[4]! * x1 * x2;
}

/** Logits for every point of a data set. */
export function logitsOf(model: ModelState, data: DataSet): Float64Array {
  const out = new Float64Array(data.labels.length);
  for (let i = 0; i < out.length; i++) out[i] = logitAt(model, data.x1[i]!, data.x2[i]!);
  return out;
}

export interface Trainer {
  readonly model: ModelState;
  readonly steps: number;
  /** the training loss before each step taken so far */
  readonly lossHistory: readonly number[];
  /** true once the loss or a weight stopped being finite; the trainer then refuses to step */
  readonly diverged: boolean;
  /** take one full-batch step; returns the loss at the weights before the step */
  step(): number;
  /** change the loss (γ, α or kind) for the steps that follow, keeping the weights */
  setLoss(choice: LossChoice): void;
  readonly settings: TrainSettings;
}

/** The loss and its gradients for a linear head on any feature rows: linearHeadFocalLoss itself. */
export function batchLossAndGradient(
  rows: ArrayLike<ArrayLike<number>>,
  labels: ArrayLike<number>,
  model: ModelState,
  params: FocalParams,
): LinearHeadResult {
  return linearHeadFocalLoss(rows, labels, model.weights, model.bias, params);
}

/**
 * A trainer on given feature rows, starting from a given model (which it
 * updates in place). The loss and its gradients are linearHeadFocalLoss: the
 * same function that is checked against torch autograd.
 */
export function createTrainerOn(
  rows: ArrayLike<ArrayLike<number>>,
  labels: ArrayLike<number>,
  model: ModelState,
  initial: TrainSettings,
): Trainer {
  let settings = { ...initial };
  let params = lossParams(settings);
  const d = model.weights.length;
  // Momentum buffer: the weights first, the bias last.
  const velocity = new Float64Array(d + 1);
  const history: number[] = [];
  let diverged = false;

  return {
    model,
    get steps() {
      return history.length;
    },
    lossHistory: history,
    get diverged() {
      return diverged;
    },
    get settings() {
      return settings;
    },
    setLoss(choice: LossChoice) {
      settings = { ...settings, kind: choice.kind, gamma: choice.gamma, alpha: choice.alpha };
      params = lossParams(settings);
    },
    step() {
      if (diverged) return Infinity;
      const { loss, dWeights, dBias } = batchLossAndGradient(rows, labels, model, params);
      const { learningRate: lr, momentum } = settings;
      for (let j = 0; j < d; j++) {
        velocity[j] = momentum * velocity[j]! - lr * dWeights[j]!;
        model.weights[j]! += velocity[j]!;
      }
      velocity[d] = momentum * velocity[d]! - lr * dBias;
      model.bias += velocity[d]!;
      history.push(loss);
      if (!Number.isFinite(loss) || !model.weights.every(Number.isFinite) || !Number.isFinite(model.bias))
        diverged = true;
      return loss;
    },
  };
}

/** A trainer for one data set, on its quadratic features, from the seeded initial model. */
export function createTrainer(data: DataSet, settings: TrainSettings): Trainer {
  return createTrainerOn(featureRows(data), data.labels, initialModel(settings), settings);
}

/** Train for a number of steps (stops early on divergence) and return the trainer. */
export function train(data: DataSet, settings: TrainSettings, steps: number): Trainer {
  const trainer = createTrainer(data, settings);
  for (let i = 0; i < steps && !trainer.diverged; i++) trainer.step();
  return trainer;
}
