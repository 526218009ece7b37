import { describe, expect, it } from "vitest";
import { ANCHOR_COUNT, BACKGROUND, IGNORED } from "../../../../src/lib/detector-lab/anchor-grid";
import {
  DEFAULT_DETECTOR_SETTINGS,
  DetectorRun,
  anchorAp,
  heldOutScenes,
  lossTargets,
} from "../../../../src/lib/detector-lab/detector-run";
import { createWorkspace, forward } from "../../../../src/lib/convnet/network";
import { focalLossBatch } from "../../../../src/lib/math/loss";

const small = { ...DEFAULT_DETECTOR_SETTINGS, batchSize: 2 };

describe("lossTargets", () => {
  it("leaves ignored anchors out and labels each kept anchor once per class", () => {
    const [scene] = heldOutScenes(3, 1);
    const { index, label } = lossTargets(scene!.assignment);
    const kept = scene!.assignment.filter((a) => a !== IGNORED).length;
    expect(index.length).toBe(2 * kept);
    const positives = scene!.assignment.filter((a) => a !== IGNORED && a !== BACKGROUND).length;
    expect(label.reduce((s, v) => s + v, 0)).toBe(positives);
  });
});

describe("DetectorRun", () => {
  it("starts both models from the same weights and reproduces a seeded run exactly", () => {
    const a = new DetectorRun(small);
    expect(a.models.ce.params).toEqual(a.models.focal.params);
    const b = new DetectorRun(small);
    for (let i = 0; i < 3; i++) {
      a.trainStep();
      b.trainStep();
    }
    expect(b.history).toEqual(a.history);
    expect(b.models.focal.params).toEqual(a.models.focal.params);
    expect(a.models.ce.params).not.toEqual(a.models.focal.params);
  });

  it("records the module's batch loss of its own logits: CE for one model, FL for the other", () => {
    const run = new DetectorRun(small);
    const scenes = run.batch(0);
    const ws = createWorkspace(run.net);
    const batchLoss = (params: Float32Array, loss: { alpha: number | null; gamma: number }) => {
      const logits: number[] = [];
      const labels: number[] = [];
      for (const s of scenes) {
        const out = forward(run.net, params, s.image, ws);
        const t = lossTargets(s.assignment);
        t.index.forEach((at, i) => {
          logits.push(out[at]!);
          labels.push(t.label[i]!);
        });
      }
      return focalLossBatch(logits, labels, loss).loss;
    };
    const start = run.models.ce.params.slice();
    run.trainStep();
    expect(run.history.ce[0]!.loss).toBeCloseTo(batchLoss(start, { alpha: null, gamma: 0 }), 10);
    expect(run.history.focal[0]!.loss).toBeCloseTo(batchLoss(start, { alpha: 0.25, gamma: 2 }), 10);
    // Same weights, every score near the prior π = 0.01: FL is far below CE at the first step.
    expect(run.history.focal[0]!.loss).toBeLessThan(run.history.ce[0]!.loss / 5);
  });

  it("a constant scorer's AP is the share of positives (the chance level)", () => {
    const scenes = heldOutScenes(1, 4);
    const perClass = [0, 1].map((k) => {
      let pos = 0;
      let all = 0;
      for (const s of scenes)
        for (let n = 0; n < ANCHOR_COUNT; n++) {
          const a = s.assignment[n]!;
          if (a === IGNORED) continue;
          all++;
          if (a === k) pos++;
        }
      return pos / all;
    });
    const ap = anchorAp(scenes, () => new Float32Array(ANCHOR_COUNT * 2));
    expect(ap).toBeCloseTo((perClass[0]! + perClass[1]!) / 2, 12);
  });
});
