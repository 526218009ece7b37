import { describe, expect, it } from "vitest";
import { assignAnchors, type GroundTruth } from "../../../../src/lib/detector/assignment";
import { detectorSetup } from "../../../../src/lib/detector/detector-view";
import { LiveLossMap } from "../../../../src/lib/detector/live-loss-map";
import { lossMap, trainingTerms, type LossKind } from "../../../../src/lib/detector/loss-map";
import { LiveAssignment } from "../../../../src/lib/detector/live-assignment";
import { modelLogits } from "../../../../src/lib/detector/score-model";
import { SCENE_OBJECTS } from "../../../../src/lib/detector/scene";

const setup = detectorSetup();

const assigner = new LiveAssignment(setup.anchors, setup.classes);

/** The full loss map on fresh arrays, and what the live assignment says changed since its last update. */
function fullMap(objects: readonly GroundTruth[], kind: LossKind, alpha: number, gamma: number) {
  const a = assignAnchors(setup.anchors, objects, setup.classes);
  const logits = modelLogits(a, setup.base, setup.model);
  return {
    a,
    logits,
    changed: assigner.update(objects).changed,
    map: lossMap(trainingTerms(a, objects, logits), setup.anchors.count, kind, alpha, gamma),
  };
}

describe("LiveLossMap", () => {
  it("after a drag, a resize, a new box and a new γ, equals the full loss map on the same scores, recomputing only what changed", () => {
    const live = new LiveLossMap("focal", setup.anchors.count, setup.classes);
    const moved = SCENE_OBJECTS.map((o, k) =>
      k === 1 ? { ...o, box: { ...o.box, x0: o.box.x0 + 40, x1: o.box.x1 + 40 } } : o,
    );
    const resized = moved.map((o, k) =>
      k === 2 ? { ...o, box: { ...o.box, x1: o.box.x1 + 30, y1: o.box.y1 + 20 } } : o,
    );
    const added = [...resized, { classIndex: 1, box: { x0: 700, y0: 60, x1: 820, y1: 200 } }];
    const steps: [readonly GroundTruth[], number, number][] = [
      [SCENE_OBJECTS, 0.25, 2],
      [moved, 0.25, 2],
      [resized, 0.25, 2],
      [added, 0.25, 2],
      [added, 0.5, 1],
    ];
    steps.forEach(([objects, alpha, gamma], s) => {
      const { a, logits, changed, map } = fullMap(objects, "focal", alpha, gamma);
      const got = live.update(a, objects, logits, alpha, gamma, changed);
      if (s === 1 || s === 2) expect(live.recomputed).toBeLessThan((setup.anchors.count * setup.classes) / 5);
      expect(got.normaliser).toBe(map.normaliser);
      expect(Math.abs(got.total / map.total - 1)).toBeLessThan(1e-12);
      expect(got.lossShare.easyNegative).toBeCloseTo(map.lossShare.easyNegative, 12);
      expect(got.gradientShare.hardNegative).toBeCloseTo(map.gradientShare.hardNegative, 12);
      expect(got.termCounts).toEqual(map.termCounts);
      for (let i = 0; i < setup.anchors.count; i += 97) expect(got.perAnchor[i]).toBeCloseTo(map.perAnchor[i]!, 12);
    });
  });

  it("stays equal to the full map over many small moves, past the periodic re-summing", () => {
    const live = new LiveLossMap("ce", setup.anchors.count, setup.classes);
    const local = new LiveAssignment(setup.anchors, setup.classes);
    for (let step = 0; step < 104; step++) {
      const dx = Math.round(30 * Math.sin(step / 7));
      const objects = SCENE_OBJECTS.map((o, k) =>
        k === 0 ? { ...o, box: { ...o.box, x0: o.box.x0 + dx, x1: o.box.x1 + dx } } : o,
      );
      const { assignment, changed } = local.update(objects);
      const logits = modelLogits(assignment, setup.base, setup.model);
      const got = live.update(assignment, objects, logits, 0.25, 2, changed);
      if (step !== 50 && step !== 103) continue;
      const want = lossMap(trainingTerms(assignment, objects, logits), setup.anchors.count, "ce", 0.25, 2);
      expect(Math.abs(got.total / want.total - 1)).toBeLessThan(1e-12);
      expect(got.termCounts).toEqual(want.termCounts);
    }
  }, 120_000);
});
