import { describe, expect, it } from "vitest";
import { focalOptimalScore, posteriorFromFocalScore } from "../../../../src/lib/math/focal-optimum";
import { focalLoss } from "../../../../src/lib/math/loss";

/** Expected focal loss of score q when the label is 1 with probability η, from the loss module itself. */
const risk = (q: number, eta: number, gamma: number) =>
  eta * focalLoss(q, 1, { alpha: null, gamma }) + (1 - eta) * focalLoss(q, 0, { alpha: null, gamma });

/** Brute force: the best of a fine grid, then a finer grid around it. Independent of the bisection. */
function gridMinimiser(eta: number, gamma: number): number {
  let best = 0.5;
  for (const step of [1e-3, 1e-6]) {
    const from = Math.max(step, best - 1000 * step);
    const to = Math.min(1 - step, best + 1000 * step);
    let bestRisk = Infinity;
    for (let q = from; q <= to; q += step) {
      const r = risk(q, eta, gamma);
      if (r < bestRisk) {
        bestRisk = r;
        best = q;
      }
    }
  }
  return best;
}

describe("focalOptimalScore", () => {
  it("for cross-entropy (γ = 0) the best score is the true probability: CE is proper", () => {
    for (const eta of [0.01, 0.3, 0.5, 0.9, 0.999]) expect(focalOptimalScore(eta, 0)).toBeCloseTo(eta, 12);
  });

  it.each([
    [0.9, 2],
    [0.9, 1],
    [0.7, 2],
    [0.99, 5],
    [0.2, 0.5],
  ])("η = %s, γ = %s: agrees with a brute-force minimisation of the module's focal loss", (eta, gamma) => {
    expect(Math.abs(focalOptimalScore(eta, gamma) - gridMinimiser(eta, gamma))).toBeLessThan(5e-6);
  });

  it("a true probability of 0.9 gives a focal-loss-optimal score near 0.69 at γ = 2: pulled towards 0.5", () => {
    const q = focalOptimalScore(0.9, 2);
    expect(q).toBeGreaterThan(0.68);
    expect(q).toBeLessThan(0.7);
    expect(risk(q, 0.9, 2)).toBeLessThan(risk(0.9, 0.9, 2));
  });

  it("is symmetric about 0.5 and keeps 0.5 at 0.5", () => {
    expect(focalOptimalScore(0.5, 2)).toBeCloseTo(0.5, 12);
    expect(focalOptimalScore(0.1, 2)).toBeCloseTo(1 - focalOptimalScore(0.9, 2), 12);
  });

  it("the pull towards 0.5 grows with γ", () => {
    const scores = [0, 0.5, 1, 2, 5].map((g) => focalOptimalScore(0.9, g));
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
  });

  it("rejects a posterior outside [0, 1] and a negative γ", () => {
    expect(() => focalOptimalScore(1.2, 2)).toThrow(RangeError);
    expect(() => focalOptimalScore(0.9, -1)).toThrow(RangeError);
  });
});

describe("posteriorFromFocalScore maps the optimal score back to the probability", () => {
  it.each([
    [0.9, 2],
    [0.6, 2],
    [0.05, 3],
    [0.9, 0.5],
  ])("η = %s, γ = %s round-trips", (eta, gamma) => {
    expect(posteriorFromFocalScore(focalOptimalScore(eta, gamma), gamma)).toBeCloseTo(eta, 10);
  });
});
