/**
 * Sigmoid focal loss with a soft target y ∈ [0, 1] (label smoothing,
 * quality-aware targets), in the convention of torchvision's
 * `sigmoid_focal_loss` and optax's `sigmoid_focal_loss`:
 *
 *   p = σ(x),  p_t = p·y + (1 − p)(1 − y),  α_t = α·y + (1 − α)(1 − y),
 *   FL = α_t (1 − p_t)^γ · BCE(x, y),  BCE = y·softplus(−x) + (1 − y)·softplus(x).
 *
 * The cross-entropy factor is the binary cross-entropy against the soft target,
 * not −ln p_t: the two agree only when y ∈ {0, 1}, where this is the hard
 * focal loss of loss.ts.
 */
import { assertAlpha, assertGamma, sigmoid, softplus, type FocalParams } from "./loss";

function fail(name: string, value: unknown, range: string): never {
  throw new RangeError(`${name} must be ${range}; got ${String(value)}`);
}

export function assertSoftTarget(y: number): void {
  if (typeof y !== "number" || !(y >= 0 && y <= 1)) fail("y", y, "a number in [0, 1] (soft target)");
}

export function assertFiniteLogit(x: number): void {
  if (typeof x !== "number" || !Number.isFinite(x)) fail("x", x, "a finite number (logit)");
}

export interface SoftTargetResult {
  loss: number;
  /** d loss / d x */
  grad: number;
  /** p_t = p·y + (1 − p)(1 − y) */
  pt: number;
  /** 1 − p_t = y·σ(−x) + (1 − y)·σ(x): a sum of two non-negative terms, no cancellation */
  oneMinusPt: number;
  /** BCE(x, y) = y·softplus(−x) + (1 − y)·softplus(x) */
  ce: number;
}

/**
 * Loss and gradient. With q = 1 − p_t, B = BCE and p = σ(x):
 *   dB/dx = p − y = (1 − y)·p − y·σ(−x),  dq/dx = (1 − 2y)·p(1 − p),
 *   dFL/dx = α_t q^γ [γ (1 − 2y) (p(1 − p)/q) B + (p − y)].
 * p(1 − p)/q is evaluated as 1 / (y/p + (1 − y)/(1 − p)), bounded by p and by
 * 1 − p, so no q^(γ−1) appears to blow up when q underflows.
 */
export function softTargetFocalLoss(x: number, y: number, params: FocalParams): SoftTargetResult {
  assertFiniteLogit(x);
  assertSoftTarget(y);
  if (params === null || typeof params !== "object") fail("params", params, "an object { alpha, gamma }");
  assertAlpha(params.alpha);
  assertGamma(params.gamma);
  const { alpha, gamma } = params;
  const p = sigmoid(x);
  const notP = sigmoid(-x);
  const notY = 1 - y;
  const q = y * notP + notY * p;
  const ptValue = y * p + notY * notP;
  const ce = y * softplus(-x) + notY * softplus(x);
  const weight = alpha === null ? 1 : alpha * y + (1 - alpha) * notY;
  const modulating = Math.pow(q, gamma);
  if (weight === 0 || modulating === 0) return { loss: 0, grad: 0, pt: ptValue, oneMinusPt: q, ce };

  const inverseRatio = (y === 0 ? 0 : y / p) + (y === 1 ? 0 : notY / notP);
  const ratio = 1 / inverseRatio;
  const focusTerm = gamma === 0 || ce === 0 ? 0 : gamma * (1 - 2 * y) * ratio * ce;
  // p − y as notY·p − y·σ(−x): for y = 1 it is −σ(−x) exactly, where p − 1 would round to 0.
  const pMinusY = notY * p - y * notP;
  return {
    loss: weight * modulating * ce,
    grad: weight * modulating * (focusTerm + pMinusY),
    pt: ptValue,
    oneMinusPt: q,
    ce,
  };
}
