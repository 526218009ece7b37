/**
 * The derivatives of the paper's Appendix B against x_t = y·x: dCE/dx = y(p_t − 1)
 * and dFL/dx = y(1 − p_t)^γ (γ p_t log p_t + p_t − 1). Written against x_t and for
 * y = +1 the two coincide with d/dx_t; a background example's derivative with
 * respect to its own logit x is the same curve with the sign flipped. Sampled
 * from the loss-math module's stable gradient, without α (as Figure 6 draws them).
 */
import { focalLossGradLogit, sampleCurve, type CurvePoint } from "../math/loss";

/** γ values drawn: CE (γ = 0) and the paper's Figure 1 settings. */
export const GRADIENT_GAMMAS: readonly number[] = [0, 0.5, 1, 2, 5];
export const GRADIENT_DOMAIN = { from: -10, to: 10 } as const;

export interface GradientCurve {
  gamma: number;
  points: CurvePoint[];
}

export function gradientCurves(gammas: readonly number[] = GRADIENT_GAMMAS, points = 161): GradientCurve[] {
  return gammas.map((gamma) => ({
    gamma,
    points: sampleCurve((xt) => focalLossGradLogit(xt, 1, { alpha: null, gamma }), { ...GRADIENT_DOMAIN, points }),
  }));
}

/** d/dx_t of one γ at one x_t (the "show data" table). */
export function gradientAt(xt: number, gamma: number): number {
  return focalLossGradLogit(xt, 1, { alpha: null, gamma });
}
