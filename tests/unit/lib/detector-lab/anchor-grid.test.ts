import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANCHOR_COUNT,
  BACKGROUND,
  GRID,
  IGNORED,
  anchorBox,
  assignAnchors,
  logitIndex,
} from "../../../../src/lib/detector-lab/anchor-grid";
import { iou as boxIou } from "../../../../src/lib/detector/iou";

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const box = fc
  .record({
    x: fc.integer({ min: -8, max: 64 }),
    y: fc.integer({ min: -8, max: 64 }),
    w: fc.integer({ min: 1, max: 24 }),
    h: fc.integer({ min: 1, max: 24 }),
  })
  .map(({ x, y, w, h }) => ({ x0: x, y0: y, x1: x + w, y1: y + h }));

describe("anchors", () => {
  it("lay A = 3 anchors at each of the 16 × 16 locations of stride 4", () => {
    expect(ANCHOR_COUNT).toBe(16 * 16 * 3);
    expect(anchorBox(0)).toEqual({ x0: -2, y0: -2, x1: 6, y1: 6 });
    expect(anchorBox(2)).toEqual({ x0: -6, y0: -6, x1: 10, y1: 10 });
    // the last location's centre is (15.5·4, 15.5·4) = (62, 62)
    expect(anchorBox(ANCHOR_COUNT - 2)).toEqual({ x0: 56, y0: 56, x1: 68, y1: 68 });
  });
  it("number every logit once", () => {
    const seen = new Set<number>();
    for (let n = 0; n < ANCHOR_COUNT; n++) for (let k = 0; k < 2; k++) seen.add(logitIndex(n, k, 2));
    expect(seen.size).toBe(ANCHOR_COUNT * 2);
    expect(Math.max(...seen)).toBe(ANCHOR_COUNT * 2 - 1);
    expect(GRID).toBe(16);
  });
});

describe("assignAnchors", () => {
  it("labels by IoU: ≥ 0.5 foreground, < 0.4 background, ignored between", () => {
    // An 8×8 object exactly on anchor 0's location-(1,1) 8-px anchor: centre (6, 6).
    const object = { x0: 2, y0: 2, x1: 10, y1: 10, cls: 1 as const };
    const assignment = assignAnchors([object]);
    for (let n = 0; n < ANCHOR_COUNT; n++) {
      const iou = boxIou(anchorBox(n), object);
      const expected = iou >= 0.5 ? 1 : iou < 0.4 ? BACKGROUND : IGNORED;
      expect(assignment[n]).toBe(expected);
    }
    const at11 = (1 * 16 + 1) * 3;
    expect(assignment[at11]).toBe(1);
  });
  it("gives each anchor to the object it overlaps most, never to two", () => {
    fc.assert(
      fc.property(
        fc.array(box, { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(0 as const, 1 as const), { minLength: 4, maxLength: 4 }),
        (boxes, classes) => {
          const objects = boxes.map((b, i) => ({ ...b, cls: classes[i]! }));
          const assignment = assignAnchors(objects);
          expect(assignment.length).toBe(ANCHOR_COUNT);
          for (let n = 0; n < ANCHOR_COUNT; n += 7) {
            const ious = objects.map((o) => boxIou(anchorBox(n), o));
            const best = Math.max(...ious);
            const a = assignment[n]!;
            if (best >= 0.5) expect(a).toBe(objects[ious.indexOf(best)]!.cls);
            else expect(a).toBe(best < 0.4 ? BACKGROUND : IGNORED);
          }
        },
      ),
      { numRuns: Math.max(20, runs / 10) },
    );
  });
});
