import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  logSumExp,
  softmax,
  softmaxFocalLoss,
  trueClassMargin,
  type ClassAlpha,
} from "../../../../src/lib/math/softmax-focal";
import { focalLossFromLogit, focalLossGradLogit } from "../../../../src/lib/math/loss";
import { relativeError } from "../../../support/reference";
import { FUZZ_RUNS, loadLocalReference } from "../../../support/local-reference";

interface SoftmaxCase {
  logits: number[];
  target: number;
  gamma: number;
  alpha: ClassAlpha;
  pt: number;
  one_minus_pt: number;
  ce: number;
  fl: number;
  grad: number[];
}
const cases = loadLocalReference<{ softmax: SoftmaxCase[] }>("multiclass-focal.json").softmax;

describe("softmax focal loss against the mpmath reference", () => {
  it("covers K = 2, 3, 5, 10 with confident examples", () => {
    expect(new Set(cases.map((c) => c.logits.length))).toEqual(new Set([2, 3, 5, 10]));
    expect(cases.some((c) => c.one_minus_pt < 1e-10)).toBe(true);
  });

  it.each([
    ["fl", (c: SoftmaxCase) => softmaxFocalLoss(c.logits, c.target, c).loss],
    ["ce", (c: SoftmaxCase) => softmaxFocalLoss(c.logits, c.target, c).ce],
    ["pt", (c: SoftmaxCase) => softmaxFocalLoss(c.logits, c.target, c).pt],
    ["one_minus_pt", (c: SoftmaxCase) => softmaxFocalLoss(c.logits, c.target, c).oneMinusPt],
  ] as const)("%s within 1e-12 relative", (field, fn) => {
    let max = 0;
    for (const c of cases) max = Math.max(max, relativeError(fn(c), c[field]));
    expect(max).toBeLessThan(1e-12);
  });

  it("every partial derivative within 1e-10 relative", () => {
    let max = 0;
    for (const c of cases) {
      const { grad } = softmaxFocalLoss(c.logits, c.target, c);
      c.grad.forEach((g, j) => {
        max = Math.max(max, relativeError(grad[j]!, g, 1e-290));
      });
    }
    expect(max).toBeLessThan(1e-10);
  });
});

