import { describe, expect, it } from "vitest";
import { logitLossGradientData } from "../../../src/lib/views/figure-data";
import { focalLossFromLogit, focalLossGradLogit } from "../../../src/lib/math/loss";
import { logitAtPixel, logitLossGradientLayout, logitLossGradientScene } from "../../../src/charts/logit-loss-gradient";
import { attrsOf, badValues, comparePathToFunction, snapshotSvg } from "./svg-paths";

describe("logitLossGradientScene", () => {
  it.each([
    [{ width: 680, height: 340 }, 2, null],
    [{ width: 680, height: 340 }, 5, 0.25],
    [{ width: 360, height: 480 }, 0.5, 0.75],
  ] as const)(
    "at %o draws FL, CE and their gradients as the module computes them (γ = %s, α = %s)",
    (size, gamma, alpha) => {
      const data = logitLossGradientData({ gamma, alpha });
      const scene = logitLossGradientScene(data, size);
      expect(badValues(scene)).toEqual([]);
      const [lossPanel, gradPanel] = logitLossGradientLayout(size);
      const params = { fl: { gamma, alpha }, ce: { gamma: 0, alpha } };
      for (const [panel, key, fn] of [
        [lossPanel!, "reader", (x: number) => focalLossFromLogit(x, 1, params.fl)],
        [lossPanel!, "ce", (x: number) => focalLossFromLogit(x, 1, params.ce)],
        [gradPanel!, "reader", (x: number) => focalLossGradLogit(x, 1, params.fl)],
        [gradPanel!, "ce", (x: number) => focalLossGradLogit(x, 1, params.ce)],
      ] as const) {
        const d = attrsOf(scene, "path", key, panel.key === "loss" ? "loss" : "gradient").d!;
        // Every vertex on the curve; how closely the lines between them follow it is curve-pixel-error.test.ts's.
        expect(
          comparePathToFunction(d, fn, panel.x, panel.y, panel.box, [-6, 6]),
          `${panel.key} ${key}`,
        ).toBeGreaterThan(10);
      }
    },
  );

  it("puts the panels side by side in a wide box and stacks them in a tall one", () => {
    const [a, b] = logitLossGradientLayout({ width: 680, height: 340 });
    expect(b!.box.left).toBeGreaterThan(a!.box.right);
    expect(b!.box.top).toBe(a!.box.top);
    const [c, d] = logitLossGradientLayout({ width: 360, height: 480 });
    expect(d!.box.top).toBeGreaterThan(c!.box.bottom);
    expect(d!.box.left).toBe(c!.box.left);
    expect(d!.box.bottom).toBeLessThanOrEqual(480 - 40);
  });

  it("maps a pixel in either panel to the logit under it, and the gap between them to none", () => {
    const panels = logitLossGradientLayout({ width: 680, height: 340 });
    const [a, b] = panels;
    expect(logitAtPixel(panels, a!.x(2))).toBeCloseTo(2, 9);
    expect(logitAtPixel(panels, b!.x(-3.5))).toBeCloseTo(-3.5, 9);
    expect(logitAtPixel(panels, (a!.box.right + b!.box.left) / 2)).toBeNull();
  });

  it("the gradient panel's floor holds the steepest focal-loss gradient on the slider (γ = 5)", () => {
    const data = logitLossGradientData({ gamma: 5, alpha: null });
    const lowest = Math.min(...data.gradient[1]!.points.map((p) => p.y));
    const [, grad] = logitLossGradientLayout({ width: 680, height: 340 });
    expect(lowest).toBeGreaterThan(grad!.y.domain()[0]!);
  });

  it("prints as the committed SVG (side by side, and stacked with a crosshair)", async () => {
    await expect(
      snapshotSvg(
        logitLossGradientScene(logitLossGradientData({ gamma: 2, alpha: 0.25 }), { width: 680, height: 340 }),
      ),
    ).toMatchFileSnapshot("./__snapshots__/logit-loss-gradient.svg");
    await expect(
      snapshotSvg(
        logitLossGradientScene(logitLossGradientData({ gamma: 2, alpha: null }), {
          width: 360,
          height: 480,
          crosshair: 1.5,
        }),
      ),
    ).toMatchFileSnapshot("./__snapshots__/logit-loss-gradient-stacked.svg");
  });
});
