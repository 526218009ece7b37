import { describe, expect, it } from "vitest";
import { modulatingFactorData } from "../../../src/lib/views/figure-data";
import { modulatingFactor } from "../../../src/lib/math/loss";
import { modulatingFactorLayout, modulatingFactorScene } from "../../../src/charts/modulating-factor";
import { attrsOf, badValues, comparePathToFunction, nodeAt, snapshotSvg } from "./svg-paths";

describe("modulatingFactorScene", () => {
  it.each([[2], [0.3], [4.7]])(
    "draws (1 − p_t)^γ for every curve as the module computes it (reader's γ = %s)",
    (gamma) => {
      const size = { width: 640, height: 400 };
      const curves = modulatingFactorData({ gamma, alpha: null });
      const scene = modulatingFactorScene(curves, size);
      const { x, y, box } = modulatingFactorLayout(size);
      expect(badValues(scene)).toEqual([]);
      for (const curve of curves) {
        const d = attrsOf(scene, "path", curve.key, "curves").d!;
        const compared = comparePathToFunction(d, (p) => modulatingFactor(p, 1, curve.gamma), x, y, box, [0, 1]);
        // Every vertex on the curve; how closely the lines between them follow it is curve-pixel-error.test.ts's.
        expect(compared, curve.key).toBeGreaterThan(20);
      }
    },
  );

  it("keeps the γ = 0 line (a factor of 1) inside the plot, below the top edge", () => {
    const size = { width: 640, height: 400 };
    const scene = modulatingFactorScene(modulatingFactorData({ gamma: 1, alpha: null }), size);
    const { y, box } = modulatingFactorLayout(size);
    expect(y(1)).toBeGreaterThan(box.top + 5);
    expect(attrsOf(scene, "path", "g0", "curves").d).toContain(`,${Math.round(y(1) * 100) / 100}L`);
  });

  it("reads out the factor of every curve at the crosshair", () => {
    const scene = modulatingFactorScene(modulatingFactorData({ gamma: 3, alpha: null }), {
      width: 640,
      height: 400,
      crosshair: 0.5,
    });
    const legend = nodeAt(scene, "g", "legend");
    // (1 − 0.5)^3 = 0.125, (1 − 0.5)^0.5 = 0.707
    expect(nodeAt(legend, "text", "value", "reader").text).toBe("0.125");
    expect(nodeAt(legend, "text", "value", "g05").text).toBe("0.707");
  });

  it("prints as the committed SVG", async () => {
    await expect(
      snapshotSvg(
        modulatingFactorScene(modulatingFactorData({ gamma: 2, alpha: null }), {
          width: 640,
          height: 400,
          crosshair: 0.3,
        }),
      ),
    ).toMatchFileSnapshot("./__snapshots__/modulating-factor.svg");
  });
});
