import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateAnchors } from "../../../../src/lib/detector/anchors";
import { forEachAnchorNear } from "../../../../src/lib/detector/anchor-index";
import {
  assignAnchors,
  countsByLevel,
  positivesPerObject,
  type Assignment,
  type GroundTruth,
} from "../../../../src/lib/detector/assignment";
import { iou } from "../../../../src/lib/detector/iou";
import { LiveAssignment } from "../../../../src/lib/detector/live-assignment";
import { anchorSetOf } from "./fixtures";

// A small image (all five levels, 2,385 anchors) keeps the brute-force checks quick.
const anchors = generateAnchors({ width: 256, height: 192 });
const K = 3;

const boxArb = fc
  .record({
    x: fc.integer({ min: 0, max: 240 }),
    y: fc.integer({ min: 0, max: 176 }),
    w: fc.integer({ min: 8, max: 160 }),
    h: fc.integer({ min: 8, max: 160 }),
  })
  .map(({ x, y, w, h }) => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
const objectArb = fc.record({ box: boxArb, classIndex: fc.integer({ min: 0, max: K - 1 }) });

/** The first index where two arrays differ (Object.is), −1 when they are equal: quicker than a deep toEqual per step. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function expectSameAssignment(got: Assignment, want: Assignment): void {
  expect(firstDifference(got.label, want.label)).toBe(-1);
  expect(firstDifference(got.object, want.object)).toBe(-1);
  expect(firstDifference(got.maxIou, want.maxIou)).toBe(-1);
  expect(firstDifference(got.classIou, want.classIou)).toBe(-1);
  expect(got.counts).toEqual(want.counts);
  expect([...got.touched].sort((a, b) => a - b)).toEqual([...want.touched].sort((a, b) => a - b));
}

describe("forEachAnchorNear", () => {
  it("visits every anchor that overlaps the box (checked against all anchors by IoU)", () => {
    fc.assert(
      fc.property(boxArb, (box) => {
        const seen = new Set<number>();
        forEachAnchorNear(anchors, box, (i) => seen.add(i));
        for (let i = 0; i < anchors.count; i++) {
          const b = anchors.boxes;
          const v = iou({ x0: b[4 * i]!, y0: b[4 * i + 1]!, x1: b[4 * i + 2]!, y1: b[4 * i + 3]! }, box);
          if (v > 0 && !seen.has(i)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("visits each anchor at most once for two boxes together, and every anchor that overlaps either", () => {
    fc.assert(
      fc.property(boxArb, boxArb, (a, b) => {
        const seen: number[] = [];
        forEachAnchorNear(anchors, [a, b], (i) => seen.push(i));
        const set = new Set(seen);
        if (set.size !== seen.length) return false;
        const bx = anchors.boxes;
        for (let i = 0; i < anchors.count; i++) {
          const box = { x0: bx[4 * i]!, y0: bx[4 * i + 1]!, x1: bx[4 * i + 2]!, y1: bx[4 * i + 3]! };
          if ((iou(box, a) > 0 || iou(box, b) > 0) && !set.has(i)) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it("visits every anchor of a hand-made set without grids", () => {
    const set = anchorSetOf([
      { x0: 0, y0: 0, x1: 1, y1: 1 },
      { x0: 90, y0: 90, x1: 99, y1: 99 },
    ]);
    const seen: number[] = [];
    forEachAnchorNear(set, { x0: 0, y0: 0, x1: 2, y1: 2 }, (i) => seen.push(i));
    expect(seen).toEqual([0, 1]);
  });
});

describe("LiveAssignment", () => {
  it("after any sequence of moves, resizes, class changes, additions and removals equals assignAnchors on the same boxes", () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant("move" as const), k: fc.nat(), box: boxArb }),
      fc.record({ kind: fc.constant("class" as const), k: fc.nat(), classIndex: fc.integer({ min: 0, max: K - 1 }) }),
      fc.record({ kind: fc.constant("add" as const), object: objectArb }),
      fc.record({ kind: fc.constant("remove" as const), k: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.array(objectArb, { minLength: 1, maxLength: 4 }),
        fc.array(step, { maxLength: 8 }),
        (start, steps) => {
          const live = new LiveAssignment(anchors, K);
          let objects: GroundTruth[] = start;
          const check = () => {
            const got = live.update(objects);
            const want = assignAnchors(anchors, objects, K);
            expectSameAssignment(got.assignment, want);
            expect(got.levelCounts).toEqual(countsByLevel(anchors, want));
            expect(got.positivesPerObject).toEqual(positivesPerObject(want, objects.length));
          };
          check();
          for (const s of steps) {
            if (s.kind === "add") objects = [...objects, s.object];
            else if (objects.length === 0) continue;
            else if (s.kind === "remove") objects = objects.filter((_, i) => i !== s.k % objects.length);
            else if (s.kind === "move")
              objects = objects.map((o, i) => (i === s.k % objects.length ? { ...o, box: s.box } : o));
            else objects = objects.map((o, i) => (i === s.k % objects.length ? { ...o, classIndex: s.classIndex } : o));
            check();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it("through a drag of small steps, with now and then two boxes moved or a class changed at once, equals assignAnchors", () => {
    // A drag step: each box shifted by a few pixels (most by none), its class sometimes changed.
    const nudge = fc.record({
      dx: fc.integer({ min: -12, max: 12 }),
      dy: fc.integer({ min: -12, max: 12 }),
      grow: fc.integer({ min: -6, max: 6 }),
      classIndex: fc.option(fc.integer({ min: 0, max: K - 1 }), { freq: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(objectArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(fc.option(nudge, { freq: 2 }), { minLength: 4, maxLength: 4 }), { maxLength: 20 }),
        (start, steps) => {
          const live = new LiveAssignment(anchors, K);
          let objects: GroundTruth[] = start;
          live.update(objects);
          for (const step of steps) {
            objects = objects.map((o, k) => {
              const n = step[k];
              if (!n) return o;
              const { x0, y0, x1, y1 } = o.box;
              const box = {
                x0: x0 + n.dx,
                y0: y0 + n.dy,
                x1: Math.max(x0 + n.dx + 1, x1 + n.dx + n.grow),
                y1: y1 + n.dy,
              };
              return { box, classIndex: n.classIndex ?? o.classIndex };
            });
            const got = live.update(objects);
            const want = assignAnchors(anchors, objects, K);
            expectSameAssignment(got.assignment, want);
            expect(got.levelCounts).toEqual(countsByLevel(anchors, want));
            expect(got.positivesPerObject).toEqual(positivesPerObject(want, objects.length));
            // each changed anchor listed once
            expect(new Set(got.changed).size).toBe(got.changed!.length);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it("after a move lists as changed exactly the anchors whose label, object or class IoUs changed, and a few that kept them", () => {
    const live = new LiveAssignment(anchors, K);
    const before: GroundTruth[] = [
      { box: { x0: 20, y0: 20, x1: 80, y1: 90 }, classIndex: 0 },
      { box: { x0: 150, y0: 60, x1: 230, y1: 150 }, classIndex: 2 },
    ];
    const after = [before[0]!, { ...before[1]!, box: { x0: 158, y0: 60, x1: 238, y1: 150 } }];
    const first = live.update(before);
    expect(first.changed).toBeNull();
    const a0 = assignAnchors(anchors, before, K);
    const a1 = assignAnchors(anchors, after, K);
    const changed = new Set(live.update(after).changed);
    for (let i = 0; i < anchors.count; i++) {
      const differs =
        a0.label[i] !== a1.label[i] ||
        a0.object[i] !== a1.object[i] ||
        [0, 1, 2].some((k) => a0.classIou[i * K + k] !== a1.classIou[i * K + k]);
      if (differs) expect(changed.has(i)).toBe(true);
    }
    expect(changed.size).toBeLessThan(anchors.count / 2);
    // the same boxes again: nothing to do
    expect(live.update(after).changed).toEqual(new Int32Array(0));
  });

  it("rejects a class outside [0, K − 1] as assignAnchors does", () => {
    const live = new LiveAssignment(anchors, K);
    expect(() => live.update([{ box: { x0: 0, y0: 0, x1: 10, y1: 10 }, classIndex: K }])).toThrow(RangeError);
  });
});
