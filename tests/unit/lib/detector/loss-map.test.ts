import { describe, expect, it } from "vitest";
import { crossEntropy, focalLoss, focalLossBatch, sigmoid, type Label } from "../../../../src/lib/math/loss";
import { cumulativeLossDistribution } from "../../../../src/lib/math/metrics";
import { assignAnchors, type GroundTruth } from "../../../../src/lib/detector/assignment";
import { detectorSetup, detectorView } from "../../../../src/lib/detector/detector-view";
import { lossCdfs, lossMap, shareOfHardest, termGroup, trainingTerms } from "../../../../src/lib/detector/loss-map";
import {
  baseLogits,
  DEFAULT_SCORE_MODEL,
  modelLogits,
  scoredAnchors,
  scoreNoise,
} from "../../../../src/lib/detector/score-model";
import { SCENE_OBJECTS } from "../../../../src/lib/detector/scene";
import { anchorSetOf } from "./fixtures";

const setup = detectorSetup();
const view = detectorView(setup, SCENE_OBJECTS, 0.25, 2);

describe("trainingTerms", () => {
  it("has K terms per anchor that is not ignored, with one target 1 per foreground anchor", () => {
    const { counts } = view.assignment;
    expect(view.terms.labels.length).toBe((counts.foreground + counts.background) * 3);
    expect(view.terms.positives).toBe(counts.foreground);
  });
});

describe("lossMap", () => {
  it("the per-anchor losses add up to the module's batch loss on the same scores, for each loss", () => {
    for (const kind of ["ce", "balanced", "focal"] as const) {
      const m = view.maps[kind];
      const batch = focalLossBatch(view.terms.logits, view.terms.labels, m.params);
      expect(Math.abs(m.perAnchor.reduce((s, v) => s + v, 0) / m.normaliser / batch.loss - 1), kind).toBeLessThan(
        1e-12,
      );
      expect(m.total).toBe(batch.loss);
      expect(m.sum / m.normaliser).toBeCloseTo(batch.loss, 12);
    }
  });

  it("divides by the number of anchors assigned to an object", () => {
    expect(view.maps.focal.normaliser).toBe(view.assignment.counts.foreground);
  });

  it("floors the normaliser at 1 for an image with no object", () => {
    const anchors = anchorSetOf([
      { x0: 0, y0: 0, x1: 10, y1: 10 },
      { x0: 20, y0: 0, x1: 30, y1: 10 },
    ]);
    const a = assignAnchors(anchors, [], 1);
    const logits = new Float64Array([-2, 1]);
    const m = lossMap(trainingTerms(a, [], logits), 2, "ce", 0.25, 2);
    expect(m.normaliser).toBe(1);
    expect(m.total).toBeCloseTo(crossEntropy(sigmoid(-2), 0) + crossEntropy(sigmoid(1), 0), 12);
    expect(m.termCounts).toEqual({ positive: 0, easyNegative: 1, hardNegative: 1 });
  });

  it("works a hand case: one positive at x = 2, one easy negative at x = −3, focal loss α = 0.25, γ = 2", () => {
    const objects: GroundTruth[] = [{ box: { x0: 0, y0: 0, x1: 10, y1: 10 }, classIndex: 0 }];
    const anchors = anchorSetOf([
      { x0: 0, y0: 0, x1: 10, y1: 10 },
      { x0: 50, y0: 50, x1: 60, y1: 60 },
    ]);
    const a = assignAnchors(anchors, objects, 1);
    const m = lossMap(trainingTerms(a, objects, new Float64Array([2, -3])), 2, "focal", 0.25, 2);
    const pos = focalLoss(sigmoid(2), 1, { alpha: 0.25, gamma: 2 });
    const neg = focalLoss(sigmoid(-3), 0, { alpha: 0.25, gamma: 2 });
    expect(m.perAnchor[0]).toBeCloseTo(pos, 12);
    expect(m.perAnchor[1]).toBeCloseTo(neg, 12);
    expect(m.lossShare.positive).toBeCloseTo(pos / (pos + neg), 12);
    expect(m.lossShare.easyNegative).toBeCloseTo(neg / (pos + neg), 12);
  });

  it("on the chapter's image, CE's loss and gradient come mostly from easy negatives, and focal loss shrinks their share", () => {
    const ce = view.maps.ce;
    const fl = view.maps.focal;
    expect(ce.lossShare.easyNegative).toBeGreaterThan(0.9);
    expect(fl.lossShare.easyNegative).toBeLessThan(ce.lossShare.easyNegative);
    expect(fl.gradientShare.easyNegative).toBeLessThan(ce.gradientShare.easyNegative);
    for (const m of [ce, fl]) {
      expect(m.gradientShare.positive + m.gradientShare.easyNegative + m.gradientShare.hardNegative).toBeCloseTo(1, 12);
    }
  });
});

describe("termGroup", () => {
  it("calls a negative easy when p_t > 0.5 (logit below 0)", () => {
    expect(termGroup(-0.1, 0)).toBe("easyNegative");
    expect(termGroup(0, 0)).toBe("hardNegative");
    expect(termGroup(-5, 1)).toBe("positive");
  });
});

describe("score model", () => {
  it("is the stated formula: (b + noise·z) + slope·max(0, IoU − floor), with the seeded draws", () => {
    const anchors = anchorSetOf([
      { x0: 0, y0: 0, x1: 10, y1: 10 },
      { x0: 0, y0: 0, x1: 10, y1: 5 },
    ]);
    const a = assignAnchors(anchors, [{ box: { x0: 0, y0: 0, x1: 10, y1: 10 }, classIndex: 0 }], 2);
    const z = scoreNoise(7, 4);
    const x = modelLogits(a, baseLogits(z, DEFAULT_SCORE_MODEL), DEFAULT_SCORE_MODEL);
    const m = DEFAULT_SCORE_MODEL;
    expect(x[0]).toBeCloseTo(m.backgroundLogit + m.slope * (1 - m.floor) + m.noise * z[0]!, 12);
    expect(x[1]).toBeCloseTo(m.backgroundLogit + m.noise * z[1]!, 12); // class 1 has no object
    expect(x[2]).toBeCloseTo(m.backgroundLogit + m.slope * (0.5 - m.floor) + m.noise * z[2]!, 12);
    expect([...scoredAnchors(a, m)]).toEqual([0, 1]);
    expect(scoreNoise(7, 4)).toEqual(z);
    expect(m.backgroundLogit).toBeCloseTo(Math.log(0.01 / 0.99), 12);
  });
});

describe("lossCdfs (Figure 4)", () => {
  it("is the module's CDF of the focal losses of each group", () => {
    const cdfs = lossCdfs(view.terms, [2], 11);
    const neg: number[] = [];
    for (let t = 0; t < view.terms.labels.length; t++) {
      if (view.terms.labels[t] === 0)
        neg.push(focalLoss(sigmoid(view.terms.logits[t]!), 0 as Label, { alpha: null, gamma: 2 }));
    }
    const expected = cumulativeLossDistribution(neg, 11);
    cdfs[0]!.negatives.forEach((p, j) => expect(p.cumulative).toBeCloseTo(expected[j]!.cumulative, 6));
  });

  it("concentrates the negatives' loss in the hardest few as γ grows", () => {
    const cdfs = lossCdfs(view.terms, [0, 2]);
    expect(shareOfHardest(cdfs[1]!.negatives, 0.01)).toBeGreaterThan(shareOfHardest(cdfs[0]!.negatives, 0.01));
    expect(shareOfHardest([], 0.2)).toBe(0);
  });
});
