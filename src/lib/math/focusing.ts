/**
 * Reading the focusing parameter backwards: how confident must an example be
 * for focal loss to cut its cross-entropy by a given factor?
 */

/**
 * The p_t at which focal loss is `reduction` times smaller than cross-entropy
 * (without α weighting): (1 − p_t)^γ = 1/reduction, so p_t = 1 − reduction^(−1/γ).
 */
export function ptAtReduction(reduction: number, gamma: number): number {
  if (!(reduction >= 1) || !Number.isFinite(reduction))
    throw new RangeError(`reduction must be a finite number ≥ 1; got ${String(reduction)}`);
  if (!(gamma > 0) || !Number.isFinite(gamma))
    throw new RangeError(`gamma must be a finite number > 0; got ${String(gamma)}`);
  // −expm1(−ln r / γ) = 1 − r^(−1/γ) without cancellation when r^(−1/γ) is near 1.
  return -Math.expm1(-Math.log(reduction) / gamma);
}
