/**
 * Which score minimises focal loss when the true class probability is η?
 * For one input whose label is 1 with probability η, the expected loss of a
 * score q is R(q) = η·FL(q, y = 1) + (1 − η)·FL(q, y = 0) (no class weight).
 * For cross-entropy (γ = 0) the minimiser is η itself (a proper loss); for
 * γ > 0 it is pulled towards 0.5, which is why focal-loss scores are not
 * class probabilities until they are mapped back (Charoenphakdee et al., 2021).
 */
import { assertGamma, assertProbability } from "./loss";

/**
 * −dFL(q, y = 1)/dq = γ(1 − q)^(γ−1)(−ln q) + (1 − q)^γ / q, always > 0 on (0, 1).
 * By symmetry dFL(q, y = 0)/dq is the same function at 1 − q.
 */
function slope(q: number, gamma: number): number {
  const ce = -Math.log(q);
  const focusing = gamma === 0 ? 0 : gamma * Math.pow(1 - q, gamma - 1) * ce;
  return focusing + Math.pow(1 - q, gamma) / q;
}

/**
 * The class probability η for which q minimises the expected focal loss:
 * R'(q) = 0 ⇔ η·slope(q) = (1 − η)·slope(1 − q). This is the closed-form map
 * back from a focal-loss score to a probability.
 */
export function posteriorFromFocalScore(q: number, gamma: number): number {
  assertProbability(q, "q");
  assertGamma(gamma);
  if (q === 0 || q === 1) return q;
  const up = slope(1 - q, gamma);
  return up / (slope(q, gamma) + up);
}

/**
 * The score q that minimises η·FL(q, 1) + (1 − η)·FL(q, 0). R'(q) < 0 near 0 and
 * > 0 near 1 for 0 < η < 1; bisection on its sign converges to the double
 * nearest the root in about 60 steps and never leaves (0, 1).
 */
export function focalOptimalScore(posterior: number, gamma: number): number {
  assertProbability(posterior, "posterior");
  assertGamma(gamma);
  if (posterior === 0 || posterior === 1) return posterior;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const riskSlope = -posterior * slope(mid, gamma) + (1 - posterior) * slope(1 - mid, gamma);
    if (riskSlope < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
