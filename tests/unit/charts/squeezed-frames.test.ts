/**
 * A frame too short for a chart (a phone embed at fontScale 1.5, whose controls and caption take most
 * of the height) must still give a drawable scene: Chromium reports a console error for any negative
 * width or height and drops the element, and a NaN coordinate draws nothing at all.
 */
import { describe, expect, it } from "vitest";
import { BAND_LABEL, focalCurvesLayout, focalCurvesScene } from "../../../src/charts/focal-curves";
import { textWidth } from "../../../src/charts/line-marks";
import { modulatingFactorScene } from "../../../src/charts/modulating-factor";
import { logitLossGradientScene } from "../../../src/charts/logit-loss-gradient";
import type { SvgNode } from "../../../src/charts/scene";
import { focalCurvesData, logitLossGradientData, modulatingFactorData } from "../../../src/lib/views/figure-data";

const WIDTHS = [239, 260, 358, 600];
const HEIGHTS = [12, 40, 80, 120, 160];

/** Every attribute that Chromium rejects: a negative size, or a number that is not finite. */
function badAttributes(scene: SvgNode, where: string, found: string[] = []): string[] {
  for (const [name, value] of Object.entries(scene.attrs ?? {})) {
    if (typeof value === "number" && !Number.isFinite(value)) found.push(`${where}: ${name}=${value}`);
    if ((name === "width" || name === "height") && Number(value) < 0) found.push(`${where}: ${name}=${value}`);
    if (typeof value === "string" && /NaN|Infinity|undefined/.test(value)) found.push(`${where}: ${name}="${value}"`);
  }
  for (const child of scene.children ?? []) badAttributes(child, `${where} > ${child.key}`, found);
  return found;
}

describe("a chart squeezed into a short frame still draws", () => {
  const sizes = WIDTHS.flatMap((width) => HEIGHTS.map((height) => ({ width, height })));
  const reader = { gamma: 2, alpha: 0.25 };

  it.each(["linear", "log"] as const)("focal loss against p_t (%s axis)", (yScale) => {
    const curves = focalCurvesData(reader);
    const bad = sizes.flatMap((size) =>
      badAttributes(
        focalCurvesScene(curves, { ...size, yScale, crosshair: 0.5, examples: [0.05, 0.95] }),
        `${size.width}×${size.height}`,
      ),
    );
    expect(bad).toEqual([]);
  });

  it("the modulating factor", () => {
    const curves = modulatingFactorData(reader);
    const bad = sizes.flatMap((size) =>
      badAttributes(modulatingFactorScene(curves, { ...size, crosshair: 0.5 }), `${size.width}×${size.height}`),
    );
    expect(bad).toEqual([]);
  });

  it("the loss and the gradient against the logit", () => {
    const data = logitLossGradientData(reader);
    const bad = sizes.flatMap((size) =>
      badAttributes(logitLossGradientScene(data, { ...size, crosshair: 0.5 }), `${size.width}×${size.height}`),
    );
    expect(bad).toEqual([]);
  });

  it("ends the band label inside the band, at the width Chromium sets it, or leaves it out", () => {
    const curves = focalCurvesData(reader);
    // "well-classified examples" in 12-unit italic sets about 1.2× textWidth's estimate in Chromium.
    const half = (textWidth(BAND_LABEL) * 1.2) / 2;
    const out: string[] = [];
    for (const width of [240, 247, 260, 300, 358, 420, 600, 680])
      for (const height of [240, 300, 400])
        for (const yScale of ["linear", "log"] as const) {
          const scene = focalCurvesScene(curves, { width, height, yScale, crosshair: null, examples: [] });
          const label = findClass(scene, "band-label");
          if (!label) continue;
          const { box } = focalCurvesLayout({ width, height, yScale });
          const x = Number(label.attrs!.x);
          if (x + half > box.right || x - half < box.left) out.push(`${width}×${height} ${yScale}: x=${x}`);
        }
    expect(out).toEqual([]);
  });
});

function findClass(scene: SvgNode, cls: string): SvgNode | null {
  if (scene.attrs?.class === cls) return scene;
  for (const c of scene.children ?? []) {
    const found = findClass(c, cls);
    if (found) return found;
  }
  return null;
}
