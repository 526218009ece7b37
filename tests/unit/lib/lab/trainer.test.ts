import { describe, expect, it } from "vitest";
import {
  batchLossAndGradient,
  createTrainerOn,
  DEFAULT_TRAIN_SETTINGS,
  featureRows,
  initialModel,
  logitsOf,
  lossParams,
  train,
} from "../../../../src/lib/lab/trainer";
import { budgetOfPredictions } from "../../../../src/lib/views/loss-budget";
import { makeSplit } from "../../../../src/lib/lab/synthetic-data";
import { averagePrecision } from "../../../../src/lib/math/metrics";
import { priorBias } from "../../../../src/lib/math/loss";
import { loadReference, relativeError } from "../../../support/reference";

interface Batch {
  alpha: number | null;
  gamma: number;
  features: number[][];
  labels: number[];
  weights: number[];
  bias: number;
  loss: number;
  dloss_dweights: number[];
  dloss_dbias: number;
}
const batches = loadReference<{ batches: Batch[] }>("linear-head-batches.json").batches;

describe("the trainer's loss and gradients against torch autograd", () => {
  it.each(batches.map((b, i) => [i, b] as const))("batch %i: loss, dL/dw and dL/db within 1e-10", (_i, b) => {
    const r = batchLossAndGradient(
      b.features,
      b.labels,
      { weights: [...b.weights], bias: b.bias },
      { alpha: b.alpha, gamma: b.gamma },
    );
    expect(relativeError(r.loss, b.loss)).toBeLessThanOrEqual(1e-10);
    expect(relativeError(r.dBias, b.dloss_dbias)).toBeLessThanOrEqual(1e-10);
    r.dWeights.forEach((g, j) => expect(relativeError(g, b.dloss_dweights[j]!)).toBeLessThanOrEqual(1e-10));
  });

  it.each(batches.map((b, i) => [i, b] as const))(
    "batch %i: one SGD step moves by −η times the reference gradient",
    (_i, b) => {
      const lr = 0.5;
      const model = { weights: [...b.weights], bias: b.bias };
      const kind = b.gamma === 0 ? (b.alpha === null ? "ce" : "balanced") : "focal";
      const settings = {
        ...DEFAULT_TRAIN_SETTINGS,
        kind,
        alpha: b.alpha ?? 0.25,
        gamma: b.gamma,
        learningRate: lr,
        momentum: 0,
      } as const;
      // The settings must ask for exactly the reference's loss.
      expect(lossParams(settings)).toEqual({ alpha: b.alpha, gamma: b.gamma });
      const trainer = createTrainerOn(b.features, b.labels, model, settings);
      const reported = trainer.step();
      expect(relativeError(reported, b.loss)).toBeLessThanOrEqual(1e-10);
      expect(relativeError((model.bias - b.bias) / -lr, b.dloss_dbias)).toBeLessThanOrEqual(1e-10);
      model.weights.forEach((w, j) => {
        const delta = (w - b.weights[j]!) / -lr;
        // the subtraction w − w₀ cancels digits; bound the error by what the rounding of w₀ allows
        const tolerance =
          1e-10 + (4 * Number.EPSILON * Math.abs(b.weights[j]!)) / (lr * Math.abs(b.dloss_dweights[j]!));
        expect(relativeError(delta, b.dloss_dweights[j]!)).toBeLessThanOrEqual(tolerance);
      });
    },
  );
});

describe("initialisation", () => {
  it("starts the bias at the prior, or at 0, with tiny seeded weights", () => {
    const a = initialModel({ priorInit: true, prior: 0.01, seed: 3 });
    expect(a.bias).toBe(priorBias(0.01));
    expect(initialModel({ priorInit: false, prior: 0.01, seed: 3 }).bias).toBe(0);
    expect(a.weights.every((w) => Math.abs(w) < 0.05)).toBe(true);
    expect(initialModel({ priorInit: true, prior: 0.01, seed: 3 }).weights).toEqual(a.weights);
  });
});

describe("acceptance: easy negatives at 1:1000", () => {
  const split = makeSplit({ seed: 1, ratio: 1000 });
  const init = initialModel({ priorInit: true, prior: 0.01, seed: 1 });
  const logits = logitsOf(init, split.train);

  it("the data set really is 1:1000", () => {
    expect(split.train.negatives / split.train.positives).toBe(1000);
  });
  it("with CE at the prior initialisation, easy negatives (p_t > 0.9) carry more than half the loss", () => {
    const ce = budgetOfPredictions(logits, split.train.labels, "ce", { alpha: null, gamma: 0 });
    expect(ce.parts.easyNegatives.count).toBeGreaterThan(0.99 * split.train.negatives);
    expect(ce.parts.easyNegatives.share).toBeGreaterThan(0.5);
  });
  it("with FL (γ = 2, α = 0.25) on the same predictions, they carry less than 1%", () => {
    const fl = budgetOfPredictions(logits, split.train.labels, "focal", { alpha: 0.25, gamma: 2 });
    expect(fl.parts.easyNegatives.share).toBeLessThan(0.01);
  });
});

describe("training CE and FL on the same seeded set", () => {
  const split = makeSplit({ seed: 1, ratio: 100 }, { train: 10_000, test: 20_000 });
  const steps = 150;
  const ce = train(split.train, { ...DEFAULT_TRAIN_SETTINGS, kind: "ce", seed: 1 }, steps);
  const fl = train(split.train, { ...DEFAULT_TRAIN_SETTINGS, kind: "focal", gamma: 2, alpha: 0.25, seed: 1 }, steps);

  it("both take every step, and both losses fall", () => {
    for (const t of [ce, fl]) {
      expect(t.diverged).toBe(false);
      expect(t.steps).toBe(steps);
      expect(t.lossHistory.at(-1)!).toBeLessThan(t.lossHistory[0]!);
    }
  });
  it("both rank held-out objects far above chance (chance AP = the share of positives)", () => {
    const chance = split.test.positives / split.test.labels.length;
    for (const t of [ce, fl]) {
      const ap = averagePrecision(logitsOf(t.model, split.test), split.test.labels);
      expect(ap).toBeGreaterThan(10 * chance);
      expect(ap).toBeLessThanOrEqual(1);
    }
  });
  it("featureRows holds x1, x2, x1², x2², x1·x2 for each point", () => {
    const rows = featureRows(split.train);
    const x = split.train.x1[5]!;
    const y = split.train.x2[5]!;
    expect(Array.from(rows[5]!)).toEqual([x, y, x * x, y * y, x * y]);
  });
});
