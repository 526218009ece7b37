/**
 * FL*, the alternative form of focal loss in the paper's Appendix A: rather
 * than multiplying cross-entropy by (1 − p_t)^γ, it sharpens and shifts the
 * logit, p*_t = σ(γ x_t + β), and pays −ln(p*_t)/γ. It too shrinks the loss of
 * well-classified examples, which is the paper's point: the exact form matters
 * less than that effect.
 */
import { assertLabel, assertLogit, softplus, type Label } from "./loss";

/** x_t: the logit signed so that positive means "leaning towards the true class". */
export function signedLogit(x: number, y: Label): number {
  assertLogit(x);
  assertLabel(y);
  return y === 1 ? x : -x;
}

/**
 * FL*(x, y) = −ln σ(γ x_t + β) / γ, written as softplus(−(γ x_t + β)) / γ so
 * that it stays exact for large |x| (ln σ(z) underflows to ln 0 long before
 * softplus(−z) overflows).
 */
export function focalLossStar(x: number, y: Label, gamma: number, beta: number): number {
  if (typeof gamma !== "number" || !Number.isFinite(gamma) || gamma <= 0) {
    throw new RangeError(`gamma must be a finite number > 0 for FL*; got ${String(gamma)}`);
  }
  if (typeof beta !== "number" || !Number.isFinite(beta))
    throw new RangeError(`beta must be a finite number; got ${String(beta)}`);
  return softplus(-(gamma * signedLogit(x, y) + beta)) / gamma;
}
