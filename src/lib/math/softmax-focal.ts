/**
 * Multi-class (softmax) focal loss: FL = −α_c (1 − p_c)^γ ln p_c with
 * p = softmax(z) over K logits and c the true class, and its gradient with
 * respect to every logit.
 *
 * The whole computation goes through one number, the true class's margin
 * x_t = z_c − logsumexp_{j≠c} z_j. Then p_c = σ(x_t), 1 − p_c = σ(−x_t) and
 * −ln p_c = softplus(−x_t) exactly, so the K-class loss IS the binary loss of
 * loss.ts at logit x_t, with the same stability. For K = 2, x_t = z_c − z_other:
 * softmax over two logits equals the sigmoid of their difference, and with
 * α = [1 − α, α] the loss equals the binary form at x = z_1 − z_0.
 *
 * RetinaNet does not use this form: its classification subnet ends in "KA
 * binary predictions" with sigmoid activations (arXiv v2 §4), each anchor's
 * target is a length-K one-hot vector that is all zeros for background, and
 * the paper's footnote to §3 only notes that the multi-class extension "is
 * straightforward and works well; for simplicity we focus on the binary loss".
 * With one sigmoid per class there is no background logit to normalise
 * against, and every class gets the binary α_t of eq. (5).
 */
import { assertGamma, sigmoid, softplus } from "./loss";

/** Class weights: one number for every class, one per class, or `null` for none. */
export type ClassAlpha = number | readonly number[] | null;

export interface SoftmaxFocalParams {
  /** α_c of the true class c: a scalar (as Keras), a per-class array of length K, or null (α = 1). */
  alpha: ClassAlpha;
  /** Focusing parameter γ ≥ 0; γ = 0 is softmax cross-entropy. */
  gamma: number;
}

export interface SoftmaxFocalResult {
  /** −α_c (1 − p_c)^γ ln p_c */
  loss: number;
  /** d loss / d z_j for j = 0 … K−1 */
  grad: Float64Array;
  /** p_c, the softmax probability of the true class */
  pt: number;
  /** 1 − p_c computed as σ(−x_t), never as 1 − p_c */
  oneMinusPt: number;
  /** −ln p_c = softplus(−x_t) */
  ce: number;
  /** (1 − p_c)^γ, with 0⁰ = 1 */
  modulating: number;
}

function fail(name: string, value: unknown, range: string): never {
  throw new RangeError(`${name} must be ${range}; got ${String(value)}`);
}

/** Throws unless every logit is a finite number and there are at least two. */
export function assertLogits(logits: ArrayLike<number>): void {
  if (logits === null || typeof logits !== "object" || typeof logits.length !== "number") {
    fail("logits", logits, "an array of finite numbers");
  }
  if (logits.length < 2) fail("logits.length", logits.length, "at least 2 (a softmax needs two classes)");
  for (let j = 0; j < logits.length; j++) {
    const z = logits[j];
    if (typeof z !== "number" || !Number.isFinite(z)) fail(`logits[${j}]`, z, "a finite number");
  }
}

export function assertTargetClass(target: number, classes: number): void {
  if (!Number.isInteger(target) || target < 0 || target >= classes) {
    fail("target", target, `an integer class index in [0, ${classes - 1}]`);
  }
}

export function assertClassAlpha(alpha: ClassAlpha, classes: number): void {
  if (alpha === null) return;
  if (typeof alpha === "number") {
    if (!Number.isFinite(alpha) || alpha < 0) fail("alpha", alpha, "a finite number ≥ 0, an array of them, or null");
    return;
  }
  if (!Array.isArray(alpha)) fail("alpha", alpha, "a finite number ≥ 0, an array of them, or null");
  if (alpha.length !== classes) fail("alpha.length", alpha.length, `equal to the number of classes (${classes})`);
  alpha.forEach((a, j) => {
    if (typeof a !== "number" || !Number.isFinite(a) || a < 0) fail(`alpha[${j}]`, a, "a finite number ≥ 0");
  });
}

/** ln Σ e^{z_j} over all j except `skip` (−1 skips none), shifted by the maximum so no term overflows. */
export function logSumExp(logits: ArrayLike<number>, skip = -1): number {
  let max = -Infinity;
  for (let j = 0; j < logits.length; j++) if (j !== skip && logits[j]! > max) max = logits[j]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let j = 0; j < logits.length; j++) if (j !== skip) sum += Math.exp(logits[j]! - max);
  return max + Math.log(sum);
}

/** Softmax probabilities, stable for logits of any size. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  assertLogits(logits);
  // Shift by the maximum and divide, rather than exp(z − lse): a large lse would
  // round the exponent by ulp(lse) and every probability with it.
  let max = -Infinity;
  for (let j = 0; j < logits.length; j++) max = Math.max(max, logits[j]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let j = 0; j < logits.length; j++) sum += out[j] = Math.exp(logits[j]! - max);
  for (let j = 0; j < logits.length; j++) out[j]! /= sum;
  return out;
}

/** The true class's margin x_t = z_c − logsumexp_{j≠c} z_j: p_c = σ(x_t). */
export function trueClassMargin(logits: ArrayLike<number>, target: number): number {
  assertLogits(logits);
  assertTargetClass(target, logits.length);
  return logits[target]! - logSumExp(logits, target);
}

function classWeight(alpha: ClassAlpha, target: number): number {
  if (alpha === null) return 1;
  return typeof alpha === "number" ? alpha : alpha[target]!;
}

/**
 * Softmax focal loss of one example and its gradient. With q = 1 − p_c:
 *   d FL / d z_c = −α_c q^γ (γ p_c CE + q)
 *   d FL / d z_j =  α_c r_j q^γ (γ p_c CE + q),  j ≠ c,
 * where r_j = p_j / q is the softmax of the other logits alone. The textbook
 * form α_c p_j q^(γ−1)(…) divides by q, which underflows for a confident
 * example and makes the gradient infinite for γ < 1; p_j/q never does.
 */
export function softmaxFocalLoss(
  logits: ArrayLike<number>,
  target: number,
  params: SoftmaxFocalParams,
): SoftmaxFocalResult {
  assertLogits(logits);
  const k = logits.length;
  assertTargetClass(target, k);
  if (params === null || typeof params !== "object") fail("params", params, "an object { alpha, gamma }");
  assertGamma(params.gamma);
  assertClassAlpha(params.alpha, k);
  const { gamma } = params;
  const weight = classWeight(params.alpha, target);

  const lseOthers = logSumExp(logits, target);
  const xt = logits[target]! - lseOthers;
  const q = sigmoid(-xt);
  const ptValue = sigmoid(xt);
  const ce = softplus(-xt);
  const modulating = Math.pow(q, gamma);
  const grad = new Float64Array(k);
  if (weight === 0 || modulating === 0) return { loss: 0, grad, pt: ptValue, oneMinusPt: q, ce, modulating };

  const loss = weight * modulating * ce;
  // p_c·CE → 0 as p_c → 0; guard the 0·∞ an underflowed p_c would give.
  const focusTerm = ptValue === 0 ? 0 : gamma * ptValue * ce;
  const common = weight * modulating * (focusTerm + q);
  for (let j = 0; j < k; j++) {
    grad[j] = j === target ? -common : common * Math.exp(logits[j]! - lseOthers);
  }
  return { loss, grad, pt: ptValue, oneMinusPt: q, ce, modulating };
}
