import { describe, expect, it } from "vitest";
import { assignAnchors, type GroundTruth } from "../../../../src/lib/detector/assignment";
import { ohemSelect } from "../../../../src/lib/detector/ohem";
import { bestOhem, focalRow, TABLE_1D } from "../../../../src/lib/detector/ohem-results";
import { anchorSetOf } from "./fixtures";

// A at 0–10, B one pixel right of A (IoU 90/110 ≈ 0.82 with A), C far away, D on the object (foreground).
const anchors = anchorSetOf([
  { x0: 0, y0: 0, x1: 10, y1: 10 },
  { x0: 1, y0: 0, x1: 11, y1: 10 },
  { x0: 40, y0: 0, x1: 50, y1: 10 },
  { x0: 80, y0: 80, x1: 90, y1: 90 },
]);
const objects: GroundTruth[] = [{ box: { x0: 80, y0: 80, x1: 90, y1: 90 }, classIndex: 0 }];
const assignment = assignAnchors(anchors, objects, 1);
const loss = new Float64Array([3, 2, 1, 0.5]);

describe("ohemSelect", () => {
  it("keeps the highest-loss examples after NMS: at 0.5, B suppresses under A; at 0.9 it survives", () => {
    expect(ohemSelect(anchors, assignment, loss, { batchSize: 2, nmsThreshold: 0.5, variant: "plain" }).kept).toEqual([
      0, 2,
    ]);
    expect(ohemSelect(anchors, assignment, loss, { batchSize: 2, nmsThreshold: 0.9, variant: "plain" }).kept).toEqual([
      0, 1,
    ]);
    const all = ohemSelect(anchors, assignment, loss, { batchSize: 8, nmsThreshold: 0.5, variant: "plain" });
    expect(all).toEqual({ kept: [0, 2, 3], positives: 1, negatives: 2 });
  });

  it("the 1:3 variant takes the positive first and at most three negatives per positive", () => {
    const many = anchorSetOf(
      Array.from({ length: 10 }, (_, k) => ({ x0: 20 * k, y0: 0, x1: 20 * k + 10, y1: 10 })).concat([
        { x0: 0, y0: 80, x1: 10, y1: 90 },
      ]),
    );
    const a = assignAnchors(many, [{ box: { x0: 0, y0: 80, x1: 10, y1: 90 }, classIndex: 0 }], 1);
    const l = new Float64Array([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0.1]);
    const s = ohemSelect(many, a, l, { batchSize: 16, nmsThreshold: 0.5, variant: "ratio" });
    expect(s.positives).toBe(1);
    expect(s.negatives).toBe(3);
    expect(s.kept).toEqual([0, 1, 2, 10]);
  });

  it("rejects a batch size below 1 and a threshold outside [0, 1]", () => {
    expect(() => ohemSelect(anchors, assignment, loss, { batchSize: 0, nmsThreshold: 0.5, variant: "plain" })).toThrow(
      RangeError,
    );
    expect(() =>
      ohemSelect(anchors, assignment, loss, { batchSize: 4, nmsThreshold: Number.NaN, variant: "plain" }),
    ).toThrow(RangeError);
  });
});

describe("Table 1d", () => {
  it("reads as the paper says (§5.1): the best OHEM is batch 128, NMS 0.5, 32.8 AP; FL 36.0, a 3.2 AP gap", () => {
    expect(TABLE_1D).toHaveLength(10);
    const best = bestOhem();
    expect([best.method, best.batchSize, best.nms, best.ap]).toEqual(["OHEM", 128, 0.5, 32.8]);
    expect(focalRow().ap).toBe(36.0);
    expect(Math.round((focalRow().ap - best.ap) * 10) / 10).toBe(3.2);
  });
});
