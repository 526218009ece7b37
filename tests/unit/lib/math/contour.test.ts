import { describe, expect, it } from "vitest";
import { zeroContour } from "../../../../src/lib/math/contour";

describe("zeroContour", () => {
  it("traces a circle: every segment end lies on x² + y² = 1 to within the grid's linear interpolation", () => {
    const segments = zeroContour((x, y) => x * x + y * y - 1, { x1: [-2, 2], x2: [-2, 2], cells: 80 });
    expect(segments.length).toBeGreaterThan(100);
    for (const s of segments) for (const [x, y] of s) expect(Math.abs(Math.hypot(x, y) - 1)).toBeLessThan(2e-3);
  });
  it("finds a straight boundary exactly, and nothing when the function never changes sign", () => {
    const line = zeroContour((x) => x - 0.3, { x1: [-1, 1], x2: [-1, 1], cells: 10 });
    expect(line.length).toBe(10);
    for (const s of line) for (const [x] of s) expect(x).toBeCloseTo(0.3, 12);
    expect(zeroContour(() => 1, { x1: [0, 1], x2: [0, 1], cells: 5 })).toEqual([]);
  });
});
