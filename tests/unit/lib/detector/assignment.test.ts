import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateAnchors } from "../../../../src/lib/detector/anchors";
import {
  assignAnchors,
  countsByLevel,
  LABEL,
  labelOf,
  positivesPerObject,
  targetVector,
  type GroundTruth,
} from "../../../../src/lib/detector/assignment";
import { iou } from "../../../../src/lib/detector/iou";
import { SCENE_OBJECTS, SCENE_SIZE } from "../../../../src/lib/detector/scene";
import { anchorSetOf } from "./fixtures";

const object: GroundTruth = { box: { x0: 0, y0: 0, x1: 10, y1: 10 }, classIndex: 1 };

describe("labelOf: the paper's thresholds (§4)", () => {
  it("foreground from IoU 0.5 up, background below 0.4, ignored in [0.4, 0.5)", () => {
    expect(labelOf(0.5)).toBe(LABEL.foreground);
    expect(labelOf(1)).toBe(LABEL.foreground);
    expect(labelOf(0.4)).toBe(LABEL.ignored);
    expect(labelOf(0.49999)).toBe(LABEL.ignored);
    expect(labelOf(0.39999)).toBe(LABEL.background);
    expect(labelOf(0)).toBe(LABEL.background);
  });
});

describe("assignAnchors", () => {
  it("labels hand-made anchors at IoU 1/2, 2/5 and 3/10 as foreground, ignored and background", () => {
    const anchors = anchorSetOf([
      { x0: 0, y0: 0, x1: 10, y1: 5 }, // IoU 50/100
      { x0: 0, y0: 0, x1: 10, y1: 4 }, // IoU 40/100
      { x0: 0, y0: 0, x1: 10, y1: 3 }, // IoU 30/100
      { x0: 50, y0: 50, x1: 60, y1: 60 }, // no overlap
    ]);
    const a = assignAnchors(anchors, [object], 3);
    expect([...a.label]).toEqual([LABEL.foreground, LABEL.ignored, LABEL.background, LABEL.background]);
    expect([...a.object]).toEqual([0, -1, -1, -1]);
    expect(a.counts).toEqual({ foreground: 1, background: 2, ignored: 1 });
    expect(targetVector(a, [object], 0)).toEqual([0, 1, 0]);
    expect(targetVector(a, [object], 1)).toBeNull();
    expect(targetVector(a, [object], 2)).toEqual([0, 0, 0]);
  });

  it("gives an anchor that overlaps two objects to the one of higher IoU, and only to it", () => {
    const anchors = anchorSetOf([{ x0: 0, y0: 0, x1: 10, y1: 10 }]);
    const near: GroundTruth = { box: { x0: 1, y0: 0, x1: 11, y1: 10 }, classIndex: 0 }; // IoU 90/110
    const exact: GroundTruth = { box: { x0: 0, y0: 0, x1: 10, y1: 10 }, classIndex: 2 }; // IoU 1
    const a = assignAnchors(anchors, [near, exact], 3);
    expect(a.object[0]).toBe(1);
    expect(targetVector(a, [near, exact], 0)).toEqual([0, 0, 1]);
    // per-class IoU keeps both overlaps for the score model
    expect(a.classIou[0]).toBeCloseTo(90 / 110, 15);
    expect(a.classIou[2]).toBe(1);
  });

  it("labels everything background when there is no object", () => {
    const a = assignAnchors(generateAnchors({ width: 64, height: 64 }), [], 2);
    expect(a.counts.foreground + a.counts.ignored).toBe(0);
    expect(a.counts.background).toBe(a.label.length);
  });

  it("gives the same labels when it reuses the previous assignment's arrays", () => {
    const anchors = generateAnchors(SCENE_SIZE);
    const first = assignAnchors(anchors, SCENE_OBJECTS, 3);
    const moved = SCENE_OBJECTS.map((o) => ({ ...o, box: { ...o.box, x0: o.box.x0 + 37, x1: o.box.x1 + 37 } }));
    const fresh = assignAnchors(anchors, moved, 3);
    const reused = assignAnchors(anchors, moved, 3, first);
    expect(reused.counts).toEqual(fresh.counts);
    expect(Buffer.from(reused.label.buffer).equals(Buffer.from(fresh.label.buffer))).toBe(true);
    expect(Buffer.from(reused.classIou.buffer).equals(Buffer.from(fresh.classIou.buffer))).toBe(true);
    expect(Buffer.from(reused.object.buffer).equals(Buffer.from(fresh.object.buffer))).toBe(true);
  });

  it("rejects a class index outside 0 … K − 1", () => {
    expect(() => assignAnchors(anchorSetOf([]), [{ ...object, classIndex: 3 }], 3)).toThrow(RangeError);
    expect(() => assignAnchors(anchorSetOf([]), [object], 0)).toThrow(RangeError);
  });

  it("assigns every anchor exactly once, to the argmax object when foreground, for random scenes", () => {
    const anchors = generateAnchors({ width: 128, height: 96 });
    const boxArb = fc
      .tuple(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 4, max: 100 }),
        fc.integer({ min: 4, max: 100 }),
        fc.integer({ min: 0, max: 2 }),
      )
      .map(([x, y, w, h, c]): GroundTruth => ({ box: { x0: x, y0: y, x1: x + w, y1: y + h }, classIndex: c }));
    fc.assert(
      fc.property(fc.array(boxArb, { maxLength: 4 }), (objects) => {
        const a = assignAnchors(anchors, objects, 3);
        expect(a.counts.foreground + a.counts.background + a.counts.ignored).toBe(anchors.count);
        const perObject = positivesPerObject(a, objects.length);
        expect(perObject.reduce((s, v) => s + v, 0)).toBe(a.counts.foreground);
        const levels = countsByLevel(anchors, a);
        expect(levels.reduce((s, c) => s + c.foreground + c.background + c.ignored, 0)).toBe(anchors.count);
        // Every anchor against a direct computation (one expect at the end: thousands of expects are slow).
        const wrong: number[] = [];
        for (let i = 0; i < anchors.count; i++) {
          const box = {
            x0: anchors.boxes[4 * i]!,
            y0: anchors.boxes[4 * i + 1]!,
            x1: anchors.boxes[4 * i + 2]!,
            y1: anchors.boxes[4 * i + 3]!,
          };
          const ious = objects.map((o) => iou(box, o.box));
          const best = Math.max(0, ...ious);
          const isFg = a.label[i] === LABEL.foreground;
          const target = targetVector(a, objects, i);
          const ok =
            a.maxIou[i] === best &&
            isFg === best >= 0.5 &&
            (a.label[i] === LABEL.ignored) === (best >= 0.4 && best < 0.5) &&
            a.object[i]! >= 0 === isFg &&
            (!isFg || ious[a.object[i]!] === best) &&
            (a.label[i] === LABEL.ignored ? target === null : target!.reduce((s, v) => s + v, 0) === (isFg ? 1 : 0));
          if (!ok) wrong.push(i);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("gives the chapter's ball (26 px) far fewer positive anchors than the person (120 × 410 px)", () => {
    const a = assignAnchors(generateAnchors(SCENE_SIZE), SCENE_OBJECTS, 3);
    const [person, , ball] = positivesPerObject(a, SCENE_OBJECTS.length);
    expect(ball!).toBeGreaterThan(0);
    expect(ball!).toBeLessThan(person!);
  });
});
