import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { averagePrecision, cumulativeLossDistribution, precisionRecallCurve } from "../../../../src/lib/math/metrics";

describe("averagePrecision", () => {
  it("matches scikit-learn's documented example (0.8333…)", () => {
    // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333333333333333
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(5 / 6, 15);
  });
  it("is 1 for a perfect ranking and the positive rate when every score ties", () => {
    expect(averagePrecision([0.9, 0.8, 0.1, 0.05], [1, 1, 0, 0])).toBe(1);
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5, 0.5], [1, 0, 0, 0, 1])).toBeCloseTo(2 / 5, 15);
  });
  it("works by hand on an interleaved ranking: ½·1 + ½·⅔", () => {
    expect(averagePrecision([4, 3, 2, 1], [1, 0, 1, 0])).toBeCloseTo(0.5 + 0.5 * (2 / 3), 15);
  });
  it("is 0 without positives and never NaN on any finite scores", () => {
    expect(averagePrecision([1, 2, 3], [0, 0, 0])).toBe(0);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true }), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 60 }),
        (pairs) => {
          const ap = averagePrecision(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          return ap >= 0 && ap <= 1 + 1e-12;
        },
      ),
    );
  });
  it("refuses scores and labels of different lengths", () => {
    expect(() => averagePrecision([1, 2], [1])).toThrow(RangeError);
  });
});

describe("precisionRecallCurve", () => {
  it("steps once per positive, ending at recall 1", () => {
    expect(precisionRecallCurve([4, 3, 2, 1], [1, 0, 1, 0])).toEqual([
      { recall: 0.5, precision: 1 },
      { recall: 1, precision: 2 / 3 },
    ]);
  });
});

describe("cumulativeLossDistribution", () => {
  it("is the diagonal when every example carries the same loss", () => {
    const cdf = cumulativeLossDistribution([2, 2, 2, 2], 5);
    expect(cdf.map((p) => p.cumulative)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(cdf.map((p) => p.fraction)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it("stays at 0 until the one example that carries all the loss", () => {
    const losses = [...new Array(99).fill(0), 7];
    const cdf = cumulativeLossDistribution(losses, 11);
    expect(cdf.slice(0, 10).every((p) => p.cumulative === 0)).toBe(true);
    expect(cdf[10]).toEqual({ fraction: 1, cumulative: 1 });
  });
  it("sorts before it adds up, whatever the input order", () => {
    expect(cumulativeLossDistribution([3, 1], 3)).toEqual([
      { fraction: 0, cumulative: 0 },
      { fraction: 0.5, cumulative: 0.25 },
      { fraction: 1, cumulative: 1 },
    ]);
  });
  it("is empty when there is no loss to distribute", () => {
    expect(cumulativeLossDistribution([])).toEqual([]);
    expect(cumulativeLossDistribution([0, 0])).toEqual([]);
    expect(cumulativeLossDistribution([1, Infinity])).toEqual([]);
  });
});
