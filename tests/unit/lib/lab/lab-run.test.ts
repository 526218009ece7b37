import { describe, expect, it } from "vitest";
import { CDF_GAMMAS, LabRun, thinHistory } from "../../../../src/lib/lab/lab-run";
import { DEFAULT_LAB_STATE } from "../../../../src/lib/state/lab-state";
import { createTrainer, DEFAULT_TRAIN_SETTINGS } from "../../../../src/lib/lab/trainer";

describe("thinHistory", () => {
  it("keeps at most the cap, in order, always with the first and the last step", () => {
    const losses = Array.from({ length: 1001 }, (_, i) => 1 / (i + 1));
    const thin = thinHistory(losses, 100);
    expect(thin.length).toBeLessThanOrEqual(101);
    expect(thin[0]).toEqual([0, 1]);
    expect(thin.at(-1)).toEqual([1000, 1 / 1001]);
    expect(thinHistory([5, 4])).toEqual([
      [0, 5],
      [1, 4],
    ]);
  }, 60_000);
});

describe("LabRun", () => {
  const state = { ...DEFAULT_LAB_STATE, ratio: 10, seed: 2 };

  it("trains the reader's model and the CE model from the same data in lock step", () => {
    const run = new LabRun(state);
    run.step(4);
    expect(run.steps).toBe(4);
    expect(run.trainer("ce")!.steps).toBe(4);
    // the CE twin is exactly what a lone CE trainer on the same data does
    const alone = createTrainer(run.split.train, {
      ...DEFAULT_TRAIN_SETTINGS,
      kind: "ce",
      gamma: 0,
      alpha: state.alpha,
      seed: 2,
    });
    for (let i = 0; i < 4; i++) alone.step();
    expect(run.trainer("ce")!.lossHistory).toEqual(alone.lossHistory);
  }, 60_000);

  it("has no CE twin when side by side is off", () => {
    expect(new LabRun({ ...state, compare: false }).snapshot(false).models.map((m) => m.id)).toEqual(["yours"]);
  }, 60_000);

  it("changes the loss mid-run without resetting the weights", () => {
    const run = new LabRun(state);
    run.step(2);
    const weights = [...run.trainer("yours")!.model.weights];
    run.setLoss({ kind: "focal", gamma: 0.5, alpha: 0.25 });
    expect(run.trainer("yours")!.model.weights).toEqual(weights);
    expect(run.snapshot(false).models[0]!.choice.gamma).toBe(0.5);
    run.step(1);
    expect(run.steps).toBe(3);
  }, 60_000);

  it("gives loss distributions at each γ of the chart, each ending at 100%", () => {
    const run = new LabRun(state);
    run.step(2);
    const s = run.snapshot(true);
    expect(s.cdf!.map((c) => c.gamma)).toEqual([...CDF_GAMMAS]);
    for (const c of s.cdf!) {
      expect(c.positives.at(-1)!.cumulative).toBeCloseTo(1, 12);
      expect(c.negatives.at(-1)!.cumulative).toBeCloseTo(1, 12);
    }
    expect(s.chanceAp).toBeCloseTo(run.split.test.positives / run.split.test.labels.length, 15);
  }, 60_000);
});
