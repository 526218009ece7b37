import { describe, expect, it } from "vitest";
import { ptAtReduction } from "../../../../src/lib/math/focusing";
import { crossEntropy, focalLoss } from "../../../../src/lib/math/loss";

describe("ptAtReduction", () => {
  it("γ = 2: a hundredfold cut at p_t = 0.9 and a thousandfold one near 0.968, as the paper says", () => {
    expect(ptAtReduction(100, 2)).toBeCloseTo(0.9, 14);
    expect(ptAtReduction(1000, 2)).toBeCloseTo(0.968, 3);
  });
  it.each([
    [10, 1],
    [1000, 2],
    [1e6, 5],
    [2, 0.5],
  ])("at that p_t, CE / FL is the asked-for reduction (%s, γ = %s)", (r, gamma) => {
    const p = ptAtReduction(r, gamma);
    expect(crossEntropy(p, 1) / focalLoss(p, 1, { alpha: null, gamma })).toBeCloseTo(r, 6);
  });
  it("no reduction at all means p_t = 0", () => expect(ptAtReduction(1, 2)).toBe(0));
  it("rejects a reduction below 1 and γ ≤ 0", () => {
    expect(() => ptAtReduction(0.5, 2)).toThrow(/reduction must be a finite number ≥ 1; got 0.5/);
    expect(() => ptAtReduction(10, 0)).toThrow(/gamma must be a finite number > 0; got 0/);
  });
});
