import { describe, expect, it } from "vitest";
import { reduceLosses, reductionDivisor } from "../../../../src/lib/math/reduction";
import { focalLossBatch, focalLossFromLogit } from "../../../../src/lib/math/loss";

const losses = [0.5, 2, 0.25, 1.25];

describe("reduceLosses", () => {
  it("none returns each loss, weighted", () => {
    expect([...reduceLosses(losses, "none", { weights: [1, 0, 2, 1] })]).toEqual([0.5, 0, 0.5, 1.25]);
  });
  it("sum, mean (over every element) and sum over positives (floored at 1)", () => {
    expect(reduceLosses(losses, "sum")).toBe(4);
    expect(reduceLosses(losses, "mean")).toBe(1);
    expect(reduceLosses(losses, "sum-over-positives", { positives: 2 })).toBe(2);
    expect(reduceLosses(losses, "sum-over-positives", { positives: 0 })).toBe(4);
  });
  it("a zero weight leaves out an element even when its loss is infinite", () => {
    expect(reduceLosses([1, Infinity], "sum", { weights: [1, 0] })).toBe(1);
  });
  it("sum over positives is what RetinaNet's batch normalisation in loss.ts computes", () => {
    const logits = [2, -3, 0.5, -6, 4];
    const labels = [1, 0, 0, 0, 1] as const;
    const params = { alpha: 0.25, gamma: 2 };
    const each = logits.map((x, i) => focalLossFromLogit(x, labels[i]!, params));
    expect(reduceLosses(each, "sum-over-positives", { positives: 2 })).toBeCloseTo(
      focalLossBatch(logits, labels, params).loss,
      15,
    );
  });
  it.each([
    [
      () => reduceLosses(losses, "average" as never),
      /reduction must be one of "none", "sum", "mean", "sum-over-positives"; got average/,
    ],
    [() => reduceLosses(losses, "sum-over-positives"), /positives must be an integer ≥ 0 .*got undefined/],
    [() => reduceLosses(losses, "sum-over-positives", { positives: 1.5 }), /positives must be .*got 1\.5/],
    [
      () => reduceLosses(losses, "sum", { weights: [1] }),
      /weights\.length must be equal to losses\.length \(4\); got 1/,
    ],
    [() => reduceLosses([1, Number.NaN], "sum"), /losses\[1\] must be a number ≥ 0; got NaN/],
    [() => reduceLosses([1, 2], "sum", { weights: [1, -1] }), /weights\[1\] must be a finite number ≥ 0; got -1/],
  ])("rejects bad input %#", (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
  it("divisor of an empty mean is 1, not 0", () => {
    expect(reductionDivisor("mean", 0)).toBe(1);
    expect(reduceLosses([], "mean")).toBe(0);
  });
});
