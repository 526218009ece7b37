import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boxArea, iou, type Box } from "../../../../src/lib/detector/iou";

// Integer corners keep areas and intersections exact, so "IoU = 1" can be tested exactly.
const boxArb = fc
  .tuple(
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 1, max: 500 }),
    fc.integer({ min: 1, max: 500 }),
  )
  .map(([x, y, w, h]): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h }));

describe("iou", () => {
  it("works hand cases: overlap of one unit in 2 × 2 boxes is 1/7; touching edges is 0; containment is the area ratio", () => {
    expect(iou({ x0: 0, y0: 0, x1: 2, y1: 2 }, { x0: 1, y0: 1, x1: 3, y1: 3 })).toBe(1 / 7);
    expect(iou({ x0: 0, y0: 0, x1: 2, y1: 2 }, { x0: 2, y0: 0, x1: 4, y1: 2 })).toBe(0);
    expect(iou({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 2, y0: 2, x1: 7, y1: 7 })).toBe(0.25);
    expect(iou({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 0, y0: 0, x1: 10, y1: 5 })).toBe(0.5);
  });

  it("is 0, not NaN, for degenerate boxes", () => {
    const point = { x0: 1, y0: 1, x1: 1, y1: 1 };
    expect(iou(point, point)).toBe(0);
    expect(boxArea(point)).toBe(0);
  });

  it("is symmetric and lies in [0, 1]", () => {
    fc.assert(
      fc.property(boxArb, boxArb, (a, b) => {
        const v = iou(a, b);
        expect(v).toBe(iou(b, a));
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("is 1 for equal boxes and only for them", () => {
    fc.assert(
      fc.property(boxArb, boxArb, (a, b) => {
        expect(iou(a, a)).toBe(1);
        const equal = a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
        expect(iou(a, b) === 1).toBe(equal);
      }),
      { numRuns: 2000 },
    );
    // near-equal boxes (one pixel off) are not 1
    expect(iou({ x0: 0, y0: 0, x1: 500, y1: 500 }, { x0: 0, y0: 0, x1: 500, y1: 499 })).toBeLessThan(1);
  });
});
