/**
 * The loss-math module: cross-entropy, α-balanced cross-entropy and focal loss
 * (Lin et al., 2017) in probability space and in logit space, with the gradient
 * a detector back-propagates. Pure functions, no DOM, exact to double precision.
 *
 * Notation: p is the predicted probability of the foreground class, y ∈ {0, 1}
 * the label, p_t the probability of the true class and α_t the class weight.
 */

/** 1 for a foreground (object) example, 0 for a background one. */
export type Label = 0 | 1;

/** α weighting: a number in [0, 1], or `null` for no weighting (α_t = 1). */
export type Alpha = number | null;

export interface FocalParams {
  /** Weight of the foreground class; background gets 1 − α. `null` turns weighting off. */
  alpha: Alpha;
  /** Focusing parameter γ ≥ 0; γ = 0 is (balanced) cross-entropy. */
  gamma: number;
}

// ---------------------------------------------------------------- validation

function fail(name: string, value: unknown, range: string): never {
  throw new RangeError(`${name} must be ${range}; got ${String(value)}`);
}

export function assertProbability(p: number, name = "p"): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) fail(name, p, "a number in [0, 1]");
}

export function assertLabel(y: number): asserts y is Label {
  if (y !== 0 && y !== 1) fail("y", y, "0 (background) or 1 (foreground)");
}

export function assertAlpha(alpha: Alpha): void {
  if (alpha === null) return;
  if (typeof alpha !== "number" || !(alpha >= 0 && alpha <= 1)) {
    fail("alpha", alpha, "a number in [0, 1] or null (no weighting)");
  }
}

export function assertGamma(gamma: number): void {
  if (typeof gamma !== "number" || !Number.isFinite(gamma) || gamma < 0) {
    fail("gamma", gamma, "a finite number ≥ 0");
  }
}

export function assertLogit(x: number): void {
  if (typeof x !== "number" || Number.isNaN(x)) fail("x", x, "a number (logit), not NaN");
}

function assertParams(params: FocalParams): void {
  if (params === null || typeof params !== "object") fail("params", params, "an object { alpha, gamma }");
  assertAlpha(params.alpha);
  assertGamma(params.gamma);
}

// ------------------------------------------------------------ building blocks

/** Probability of the true class: p for y = 1, 1 − p for y = 0. */
export function pt(p: number, y: Label): number {
  assertProbability(p);
  assertLabel(y);
  return y === 1 ? p : 1 - p;
}

/**
 * 1 − p_t computed without subtracting from a rounded p_t: for y = 0 it is p
 * itself, so it keeps full relative precision when p is tiny.
 */
export function oneMinusPt(p: number, y: Label): number {
  assertProbability(p);
  assertLabel(y);
  return y === 1 ? 1 - p : p;
}

/** Class weight: α for y = 1, 1 − α for y = 0, and 1 when weighting is off. */
export function alphaT(alpha: Alpha, y: Label): number {
  assertAlpha(alpha);
  assertLabel(y);
  if (alpha === null) return 1;
  return y === 1 ? alpha : 1 - alpha;
}

/** −ln p_t from q = 1 − p_t and p_t; log1p keeps precision when q is small. */
function ceFromQ(q: number, ptValue: number): number {
  return q < 0.5 ? -Math.log1p(-q) : -Math.log(ptValue);
}

/** Weighted, modulated loss; weight 0 silences even an infinite CE (0·∞ would be NaN). */
function weighted(weight: number, modulating: number, ce: number): number {
  if (weight === 0 || modulating === 0) return 0;
  return weight * modulating * ce;
}

// ------------------------------------------------------- probability space

/** Binary cross-entropy −ln p_t; Infinity when p_t = 0. */
export function crossEntropy(p: number, y: Label): number {
  const q = oneMinusPt(p, y);
  return ceFromQ(q, y === 1 ? p : 1 - p);
}

/** α-balanced cross-entropy −α_t ln p_t. */
export function balancedCrossEntropy(p: number, y: Label, alpha: Alpha): number {
  const w = alphaT(alpha, y);
  return weighted(w, 1, crossEntropy(p, y));
}

/** The modulating factor (1 − p_t)^γ, with 0^0 = 1. */
export function modulatingFactor(p: number, y: Label, gamma: number): number {
  assertGamma(gamma);
  return Math.pow(oneMinusPt(p, y), gamma);
}

/** Focal loss −α_t (1 − p_t)^γ ln p_t. */
export function focalLoss(p: number, y: Label, params: FocalParams): number {
  assertParams(params);
  const w = alphaT(params.alpha, y);
  return weighted(w, modulatingFactor(p, y, params.gamma), crossEntropy(p, y));
}

// ------------------------------------------------------------- logit space

/** σ(z) without overflow for either sign of z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = ln(1 + e^z), exact for large |z| in both directions. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Loss and gradient of one logit, without validation: the shared kernel of the
 * checked single-value functions and of the batch loop (which validates once).
 * Uses q = 1 − p_t = σ(−x_t) computed directly, CE = softplus(−x_t), and
 * d FL / d x = −s·α_t·q^γ·(γ·p_t·CE + q), written without q^(γ−1), so it stays
 * finite (and correct) where q underflows and γ < 1, unlike autograd on the
 * textbook form.
 */
