import { describe, expect, it } from "vitest";
import { detectorSetup, detectorView } from "../../../../src/lib/detector/detector-view";
import { LiveDetector } from "../../../../src/lib/detector/live-detector";
import { LOSS_KINDS } from "../../../../src/lib/detector/loss-map";
import { SCENE_OBJECTS } from "../../../../src/lib/detector/scene";
import {
  baseLogits,
  modelLogits,
  scoreNoise,
  DEFAULT_SCORE_MODEL,
  updateModelLogits,
} from "../../../../src/lib/detector/score-model";
import { assignAnchors } from "../../../../src/lib/detector/assignment";
import { anchorSetOf } from "./fixtures";

const setup = detectorSetup();

describe("LiveDetector", () => {
  it("through a drag, a new γ and a removed box equals detectorView on the same boxes, α and γ", () => {
    const live = new LiveDetector(setup);
    const dog = SCENE_OBJECTS[1]!;
    const moved = SCENE_OBJECTS.map((o) =>
      o === dog ? { ...o, box: { ...o.box, x0: o.box.x0 - 24, x1: o.box.x1 - 24, y1: o.box.y1 - 8 } } : o,
    );
    const steps = [
      { objects: SCENE_OBJECTS, alpha: 0.25, gamma: 2 },
      { objects: moved, alpha: 0.25, gamma: 2 },
      { objects: moved, alpha: 0.5, gamma: 1 },
      { objects: moved.slice(1), alpha: 0.5, gamma: 1 },
    ];
    steps.forEach(({ objects, alpha, gamma }, s) => {
      const got = live.update(objects, alpha, gamma);
      const want = detectorView(setup, objects, alpha, gamma);
      // Only the drag can name its changed anchors; a first view, a new γ and a removed box change them all.
      expect(got.changed === null).toBe(s !== 1);
      expect(got.assignment.counts).toEqual(want.assignment.counts);
      expect(got.levelCounts).toEqual(want.levelCounts);
      expect(got.positivesPerObject).toEqual(want.positivesPerObject);
      expect([...got.logits].every((x, t) => x === want.logits[t])).toBe(true);
      for (const kind of LOSS_KINDS) {
        expect(Math.abs(got.maps[kind].total / want.maps[kind].total - 1)).toBeLessThan(1e-12);
        expect(got.maps[kind].normaliser).toBe(want.maps[kind].normaliser);
      }
    });
  }, 120_000);

  it("a loss map left unread through several drag steps equals detectorView once it is read", () => {
    const live = new LiveDetector(setup);
    const dog = SCENE_OBJECTS[1]!;
    const at = (dx: number, dy: number) =>
      SCENE_OBJECTS.map((o) =>
        o === dog ? { ...o, box: { x0: o.box.x0 + dx, y0: o.box.y0 + dy, x1: o.box.x1 + dx, y1: o.box.y1 + dy } } : o,
      );
    live.update(SCENE_OBJECTS, 0.25, 2);
    // The figure reads the shown map every frame (here focal) and the others only now and then.
    const steps = [at(-16, 0), at(-40, 8), at(-64, 24), at(-30, 40)];
    steps.forEach((objects, s) => {
      const got = live.update(objects, 0.25, 2);
      const want = detectorView(setup, objects, 0.25, 2);
      const read = s < steps.length - 1 ? (["focal"] as const) : LOSS_KINDS;
      for (const kind of read) {
        expect(Math.abs(got.maps[kind].total / want.maps[kind].total - 1)).toBeLessThan(1e-12);
        expect(got.maps[kind].normaliser).toBe(want.maps[kind].normaliser);
        expect(got.maps[kind].lossShare.hardNegative).toBeCloseTo(want.maps[kind].lossShare.hardNegative, 12);
        const cells = want.maps[kind].perAnchor;
        expect(
          got.maps[kind].perAnchor.every((v, i) => Math.abs(v - cells[i]!) <= 1e-12 * Math.max(1, cells[i]!)),
        ).toBe(true);
      }
    });
  }, 120_000);
});

describe("updateModelLogits", () => {
  it("recomputes the listed anchors as modelLogits does, and leaves every other logit as it was", () => {
    const set = anchorSetOf([
      { x0: 0, y0: 0, x1: 10, y1: 10 },
      { x0: 0, y0: 0, x1: 10, y1: 5 },
      { x0: 50, y0: 50, x1: 60, y1: 60 },
    ]);
    const model = DEFAULT_SCORE_MODEL;
    const base = baseLogits(scoreNoise(7, 3 * 2), model);
    const before = assignAnchors(set, [{ box: { x0: 0, y0: 0, x1: 10, y1: 10 }, classIndex: 1 }], 2);
    const out = modelLogits(before, base, model);
    const after = assignAnchors(set, [{ box: { x0: 0, y0: 0, x1: 10, y1: 8 }, classIndex: 1 }], 2);
    const kept = out[4]!;
    // both listed anchors' IoUs changed (1 → 0.8 and 0.5 → 0.625), so both are rescored
    expect([...updateModelLogits(after, base, model, out, [0, 1])]).toEqual([0, 1]);
    expect([...updateModelLogits(after, base, model, out, [0, 1])]).toEqual([]);
    const want = modelLogits(after, base, model);
    expect([...out.subarray(0, 4)]).toEqual([...want.subarray(0, 4)]);
    // anchor 0, class 1: IoU 0.8 → b + 11·(0.8 − 0.1)
    expect(out[1]).toBeCloseTo(base[1]! + 11 * 0.7, 12);
    expect(out[4]).toBe(kept);
  });
});
