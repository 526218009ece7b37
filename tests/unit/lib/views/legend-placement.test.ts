import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  placeLegend,
  polylinesMeetRect,
  rectAt,
  rectsOverlap,
  segmentMeetsRect,
} from "../../../../src/lib/views/legend-placement";

const box = { left: 10, top: 10, width: 20, height: 10 };

describe("segmentMeetsRect", () => {
  it("hand-worked cases: through, touching a corner, beside, and wholly inside", () => {
    expect(segmentMeetsRect({ x: 0, y: 15 }, { x: 40, y: 15 }, box)).toBe(true);
    expect(segmentMeetsRect({ x: 0, y: 0 }, { x: 10, y: 10 }, box)).toBe(true);
    expect(segmentMeetsRect({ x: 0, y: 0 }, { x: 40, y: 5 }, box)).toBe(false);
    expect(segmentMeetsRect({ x: 12, y: 12 }, { x: 14, y: 14 }, box)).toBe(true);
    expect(segmentMeetsRect({ x: 0, y: 30 }, { x: 30, y: 0 }, box)).toBe(true);
    expect(segmentMeetsRect({ x: 0, y: 21 }, { x: 9, y: 30 }, box)).toBe(false);
  });
  it("agrees with dense sampling of the segment", () => {
    const pt = fc.record({
      x: fc.double({ min: -10, max: 50, noNaN: true }),
      y: fc.double({ min: -10, max: 40, noNaN: true }),
    });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        let sampled = false;
        for (let i = 0; i <= 2000 && !sampled; i++) {
          const t = i / 2000;
          const x = a.x + t * (b.x - a.x);
          const y = a.y + t * (b.y - a.y);
          sampled = x >= 10 && x <= 30 && y >= 10 && y <= 20;
        }
        // Sampling can miss a graze of a corner, never report a crossing that is not there.
        if (sampled) expect(segmentMeetsRect(a, b, box)).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe("placeLegend", () => {
  const plot = { left: 0, top: 0, width: 300, height: 200 };
  it("takes the first free anchor, keeps the previous one while it stays free", () => {
    const diagonal = [
      [
        { x: 0, y: 200 },
        { x: 300, y: 0 },
      ],
    ];
    // The diagonal from bottom-left to top-right crosses both of those corners.
    const placed = placeLegend(plot, 80, 40, diagonal);
    expect(placed?.anchor).toBe("bottom-right");
    expect(polylinesMeetRect(diagonal, placed!.rect)).toBe(false);
    expect(placeLegend(plot, 80, 40, diagonal, { previous: "top-left" })?.anchor).toBe("top-left");
  });
  it("answers null when the box does not fit or every anchor is crossed", () => {
    expect(placeLegend(plot, 295, 40, [])).toBeNull();
    const grid = Array.from({ length: 30 }, (_, i) => [
      { x: i * 10, y: 0 },
      { x: i * 10 + 1, y: 200 },
    ]);
    expect(placeLegend(plot, 80, 40, grid)).toBeNull();
  });
  it("puts every anchor's box inside the plot", () => {
    for (const anchor of [
      "top-right",
      "top-left",
      "bottom-right",
      "bottom-left",
      "top-centre",
      "middle-right",
    ] as const) {
      const r = rectAt(anchor, plot, 80, 40);
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.left + r.width).toBeLessThanOrEqual(300);
      expect(r.top + r.height).toBeLessThanOrEqual(200);
    }
  });
});

describe("rectsOverlap", () => {
  it("is true for shared area only, not for shared edges", () => {
    expect(rectsOverlap(box, { left: 29, top: 19, width: 5, height: 5 })).toBe(true);
    expect(rectsOverlap(box, { left: 30, top: 10, width: 5, height: 5 })).toBe(false);
  });
});
