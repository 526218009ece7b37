import { describe, expect, it } from "vitest";
import {
  compareAp,
  comparison,
  COMPARISON,
  firstStepRows,
  hardestNegativesShare,
} from "../../../../src/lib/lab/lab-facts";
import { relativeError } from "../../../support/reference";

describe("firstStepRows", () => {
  it("starts at σ(b) = 0.5 without the prior and at π = 0.01 with it", () => {
    for (const row of firstStepRows()) {
      expect(row.withoutPrior.score).toBe(0.5);
      expect(relativeError(row.withPrior.score, 0.01)).toBeLessThan(1e-14);
      expect(row.withoutPrior.loss).toBeGreaterThan(row.withPrior.loss);
    }
  });
});

describe("compareAp", () => {
  it("calls differences under the tie threshold a tie and otherwise says which is higher", () => {
    expect(compareAp(0.5, 0.495)).toBe("about the same as");
    expect(compareAp(0.6, 0.5)).toBe("higher than");
    expect(compareAp(0.4, 0.5)).toBe("lower than");
  });
});

describe("the chapter's CE-versus-FL comparison", () => {
  const c = comparison();
  it("trains both losses for the stated number of steps on the same 1:1000 set, without diverging", () => {
    expect(c.split.ratio).toBe(1000);
    expect(c.split.train.negatives / c.split.train.positives).toBe(COMPARISON.ratio);
    for (const run of [c.ce, c.focal]) {
      expect(run.diverged).toBe(false);
      expect(run.lastLoss).toBeLessThan(run.firstLoss);
    }
  });
  it("both average precisions are real numbers well above chance", () => {
    for (const run of [c.ce, c.focal]) {
      expect(run.ap).toBeGreaterThan(10 * c.chanceAp);
      expect(run.ap).toBeLessThanOrEqual(1);
    }
  });
  it("reproduces the acceptance shares: easy negatives > 50% of CE, < 1% of FL at the prior initialisation", () => {
    expect(c.easyShareAtInit.ce).toBeGreaterThan(0.5);
    expect(c.easyShareAtInit.focal).toBeLessThan(0.01);
  });
});

describe("hardestNegativesShare", () => {
  it("is 1 for the whole set, grows with the fraction, and concentrates as γ grows", () => {
    expect(hardestNegativesShare(2, 1)).toBeCloseTo(1, 12);
    expect(hardestNegativesShare(0, 0.05)).toBeLessThan(hardestNegativesShare(0, 0.2));
    expect(hardestNegativesShare(2, 0.05)).toBeGreaterThan(hardestNegativesShare(0, 0.05));
  });
});
