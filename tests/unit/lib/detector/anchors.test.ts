import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  anchorShapes,
  anchorsAtPoint,
  baseSize,
  generateAnchors,
  levelGrids,
  PYRAMID_LEVELS,
  stride,
} from "../../../../src/lib/detector/anchors";

describe("the pyramid (§4)", () => {
  it("has levels P3 to P7 with strides 8 to 128 and anchor areas 32² to 512²", () => {
    expect(PYRAMID_LEVELS.map(stride)).toEqual([8, 16, 32, 64, 128]);
    expect(PYRAMID_LEVELS.map(baseSize)).toEqual([32, 64, 128, 256, 512]);
  });

  it("has nine shapes per level: three sizes × ratios 1:2, 1:1, 2:1, each of area (size·2^(k/3))²", () => {
    const shapes = anchorShapes(3);
    expect(shapes).toHaveLength(9);
    const sides = [32, 32 * 2 ** (1 / 3), 32 * 2 ** (2 / 3)];
    shapes.forEach((s, i) => {
      const side = sides[Math.floor(i / 3)]!;
      expect(s.width * s.height).toBeCloseTo(side * side, 9);
      expect(s.height / s.width).toBeCloseTo([0.5, 1, 2][i % 3]!, 12);
    });
    // the largest P7 anchor is the paper's 813 pixels (512 · 2^(2/3))
    expect(Math.round(anchorShapes(7)[4 + 3]!.width)).toBe(813);
  });
});

describe("levelGrids / generateAnchors", () => {
  it("counts the chapter's 896 × 640 image by hand: 112·80·9, 56·40·9, 28·20·9, 14·10·9, 7·5·9", () => {
    const grids = levelGrids({ width: 896, height: 640 });
    expect(grids.map((g) => g.anchors)).toEqual([80640, 20160, 5040, 1260, 315]);
    expect(generateAnchors({ width: 896, height: 640 }).count).toBe(107415);
  });

  it("rounds a partial cell up: an 800 × 600 image has 7 × 5 locations on P7 (800/128 = 6.25, 600/128 ≈ 4.69)", () => {
    const p7 = levelGrids({ width: 800, height: 600 })[4]!;
    expect([p7.columns, p7.rows, p7.anchors]).toEqual([7, 5, 315]);
  });

  it("for any image size, every level has ceil(H/stride)·ceil(W/stride)·9 anchors and the levels add up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1400 }), fc.integer({ min: 1, max: 1400 }), (w, h) => {
        const grids = levelGrids({ width: w, height: h });
        let offset = 0;
        for (const g of grids) {
          expect(g.anchors).toBe(Math.ceil(h / g.stride) * Math.ceil(w / g.stride) * 9);
          expect(g.offset).toBe(offset);
          offset += g.anchors;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("centres the first anchor of P3 at (4, 4) and the second location at (12, 4), each shape centred there", () => {
    const set = generateAnchors({ width: 16, height: 16 });
    for (let k = 0; k < 9; k++) {
      expect((set.boxes[4 * k]! + set.boxes[4 * k + 2]!) / 2).toBeCloseTo(4, 12);
      expect((set.boxes[4 * k + 1]! + set.boxes[4 * k + 3]!) / 2).toBeCloseTo(4, 12);
      expect((set.boxes[4 * (9 + k)]! + set.boxes[4 * (9 + k) + 2]!) / 2).toBeCloseTo(12, 12);
    }
    // 1:2 is wide: 32·√2 wide, 32/√2 high
    expect(set.boxes[2]! - set.boxes[0]!).toBeCloseTo(32 * Math.SQRT2, 12);
    expect(set.boxes[3]! - set.boxes[1]!).toBeCloseTo(32 / Math.SQRT2, 12);
  });

  it("rejects an image size that is not a positive integer", () => {
    expect(() => levelGrids({ width: 0, height: 10 })).toThrow(RangeError);
    expect(() => levelGrids({ width: 10.5, height: 10 })).toThrow(RangeError);
    expect(() => levelGrids({ width: Number.NaN, height: 10 })).toThrow(RangeError);
  });

  it("finds the nine anchors of the location under a point, clamped to the grid", () => {
    const set = generateAnchors({ width: 64, height: 64 });
    const at = anchorsAtPoint(set, 0, 20, 3);
    expect(at).toHaveLength(9);
    expect((at[0]!.x0 + at[0]!.x1) / 2).toBeCloseTo(20, 12); // column 2: (2 + 0.5)·8
    expect((at[0]!.y0 + at[0]!.y1) / 2).toBeCloseTo(4, 12);
    const far = anchorsAtPoint(set, 0, 9999, -5);
    expect((far[0]!.x0 + far[0]!.x1) / 2).toBeCloseTo(60, 12);
  });
});
