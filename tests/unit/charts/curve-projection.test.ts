import { describe, expect, it } from "vitest";
import { focalCurvesLayout } from "../../../src/charts/focal-curves";
import { curvePath, curvePolylines } from "../../../src/charts/line-marks";
import { focalCurvesData, type Curve } from "../../../src/lib/views/figure-data";
import { subpaths } from "./svg-paths";

/** The same curve as a new, unfrozen object: never cached, so projected afresh every time. */
const afresh = (c: Curve): Curve => ({ ...c, points: [...c.points] });

// The reference curves keep their projection per plot geometry between slider frames; a figure resized,
// or switched to the log axis and back, must still draw (and keep its legend off) the curve at its new size.
const GEOMETRIES = [
  { width: 680, height: 420, yScale: "linear" },
  { width: 320, height: 520, yScale: "log" },
  { width: 680, height: 420, yScale: "log" },
  { width: 1100, height: 560, yScale: "linear" },
  { width: 680, height: 420, yScale: "linear" },
] as const;

describe("the reference curves' kept projection", () => {
  it.each(GEOMETRIES)("draws each curve as a fresh projection would, at $width × $height ($yScale)", (size) => {
    const { x, y, box } = focalCurvesLayout(size);
    const log = size.yScale === "log";
    const references = focalCurvesData({ gamma: 2, alpha: null }).filter((c) => !c.reader);
    expect(references.every((c) => Object.isFrozen(c))).toBe(true);
    for (const curve of references) {
      expect(curvePath(curve, x, y, box, log), curve.key).toBe(curvePath(afresh(curve), x, y, box, log));
      expect(curvePolylines([curve], x, y, box, log), curve.key).toEqual(
        curvePolylines([afresh(curve)], x, y, box, log),
      );
    }
  });

  it("keeps the legend off the curve as drawn: the polyline's points are the path's vertices", () => {
    const { x, y, box } = focalCurvesLayout({ width: 680, height: 420, yScale: "log" });
    for (const curve of focalCurvesData({ gamma: 3.4, alpha: 0.25 })) {
      const drawn = subpaths(curvePath(curve, x, y, box, true)).flat();
      const avoided = curvePolylines([curve], x, y, box, true)[0]!.filter((p) => !Number.isNaN(p.x));
      expect(avoided.length, curve.key).toBe(drawn.length);
      avoided.forEach((p, i) => {
        // The path prints hundredths of a pixel.
        expect(Math.abs(p.x - drawn[i]![0]), curve.key).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(p.y - drawn[i]![1]), curve.key).toBeLessThanOrEqual(0.005 + 1e-9);
      });
    }
  });
});
