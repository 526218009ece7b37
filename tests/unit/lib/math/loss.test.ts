import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  alphaT,
  balancedCrossEntropy,
  crossEntropy,
  focalLoss,
  focalLossBatch,
  focalLossFromLogit,
  focalLossGradLogit,
  linearHeadFocalLoss,
  modulatingFactor,
  priorBias,
  pt,
  sampleCurve,
  sigmoid,
  type Alpha,
  type Label,
} from "../../../../src/lib/math/loss";
import { loadReference, relativeError } from "../../../support/reference";

interface GridCase {
  p: number;
  y: Label;
  alpha: Alpha;
  gamma: number;
  pt: number;
  alpha_t: number;
  modulating: number;
  ce: number;
  balanced_ce: number;
  fl: number;
}
interface LogitCase {
  logit: number;
  y: Label;
  alpha: Alpha;
  gamma: number;
  p: number;
  pt: number;
  ce: number;
  balanced_ce: number;
  fl: number;
  dfl_dlogit: number;
  torchvision_fl: number;
  torch_dfl_dlogit: number;
}
interface Batch {
  alpha: number;
  gamma: number;
  features: number[][];
  labels: number[];
  weights: number[];
  bias: number;
  loss: number;
  dloss_dweights: number[];
  dloss_dbias: number;
}
interface ArticleCase {
  scenario: string;
  cls: string;
  p: number;
  y: Label;
  alpha: number;
  gamma: number;
  ce: number;
  balanced_ce: number;
  fl: number;
  ce_over_fl: number;
}

const grid = loadReference<{ cases: GridCase[] }>("probability-grid.json").cases;
const logits = loadReference<{ cases: LogitCase[] }>("logit-cases.json").cases;
const batches = loadReference<{ batches: Batch[] }>("linear-head-batches.json").batches;
const article = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;

/** Largest relative error of `actual` against `expected` over the cases, with the worst case. */
function worst<T>(cases: T[], actual: (c: T) => number, expected: (c: T) => number) {
  let max = 0;
  let at: T | undefined;
  for (const c of cases) {
    const e = relativeError(actual(c), expected(c));
    if (e > max || Number.isNaN(e)) {
      max = e;
      at = c;
    }
  }
  return { max, at };
}

describe("probability grid against 60-digit truth", () => {
  it("has the cases the README describes", () => {
    expect(grid.length).toBeGreaterThan(600);
  });
  it.each([
    ["pt", (c: GridCase) => pt(c.p, c.y), (c: GridCase) => c.pt],
    ["alphaT", (c: GridCase) => alphaT(c.alpha, c.y), (c: GridCase) => c.alpha_t],
    ["modulatingFactor", (c: GridCase) => modulatingFactor(c.p, c.y, c.gamma), (c: GridCase) => c.modulating],
    ["crossEntropy", (c: GridCase) => crossEntropy(c.p, c.y), (c: GridCase) => c.ce],
    ["balancedCrossEntropy", (c: GridCase) => balancedCrossEntropy(c.p, c.y, c.alpha), (c: GridCase) => c.balanced_ce],
    ["focalLoss", (c: GridCase) => focalLoss(c.p, c.y, { alpha: c.alpha, gamma: c.gamma }), (c: GridCase) => c.fl],
  ] as const)("%s within 1e-12 relative", (_name, actual, expected) => {
    const { max, at } = worst(grid, actual, expected);
    expect(max, `worst case ${JSON.stringify(at)}`).toBeLessThanOrEqual(1e-12);
  });
});

describe("logit cases against 60-digit truth", () => {
  const params = (c: LogitCase) => ({ alpha: c.alpha, gamma: c.gamma });
  it("has 600 cases", () => expect(logits.length).toBe(600));
  it("CE (γ = 0, no α) within 1e-12", () => {
    const { max, at } = worst(
      logits,
      (c) => focalLossFromLogit(c.logit, c.y, { alpha: null, gamma: 0 }),
      (c) => c.ce,
    );
    expect(max, JSON.stringify(at)).toBeLessThanOrEqual(1e-12);
  });
  it("balanced CE (γ = 0) within 1e-12", () => {
    const { max, at } = worst(
      logits,
      (c) => focalLossFromLogit(c.logit, c.y, { alpha: c.alpha, gamma: 0 }),
      (c) => c.balanced_ce,
    );
    expect(max, JSON.stringify(at)).toBeLessThanOrEqual(1e-12);
  });
  it("FL within 1e-12", () => {
    const { max, at } = worst(
      logits,
      (c) => focalLossFromLogit(c.logit, c.y, params(c)),
      (c) => c.fl,
    );
    expect(max, JSON.stringify(at)).toBeLessThanOrEqual(1e-12);
  });
  it("dFL/dx within 1e-10 and finite everywhere", () => {
    const { max, at } = worst(
      logits,
      (c) => focalLossGradLogit(c.logit, c.y, params(c)),
      (c) => c.dfl_dlogit,
    );
    expect(max, JSON.stringify(at)).toBeLessThanOrEqual(1e-10);
    for (const c of logits) expect(Number.isFinite(focalLossGradLogit(c.logit, c.y, params(c)))).toBe(true);
  });
  it("beats torchvision where torchvision drifts or returns NaN", () => {
    // The peer fields show why the stable form matters: torchvision is off by
    // more than 1e-6 on some cases and has NaN gradients; ours is not and has none.
    const drifted = logits.filter((c) => relativeError(c.torchvision_fl, c.fl) > 1e-6);
    const nanGrads = logits.filter((c) => Number.isNaN(c.torch_dfl_dlogit));
    expect(drifted.length + nanGrads.length).toBeGreaterThan(0);
    for (const c of [...drifted, ...nanGrads]) {
      expect(relativeError(focalLossFromLogit(c.logit, c.y, params(c)), c.fl)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(focalLossGradLogit(c.logit, c.y, params(c)), c.dfl_dlogit)).toBeLessThanOrEqual(1e-10);
    }
  });
});

