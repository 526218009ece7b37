import { describe, expect, it } from "vitest";
import { modulatingFactorData } from "../../../src/lib/views/figure-data";
import { modulatingFactor } from "../../../src/lib/math/loss";
import { modulatingFactorLayout, modulatingFactorMarkup } from "../../../src/charts/modulating-factor";
import { attrsOf, comparePathToFunction } from "./svg-paths";

describe("modulatingFactorMarkup", () => {
  it.each([[2], [0.3], [4.7]])("draws (1 − p_t)^γ for every curve as the module computes it (reader's γ = %s)", (gamma) => {
    const size = { width: 640, height: 400 };
    const curves = modulatingFactorData({ gamma, alpha: null });
    const markup = modulatingFactorMarkup(curves, size);
    const { x, y, box } = modulatingFactorLayout(size);
    for (const curve of curves) {
      const d = attrsOf(markup, "path", curve.key, "curves").d!;
      const compared = comparePathToFunction(d, (p) => modulatingFactor(p, 1, curve.gamma), x, y, box, [0, 1]);
      expect(compared, curve.key).toBeGreaterThan(150);
    }
  });

  it("keeps the γ = 0 line (a factor of 1) inside the plot, below the top edge", () => {
    const size = { width: 640, height: 400 };
    const markup = modulatingFactorMarkup(modulatingFactorData({ gamma: 1, alpha: null }), size);
    const { y, box } = modulatingFactorLayout(size);
    expect(y(1)).toBeGreaterThan(box.top + 5);
    expect(attrsOf(markup, "path", "g0", "curves").d).toContain(`,${Math.round(y(1) * 100) / 100}L`);
  });

  it("reads out the factor of every curve at the crosshair", () => {
    const markup = modulatingFactorMarkup(modulatingFactorData({ gamma: 3, alpha: null }), { width: 640, height: 400, crosshair: 0.5 });
    // (1 − 0.5)^3 = 0.125, (1 − 0.5)^0.5 = 0.707
    expect(markup).toMatch(/data-key="reader"[^>]*>.*?data-key="value"[^>]*>0\.125</);
    expect(markup).toMatch(/data-key="g05"[^>]*>.*?data-key="value"[^>]*>0\.707</);
  });
});
