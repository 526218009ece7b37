import { describe, expect, it } from "vitest";
import { focalCurvesData, modulatingFactorData } from "../../../src/lib/views/figure-data";
import { focalCurvesScene } from "../../../src/charts/focal-curves";
import { modulatingFactorScene } from "../../../src/charts/modulating-factor";
import type { SvgNode } from "../../../src/charts/scene";
import { find } from "./svg-paths";

/** The keys of the curve paths in the order they are drawn (later ones paint over earlier ones). */
function drawnCurves(scene: SvgNode): string[] {
  const group = find(scene, (n) => n.tag === "g" && n.key === "curves");
  return (group?.children ?? []).map((c) => c.key);
}

const size = { width: 680, height: 400 };

describe("a reference curve the reader's curve coincides with stays visible", () => {
  it("draws the paper's γ = 2 over the reader's curve at γ = 2 (no α), and under it otherwise", () => {
    const at2 = drawnCurves(
      focalCurvesScene(focalCurvesData({ gamma: 2, alpha: null }), { ...size, yScale: "linear" }),
    );
    expect(at2.indexOf("g2")).toBeGreaterThan(at2.indexOf("reader"));
    expect(at2.at(-1)).toBe("g2");

    const at23 = drawnCurves(
      focalCurvesScene(focalCurvesData({ gamma: 2.3, alpha: null }), { ...size, yScale: "linear" }),
    );
    expect(at23.at(-1)).toBe("reader");

    // With α the reader's focal loss is a different curve from the paper's unweighted γ = 2.
    const weighted = drawnCurves(
      focalCurvesScene(focalCurvesData({ gamma: 2, alpha: 0.25 }), { ...size, yScale: "linear" }),
    );
    expect(weighted.at(-1)).toBe("reader");
  });

  it("the modulating factor ignores α: γ = 2 is drawn over the reader's γ = 2 either way", () => {
    for (const alpha of [null, 0.25]) {
      const order = drawnCurves(modulatingFactorScene(modulatingFactorData({ gamma: 2, alpha }), { ...size }));
      expect(order.at(-1)).toBe("g2");
    }
  });
});