describe("linear-head batches against torch autograd", () => {
  it.each(batches.map((b, i) => [i, b] as const))("batch %i: loss and gradients within 1e-10", (_i, b) => {
    const r = linearHeadFocalLoss(b.features, b.labels, b.weights, b.bias, { alpha: b.alpha, gamma: b.gamma });
    expect(relativeError(r.loss, b.loss)).toBeLessThanOrEqual(1e-10);
    expect(relativeError(r.dBias, b.dloss_dbias)).toBeLessThanOrEqual(1e-10);
    r.dWeights.forEach((g, j) => expect(relativeError(g, b.dloss_dweights[j]!)).toBeLessThanOrEqual(1e-10));
  });
  it("normalises by max(1, positives)", () => {
    const one = focalLossBatch([0.3], [0], { alpha: 0.25, gamma: 2 });
    expect(one.positives).toBe(0);
    expect(one.loss).toBe(focalLossFromLogit(0.3, 0, { alpha: 0.25, gamma: 2 }));
    const two = focalLossBatch([0.3, -1, 2], [1, 0, 1], { alpha: 0.25, gamma: 2 });
    const sum = [0.3, -1, 2].reduce(
      (s, x, i) => s + focalLossFromLogit(x, ([1, 0, 1] as Label[])[i]!, { alpha: 0.25, gamma: 2 }),
      0,
    );
    expect(relativeError(two.loss, sum / 2)).toBeLessThan(1e-15);
  });
});

describe("article examples against 60-digit truth", () => {
  it.each(article.map((c) => [c.scenario, c.cls, c] as const))("%s %s", (_s, _c, c) => {
    const params = { alpha: c.alpha, gamma: c.gamma };
    const fl = focalLoss(c.p, c.y, params);
    expect(relativeError(crossEntropy(c.p, c.y), c.ce)).toBeLessThanOrEqual(1e-12);
    expect(relativeError(balancedCrossEntropy(c.p, c.y, c.alpha), c.balanced_ce)).toBeLessThanOrEqual(1e-12);
    expect(relativeError(fl, c.fl)).toBeLessThanOrEqual(1e-12);
    expect(relativeError(crossEntropy(c.p, c.y) / fl, c.ce_over_fl)).toBeLessThanOrEqual(1e-12);
  });
});

describe("edge cases", () => {
  it("p_t = 0 gives an infinite loss, not NaN", () => {
    expect(crossEntropy(0, 1)).toBe(Infinity);
    expect(crossEntropy(1, 0)).toBe(Infinity);
    expect(focalLoss(0, 1, { alpha: 0.25, gamma: 2 })).toBe(Infinity);
    expect(focalLoss(1, 0, { alpha: 0.25, gamma: 0 })).toBe(Infinity);
  });
  it("p_t = 1 gives 0", () => {
    expect(crossEntropy(1, 1)).toBe(0);
    expect(crossEntropy(0, 0)).toBe(0);
    expect(focalLoss(1, 1, { alpha: 0.25, gamma: 0 })).toBe(0);
    expect(focalLoss(0, 0, { alpha: 0.25, gamma: 0 })).toBe(0);
  });
  it("0^0 = 1: γ = 0 at p_t = 1", () => {
    expect(modulatingFactor(1, 1, 0)).toBe(1);
  });
  it("α_t = 0 silences even an infinite CE", () => {
    expect(focalLoss(1, 0, { alpha: 1, gamma: 2 })).toBe(0);
    expect(balancedCrossEntropy(0, 1, 0)).toBe(0);
  });
  it("γ = 0 is exactly the balanced CE", () => {
    for (const p of [1e-9, 0.05, 0.3, 0.95, 1 - 1e-9]) {
      for (const y of [0, 1] as const) {
        expect(focalLoss(p, y, { alpha: 0.25, gamma: 0 })).toBe(balancedCrossEntropy(p, y, 0.25));
      }
    }
  });
  it("gradients stay finite for extreme logits", () => {
    for (const x of [-800, -40, 40, 800, Infinity, -Infinity]) {
      for (const y of [0, 1] as const) {
        for (const gamma of [0, 0.3, 2]) {
          const g = focalLossGradLogit(x, y, { alpha: 0.25, gamma });
          expect(Number.isNaN(g)).toBe(false);
        }
      }
    }
  });
  it("prior bias π = 0.01 gives σ(b) = π", () => {
    expect(relativeError(sigmoid(priorBias(0.01)), 0.01)).toBeLessThan(1e-15);
  });
});

