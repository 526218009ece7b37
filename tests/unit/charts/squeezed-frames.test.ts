/**
 * A frame too short for a chart (a phone embed at fontScale 1.5, whose controls and caption take most
 * of the height) must still give a drawable scene: Chromium reports a console error for any negative
 * width or height and drops the element, and a NaN coordinate draws nothing at all.
 */
import { describe, expect, it } from "vitest";
import { focalCurvesScene } from "../../../src/charts/focal-curves";
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
});
