/**
 * No legend sits on the data (issue #20): for the paper's presets and a grid of
 * γ and α, at phone and desktop sizes, the legend box of every curve chart
 * crosses no segment of any curve it draws.
 */
import { describe, expect, it } from "vitest";
import { focalCurvesLayout, focalCurvesScene } from "../../../src/charts/focal-curves";
import { modulatingFactorLayout, modulatingFactorScene } from "../../../src/charts/modulating-factor";
import { logitLossGradientLayout, logitLossGradientScene } from "../../../src/charts/logit-loss-gradient";
import { curvePolylines } from "../../../src/charts/line-marks";
import type { SvgNode } from "../../../src/charts/scene";
import {
  focalCurvesData,
  logitLossGradientData,
  modulatingFactorData,
  type Curve,
} from "../../../src/lib/views/figure-data";
import { polylinesMeetRect, type Rect } from "../../../src/lib/views/legend-placement";

const SIZES = [
  { width: 340, height: 300 },
  { width: 680, height: 400 },
  { width: 800, height: 620 },
];
const GAMMAS = [0, 0.5, 1, 2, 3.4, 5];
const ALPHAS = [null, 0.1, 0.25, 0.5, 0.75, 1];

function legendRects(scene: SvgNode, found: Rect[] = []): Rect[] {
  if (scene.attrs?.class === "legend") {
    const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(String(scene.attrs.transform))!;
    const bg = scene.children!.find((c) => c.key === "bg")!;
    found.push({ left: Number(x), top: Number(y), width: Number(bg.attrs!.width), height: Number(bg.attrs!.height) });
  }
  for (const c of scene.children ?? []) legendRects(c, found);
  return found;
}

const cases = SIZES.flatMap((size) => GAMMAS.flatMap((gamma) => ALPHAS.map((alpha) => ({ size, gamma, alpha }))));

describe("legends stay off the curves", () => {
  it.each(["linear", "log"] as const)("focal loss against p_t (%s axis)", (yScale) => {
    for (const { size, gamma, alpha } of cases) {
      const curves = focalCurvesData({ gamma, alpha });
      const { x, y } = focalCurvesLayout({ ...size, yScale });
      const [rect] = legendRects(focalCurvesScene(curves, { ...size, yScale, crosshair: null, examples: [] }));
      expect(
        polylinesMeetRect(curvePolylines(curves, x, y), rect!),
        `${size.width}×${size.height} γ=${gamma} α=${alpha}`,
      ).toBe(false);
    }
  });

  it("the modulating factor", () => {
    for (const { size, gamma, alpha } of cases) {
      const curves = modulatingFactorData({ gamma, alpha });
      const { x, y } = modulatingFactorLayout(size);
      const [rect] = legendRects(modulatingFactorScene(curves, { ...size, crosshair: null }));
      expect(polylinesMeetRect(curvePolylines(curves, x, y), rect!), `${size.width}×${size.height} γ=${gamma}`).toBe(
        false,
      );
    }
  });

  it("the loss and the gradient against the logit", () => {
    for (const { size, gamma, alpha } of cases) {
      const data = logitLossGradientData({ gamma, alpha });
      const panels = logitLossGradientLayout(size);
      const rects = legendRects(logitLossGradientScene(data, { ...size, crosshair: null }));
      expect(rects.length).toBe(panels.length);
      panels.forEach((panel, i) => {
        const curves = (data as unknown as Record<string, Curve[]>)[panel.key]!;
        expect(
          polylinesMeetRect(curvePolylines(curves, panel.x, panel.y), rects[i]!),
          `${panel.key} ${size.width}×${size.height} γ=${gamma} α=${alpha}`,
        ).toBe(false);
      });
    }
  });
});
