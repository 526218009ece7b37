import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { focalLossStar, signedLogit } from "../../../../src/lib/math/focal-star";
import { loadReference, relativeError } from "../../../support/reference";

interface LogitCase {
  logit: number;
  y: 0 | 1;
  ce: number;
}
const cases = loadReference<{ cases: LogitCase[] }>("logit-cases.json").cases;

describe("focalLossStar", () => {
  it("with γ = 1 and β = 0 is cross-entropy: matches the 60-digit CE of every reference logit", () => {
    for (const c of cases)
      expect(relativeError(focalLossStar(c.logit, c.y, 1, 0), c.ce), `${c.logit} ${c.y}`).toBeLessThan(1e-12);
  });

  // |γ x_t + β| ≤ 5 here, where the textbook form loses no more than a few digits.
  it("equals −ln σ(γ x_t + β) / γ where that direct form is accurate", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom<0 | 1>(0, 1),
        fc.double({ min: 0.25, max: 2, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (x, y, gamma, beta) => {
          const z = gamma * (y === 1 ? x : -x) + beta;
          const direct = -Math.log(1 / (1 + Math.exp(-z))) / gamma;
          return relativeError(focalLossStar(x, y, gamma, beta), direct) < 1e-9;
        },
      ),
    );
  });

  it("shrinks the loss of well-classified examples relative to CE and keeps it for badly classified ones (γ = 2, β = 1)", () => {
    const ce = (xt: number) => focalLossStar(xt, 1, 1, 0);
    expect(focalLossStar(4, 1, 2, 1) / ce(4)).toBeLessThan(0.01);
    expect(focalLossStar(-4, 1, 2, 1) / ce(-4)).toBeGreaterThan(0.8);
  });

  it("stays finite and exact for huge logits", () => {
    expect(focalLossStar(-1000, 1, 2, 1)).toBeCloseTo((2000 - 1) / 2, 9);
    expect(focalLossStar(1000, 1, 2, 1)).toBe(0);
  });

  it("x_t flips the sign for background", () => {
    expect(signedLogit(3, 1)).toBe(3);
    expect(signedLogit(3, 0)).toBe(-3);
  });

  it("rejects γ ≤ 0, a non-finite β and a NaN logit", () => {
    expect(() => focalLossStar(1, 1, 0, 0)).toThrow(/gamma must be a finite number > 0 for FL\*; got 0/);
    expect(() => focalLossStar(1, 1, 2, NaN)).toThrow(/beta must be a finite number/);
    expect(() => focalLossStar(NaN, 1, 2, 0)).toThrow(RangeError);
  });
});