describe("K = 2 is the binary focal loss at x = z1 − z0", () => {
  const pair = fc.tuple(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }));
  it("loss and gradients agree, with α = [1 − α, α]", () => {
    fc.assert(
      fc.property(
        pair,
        fc.constantFrom(0, 1),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([z0, z1], y, gamma, alpha) => {
          const multi = softmaxFocalLoss([z0, z1], y, { gamma, alpha: [1 - alpha, alpha] });
          const x = z1 - z0;
          const binary = { alpha, gamma };
          expect(relativeError(multi.loss, focalLossFromLogit(x, y as 0 | 1, binary))).toBeLessThan(1e-12);
          const g = focalLossGradLogit(x, y as 0 | 1, binary);
          expect(relativeError(multi.grad[1]!, g)).toBeLessThan(1e-12);
          expect(relativeError(multi.grad[0]!, -g)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("properties", () => {
  const example = fc.integer({ min: 2, max: 8 }).chain((k) =>
    fc.record({
      logits: fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { minLength: k, maxLength: k }),
      target: fc.integer({ min: 0, max: k - 1 }),
      gamma: fc.double({ min: 0, max: 5, noNaN: true }),
      alpha: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  );

  it("is finite and non-negative, and never more than its cross-entropy", () => {
    fc.assert(
      fc.property(example, (e) => {
        const fl = softmaxFocalLoss(e.logits, e.target, e);
        const ce = softmaxFocalLoss(e.logits, e.target, { gamma: 0, alpha: e.alpha });
        expect(Number.isFinite(fl.loss) && fl.loss >= 0).toBe(true);
        expect(fl.loss).toBeLessThanOrEqual(ce.loss);
        expect(fl.grad.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("is unchanged by relabelling the classes (permuting logits and the target together)", () => {
    fc.assert(
      fc.property(example, fc.integer({ min: 0, max: 1 << 20 }), (e, seed) => {
        const k = e.logits.length;
        const perm = Array.from({ length: k }, (_, i) => i).sort(
          (a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97),
        );
        const permuted = perm.map((j) => e.logits[j]!);
        const target = perm.indexOf(e.target);
        const a = softmaxFocalLoss(e.logits, e.target, e);
        const b = softmaxFocalLoss(permuted, target, e);
        expect(relativeError(b.loss, a.loss)).toBeLessThan(1e-12);
        perm.forEach((j, i) => expect(relativeError(b.grad[i]!, a.grad[j]!, 1e-300)).toBeLessThan(1e-9));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("gradients sum to zero (adding a constant to every logit changes nothing)", () => {
    fc.assert(
      fc.property(example, (e) => {
        const { grad } = softmaxFocalLoss(e.logits, e.target, e);
        const scale = grad.reduce((s, g) => s + Math.abs(g), 0);
        expect(Math.abs(grad.reduce((s, g) => s + g, 0))).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("stays finite for γ < 1 at a confident example, where q^(γ−1) would be infinite", () => {
    const r = softmaxFocalLoss([800, 0, -5], 0, { gamma: 0.5, alpha: null });
    expect(r.oneMinusPt).toBe(0);
    expect(r.grad.every((g) => g === 0)).toBe(true);
    const near = softmaxFocalLoss([40, 0, -5], 0, { gamma: 0.5, alpha: null });
    expect(near.grad.every((g) => Number.isFinite(g))).toBe(true);
    expect(near.grad[1]! > 0 && near.grad[0]! < 0).toBe(true);
  });
});

describe("helpers", () => {
  it("softmax sums to 1 and does not overflow", () => {
    const p = softmax([1000, 999, -1000]);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 15);
    expect(p[0]! / p[1]!).toBeCloseTo(Math.E, 12);
  });
  it("logSumExp of an empty selection is −∞; the margin of a two-class pair is the difference", () => {
    expect(logSumExp([3], 0)).toBe(-Infinity);
    expect(trueClassMargin([1.5, -2], 0)).toBe(3.5);
  });
});

describe("validation names the parameter, the value and the range", () => {
  it.each([
    [() => softmaxFocalLoss([1], 0, { gamma: 2, alpha: null }), /logits\.length must be at least 2.*got 1/],
    [
      () => softmaxFocalLoss([1, Number.NaN], 0, { gamma: 2, alpha: null }),
      /logits\[1\] must be a finite number; got NaN/,
    ],
    [
      () => softmaxFocalLoss([1, Infinity], 0, { gamma: 2, alpha: null }),
      /logits\[1\] must be a finite number; got Infinity/,
    ],
    [
      () => softmaxFocalLoss([1, 2], 2, { gamma: 2, alpha: null }),
      /target must be an integer class index in \[0, 1\]; got 2/,
    ],
    [() => softmaxFocalLoss([1, 2], 0.5, { gamma: 2, alpha: null }), /target must be .*got 0\.5/],
    [() => softmaxFocalLoss([1, 2], 0, { gamma: -1, alpha: null }), /gamma must be a finite number ≥ 0; got -1/],
    [
      () => softmaxFocalLoss([1, 2], 0, { gamma: 2, alpha: [0.5] }),
      /alpha\.length must be equal to the number of classes \(2\); got 1/,
    ],
    [
      () => softmaxFocalLoss([1, 2], 0, { gamma: 2, alpha: [0.5, -1] }),
      /alpha\[1\] must be a finite number ≥ 0; got -1/,
    ],
    [() => softmaxFocalLoss([1, 2], 0, { gamma: 2, alpha: Number.NaN }), /alpha must be .*got NaN/],
  ])("%#", (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