describe("validation messages name the parameter, the value and the range", () => {
  const fl = { alpha: 0.25, gamma: 2 };
  it.each([
    ["p above 1", () => crossEntropy(1.5, 1), /p must be a number in \[0, 1\]; got 1\.5/],
    ["p negative", () => pt(-0.1, 1), /p must be a number in \[0, 1\]; got -0\.1/],
    ["p NaN", () => focalLoss(NaN, 1, fl), /p must be a number in \[0, 1\]; got NaN/],
    ["y = 2", () => pt(0.5, 2 as Label), /y must be 0 \(background\) or 1 \(foreground\); got 2/],
    ["α above 1", () => alphaT(1.2, 1), /alpha must be a number in \[0, 1\] or null \(no weighting\); got 1\.2/],
    ["α negative", () => balancedCrossEntropy(0.5, 1, -0.5), /alpha must .*; got -0\.5/],
    ["γ negative", () => focalLoss(0.5, 1, { alpha: null, gamma: -1 }), /gamma must be a finite number ≥ 0; got -1/],
    ["γ NaN", () => modulatingFactor(0.5, 1, NaN), /gamma must be a finite number ≥ 0; got NaN/],
    ["γ infinite", () => focalLossFromLogit(0, 1, { alpha: null, gamma: Infinity }), /gamma must .*; got Infinity/],
    ["x NaN", () => focalLossGradLogit(NaN, 1, fl), /x must be a number \(logit\), not NaN; got NaN/],
    ["points < 2", () => sampleCurve((x) => x, { from: 0, to: 1, points: 1 }), /points must be an integer ≥ 2; got 1/],
    [
      "ragged batch",
      () => focalLossBatch([1, 2], [1], fl),
      /labels\.length must be equal to logits\.length \(2\); got 1/,
    ],
  ])("%s", (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});

describe("sampleCurve", () => {
  it("samples evenly with both endpoints exact", () => {
    const pts = sampleCurve((x) => x * x, { from: 0.1, to: 0.7, points: 7 });
    expect(pts).toHaveLength(7);
    expect(pts[0]!.x).toBe(0.1);
    expect(pts[6]!.x).toBe(0.7);
    expect(pts[3]!.y).toBeCloseTo(0.16, 15);
  });
});

describe("properties (fast-check)", () => {
  const prob = fc.double({ min: 0, max: 1, noNaN: true });
  const label = fc.constantFrom<Label>(0, 1);
  const alpha = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
  const gamma = fc.double({ min: 0, max: 5, noNaN: true });

  it("0 ≤ FL ≤ α_t·CE", () => {
    fc.assert(
      fc.property(prob, label, alpha, gamma, (p, y, a, g) => {
        const f = focalLoss(p, y, { alpha: a, gamma: g });
        return f >= 0 && f <= balancedCrossEntropy(p, y, a);
      }),
    );
  });
  it("FL decreases as p_t grows, for fixed γ and α", () => {
    fc.assert(
      fc.property(prob, prob, alpha, gamma, (a1, a2, a, g) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        return focalLoss(lo, 1, { alpha: a, gamma: g }) >= focalLoss(hi, 1, { alpha: a, gamma: g });
      }),
    );
  });
  it("FL with γ = 0 equals balanced CE", () => {
    fc.assert(
      fc.property(
        prob,
        label,
        alpha,
        (p, y, a) => focalLoss(p, y, { alpha: a, gamma: 0 }) === balancedCrossEntropy(p, y, a),
      ),
    );
  });
  it("logit and probability forms agree", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), label, alpha, gamma, (x, y, a, g) => {
        const p = sigmoid(x);
        fc.pre(p > 1e-6 && p < 1 - 1e-6);
        const fromLogit = focalLossFromLogit(x, y, { alpha: a, gamma: g });
        const fromProb = focalLoss(p, y, { alpha: a, gamma: g });
        // p carries one rounding, which the condition number of FL can amplify.
        return relativeError(fromProb, fromLogit, 1e-300) < 1e-8;
      }),
    );
  });
  it("gradient matches a central finite difference", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -15, max: 15, noNaN: true }),
        label,
        alpha,
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, y, a, g) => {
          const params = { alpha: a, gamma: g };
          const h = 1e-5;
          const fd = (focalLossFromLogit(x + h, y, params) - focalLossFromLogit(x - h, y, params)) / (2 * h);
          const grad = focalLossGradLogit(x, y, params);
          return Math.abs(fd - grad) <= 1e-6 * Math.max(1, Math.abs(grad)) + 1e-9;
        },
      ),
    );
  });
});