function focalKernel(
  x: number,
  sign: 1 | -1,
  weight: number,
  gamma: number,
  out: { loss: number; grad: number },
): void {
  const xt = sign * x;
  const q = sigmoid(-xt);
  const modulating = Math.pow(q, gamma);
  if (weight === 0 || modulating === 0) {
    out.loss = 0;
    out.grad = 0;
    return;
  }
  const ptValue = sigmoid(xt);
  const ce = softplus(-xt);
  out.loss = weight * modulating * ce;
  // p_t·CE = −p_t ln p_t → 0 as p_t → 0; at an infinite logit it would be 0·∞.
  const focusTerm = ptValue === 0 ? 0 : gamma * ptValue * ce;
  out.grad = -sign * weight * modulating * (focusTerm + q);
}

function checkedKernel(x: number, y: Label, params: FocalParams): { loss: number; grad: number } {
  assertLogit(x);
  assertLabel(y);
  assertParams(params);
  const out = { loss: 0, grad: 0 };
  focalKernel(x, y === 1 ? 1 : -1, alphaT(params.alpha, y), params.gamma, out);
  return out;
}

/** Focal loss of a logit x: −α_t σ(−x_t)^γ ln σ(x_t), with CE as softplus(−x_t). */
export function focalLossFromLogit(x: number, y: Label, params: FocalParams): number {
  return checkedKernel(x, y, params).loss;
}

/** Focal loss and d FL / d x at logit x from one evaluation of the kernel (a live loss map needs both per term). */
export function focalLossAndGradLogit(x: number, y: Label, params: FocalParams): { loss: number; grad: number } {
  return checkedKernel(x, y, params);
}

/** d FL / d x at logit x (see focalKernel for the stable form). */
export function focalLossGradLogit(x: number, y: Label, params: FocalParams): number {
  return checkedKernel(x, y, params).grad;
}

// ------------------------------------------------------------------ batches

export interface BatchResult {
  /** Σ FL / max(1, number of positives), as RetinaNet normalises */
  loss: number;
  /** d loss / d x_i for each logit, with the same normalisation */
  grad: Float64Array;
  positives: number;
}

/**
 * Focal loss summed over a batch of logits and normalised by the number of
 * positive (foreground) examples, floored at 1, as RetinaNet does.
 */
export function focalLossBatch(logits: ArrayLike<number>, labels: ArrayLike<number>, params: FocalParams): BatchResult {
  if (logits.length !== labels.length) {
    fail("labels.length", labels.length, `equal to logits.length (${logits.length})`);
  }
  assertParams(params);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    assertLabel(y);
    assertLogit(logits[i]!);
    positives += y;
  }
  const norm = Math.max(1, positives);
  const weights = [alphaT(params.alpha, 0), alphaT(params.alpha, 1)] as const;
  const grad = new Float64Array(logits.length);
  const out = { loss: 0, grad: 0 };
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const y = labels[i]!;
    focalKernel(logits[i]!, y === 1 ? 1 : -1, weights[y as Label], params.gamma, out);
    sum += out.loss;
    grad[i] = out.grad / norm;
  }
  return { loss: sum / norm, grad, positives };
}

export interface LinearHeadResult {
  loss: number;
  dWeights: number[];
  dBias: number;
}

/**
 * A linear head x_i = w·f_i + b trained with normalised focal loss: the loss
 * and its gradients with respect to w and b (the chain rule through the batch).
 */
export function linearHeadFocalLoss(
  features: ArrayLike<ArrayLike<number>>,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  bias: number,
  params: FocalParams,
): LinearHeadResult {
  const d = weights.length;
  const logits = new Float64Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (f.length !== d) fail(`features[${i}].length`, f.length, `equal to weights.length (${d})`);
    let x = bias;
    for (let j = 0; j < d; j++) x += weights[j]! * f[j]!;
    logits[i] = x;
  }
  const { loss, grad } = focalLossBatch(logits, labels, params);
  const dWeights = new Array<number>(d).fill(0);
  let dBias = 0;
  for (let i = 0; i < features.length; i++) {
    const g = grad[i]!;
    const f = features[i]!;
    for (let j = 0; j < d; j++) dWeights[j]! += g * f[j]!;
    dBias += g;
  }
  return { loss, dWeights, dBias };
}

/** RetinaNet's prior initialisation: the bias b with σ(b) = π, b = −ln((1 − π)/π). */
export function priorBias(pi: number): number {
  assertProbability(pi, "pi");
  return -Math.log((1 - pi) / pi);
}

// ----------------------------------------------------------------- sampling

export interface CurvePoint {
  x: number;
  y: number;
}

export interface SampleOptions {
  from: number;
  to: number;
  /** number of points, ≥ 2, endpoints included */
  points: number;
}

/** Evenly spaced samples of fn on [from, to], endpoints included. */
export function sampleCurve(fn: (x: number) => number, { from, to, points }: SampleOptions): CurvePoint[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) fail("from/to", `${from}, ${to}`, "finite numbers");
  if (!Number.isInteger(points) || points < 2) fail("points", points, "an integer ≥ 2");
  const out = new Array<CurvePoint>(points);
  const step = (to - from) / (points - 1);
  for (let i = 0; i < points; i++) {
    // The last point is `to` exactly, not from + (n−1)·step with its rounding.
    const x = i === points - 1 ? to : from + i * step;
    out[i] = { x, y: fn(x) };
  }
  return out;
}

/**
 * Focal loss as a function of p_t alone (the paper's Figure 1): p_t is the
 * probability of a foreground example, so the y = 1 forms apply.
 */
export function focalLossOfPt(ptValue: number, params: FocalParams): number {
  return focalLoss(ptValue, 1, params);
}

/** The paper's Figure 1 γ values. */
export const FIGURE1_GAMMAS: readonly number[] = [0, 0.5, 1, 2, 5];
