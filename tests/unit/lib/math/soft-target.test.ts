import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { softTargetFocalLoss } from "../../../../src/lib/math/soft-target";
import { focalLossFromLogit, focalLossGradLogit, type Alpha } from "../../../../src/lib/math/loss";
import { relativeError } from "../../../support/reference";
import { FUZZ_RUNS, loadLocalReference } from "../../../support/local-reference";

interface SoftCase {
  logit: number;
  y: number;
  gamma: number;
  alpha: Alpha;
  pt: number;
  one_minus_pt: number;
  ce: number;
  fl: number;
  dfl_dlogit: number;
  grad_scale: number;
}
const cases = loadLocalReference<{ soft_target: SoftCase[] }>("multiclass-focal.json").soft_target;
const run = (c: SoftCase) => softTargetFocalLoss(c.logit, c.y, { alpha: c.alpha, gamma: c.gamma });

describe("soft-target focal loss against the mpmath reference", () => {
  it("covers hard and soft targets", () => {
    expect(cases.some((c) => c.y === 0) && cases.some((c) => c.y === 1)).toBe(true);
    expect(cases.filter((c) => c.y > 0 && c.y < 1).length).toBeGreaterThan(200);
  });

  it.each([
    ["fl", (c: SoftCase) => run(c).loss],
    ["ce", (c: SoftCase) => run(c).ce],
    ["pt", (c: SoftCase) => run(c).pt],
    ["one_minus_pt", (c: SoftCase) => run(c).oneMinusPt],
  ] as const)("%s within 1e-12 relative", (field, fn) => {
    let max = 0;
    for (const c of cases) max = Math.max(max, relativeError(fn(c), c[field], 1e-290));
    expect(max).toBeLessThan(1e-12);
  });

  // The gradient has two terms of opposite sign for a soft target and is 0 where they cancel
  // (the loss's minimum in x). There no floating-point formula is accurate relative to the
  // tiny difference, so the error is measured against the terms' size, grad_scale.
  it("d FL / dx within 1e-10 relative (relative to the terms' size where they cancel)", () => {
    let max = 0;
    for (const c of cases) {
      const err = Math.abs(run(c).grad - c.dfl_dlogit) / Math.max(Math.abs(c.dfl_dlogit), 1e-6 * c.grad_scale, 1e-300);
      max = Math.max(max, err);
    }
    expect(max).toBeLessThan(1e-10);
  });
});

describe("y ∈ {0, 1} is the hard focal loss of loss.ts", () => {
  it("loss and gradient agree over logits, γ and α", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.constantFrom(0, 1),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
        (x, y, gamma, alpha) => {
          const soft = softTargetFocalLoss(x, y, { alpha, gamma });
          expect(relativeError(soft.loss, focalLossFromLogit(x, y as 0 | 1, { alpha, gamma }))).toBeLessThan(1e-12);
          expect(relativeError(soft.grad, focalLossGradLogit(x, y as 0 | 1, { alpha, gamma }))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("properties", () => {
  const input = fc.record({
    x: fc.double({ min: -60, max: 60, noNaN: true }),
    y: fc.double({ min: 0, max: 1, noNaN: true }),
    gamma: fc.double({ min: 0, max: 5, noNaN: true }),
    alpha: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
  });
  it("finite, non-negative, never above its own cross-entropy term", () => {
    fc.assert(
      fc.property(input, ({ x, y, gamma, alpha }) => {
        const r = softTargetFocalLoss(x, y, { alpha, gamma });
        expect(Number.isFinite(r.loss) && r.loss >= 0 && Number.isFinite(r.grad)).toBe(true);
        expect(r.loss).toBeLessThanOrEqual(softTargetFocalLoss(x, y, { alpha, gamma: 0 }).loss);
        expect(relativeError(r.pt + r.oneMinusPt, 1)).toBeLessThan(1e-15);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
  // y and α on a grid of k/1024 so that 1 − y and 1 − α are exact and the swap is the same example.
  const onGrid = fc.integer({ min: 0, max: 1024 }).map((k) => k / 1024);
  const gridInput = fc.record({
    x: fc.double({ min: -60, max: 60, noNaN: true }),
    y: onGrid,
    gamma: fc.double({ min: 0, max: 5, noNaN: true }),
    alpha: fc.oneof(fc.constant(null), onGrid),
  });
  it("swapping the classes (x → −x, y → 1 − y, α → 1 − α) leaves the loss unchanged", () => {
    fc.assert(
      fc.property(gridInput, ({ x, y, gamma, alpha }) => {
        const a = softTargetFocalLoss(x, y, { alpha, gamma });
        const b = softTargetFocalLoss(-x, 1 - y, { alpha: alpha === null ? null : 1 - alpha, gamma });
        expect(relativeError(b.loss, a.loss, 1e-300)).toBeLessThan(1e-9);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("validation", () => {
  it.each([
    [
      () => softTargetFocalLoss(0, 1.5, { alpha: 0.25, gamma: 2 }),
      /y must be a number in \[0, 1\] \(soft target\); got 1\.5/,
    ],
    [() => softTargetFocalLoss(0, Number.NaN, { alpha: 0.25, gamma: 2 }), /y must be .*got NaN/],
    [
      () => softTargetFocalLoss(Infinity, 1, { alpha: 0.25, gamma: 2 }),
      /x must be a finite number \(logit\); got Infinity/,
    ],
    [
      () => softTargetFocalLoss(0, 1, { alpha: 1.25, gamma: 2 }),
      /alpha must be a number in \[0, 1\] or null.*got 1\.25/,
    ],
    [() => softTargetFocalLoss(0, 1, { alpha: 0.25, gamma: Number.NaN }), /gamma must be a finite number ≥ 0; got NaN/],
  ])("%#", (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
