import { describe, expect, it } from "vitest";
import { loadReference, relativeError } from "../../../support/reference";
import {
  focalCurvesData,
  gammaKey,
  logitLossGradientData,
  modulatingFactorData,
  PT_SAMPLES,
  TABLE_PTS,
  WORKED_EXAMPLE_PTS,
  tableRows,
} from "../../../../src/lib/views/figure-data";
import { crossEntropy, focalLossOfPt } from "../../../../src/lib/math/loss";

interface GridCase {
  p: number;
  y: 0 | 1;
  gamma: number;
  alpha: number | null;
  fl: number;
  modulating: number;
}
const grid = loadReference<{ cases: GridCase[] }>("probability-grid.json").cases;

describe("focalCurvesData", () => {
  it("has the paper's five reference curves (no α) and the reader's, in that order", () => {
    const curves = focalCurvesData({ gamma: 1.3, alpha: 0.25 });
    expect(curves.map((c) => c.key)).toEqual(["g0", "g05", "g1", "g2", "g5", "reader"]);
    expect(curves.map((c) => c.gamma)).toEqual([0, 0.5, 1, 2, 5, 1.3]);
    expect(curves.slice(0, 5).every((c) => c.alpha === null && !c.reader)).toBe(true);
    expect(curves[5]).toMatchObject({ reader: true, alpha: 0.25 });
  });

  it("samples p_t over [0, 1] with extra points near 0", () => {
    expect(PT_SAMPLES[0]).toBe(0);
    expect(PT_SAMPLES.at(-1)).toBe(1);
    expect(PT_SAMPLES.filter((p) => p > 0 && p < 0.005).length).toBeGreaterThanOrEqual(5);
    expect([...PT_SAMPLES].sort((a, b) => a - b)).toEqual(PT_SAMPLES);
  });

  it("matches the 60-digit reference at every grid point the samples share with it", () => {
    // The reference holds y = 1 cases where p is p_t itself.
    const checked = grid.filter(
      (c) => c.y === 1 && PT_SAMPLES.includes(c.p) && [0, 0.5, 1, 2, 5].includes(c.gamma) && c.alpha === null,
    );
    expect(checked.length).toBeGreaterThan(5);
    for (const c of checked) {
      const curve = focalCurvesData({ gamma: 2, alpha: null }).find((k) => k.key === gammaKey(c.gamma))!;
      const point = curve.points.find((pt) => pt.x === c.p)!;
      expect(relativeError(point.y, c.fl), `γ=${c.gamma} p_t=${c.p}`).toBeLessThan(1e-12);
      expect(relativeError(curve.at(c.p), c.fl)).toBeLessThan(1e-12);
    }
  });

  it("the reader's curve carries α: with α = 0.25 it is a quarter of the unweighted curve", () => {
    const weighted = focalCurvesData({ gamma: 2, alpha: 0.25 }).at(-1)!;
    const plain = focalCurvesData({ gamma: 2, alpha: null }).at(-1)!;
    for (const p of [0.1, 0.5, 0.9]) expect(weighted.at(p)).toBeCloseTo(plain.at(p) / 4, 14);
  });
});

describe("modulatingFactorData", () => {
  it("is (1 − p_t)^γ, checked against the reference grid", () => {
    const checked = grid.filter((c) => c.y === 1 && [0.5, 2].includes(c.gamma) && c.alpha === null);
    const curves = modulatingFactorData({ gamma: 0, alpha: null });
    for (const c of checked) {
      const curve = curves.find((k) => k.key === gammaKey(c.gamma))!;
      expect(relativeError(curve.at(c.p), c.modulating)).toBeLessThan(1e-12);
    }
  });
});

describe("logitLossGradientData", () => {
  interface LogitCase {
    logit: number;
    y: 0 | 1;
    gamma: number;
    alpha: number | null;
    fl: number;
    dfl_dlogit: number;
  }
  const cases = loadReference<{ cases: LogitCase[] }>("logit-cases.json").cases;

  it("gives FL and dFL/dx of a foreground example that match the reference, and CE as γ = 0", () => {
    const some = cases.filter((c) => c.y === 1 && Math.abs(c.logit) <= 6).slice(0, 40);
    expect(some.length).toBeGreaterThan(5);
    for (const c of some) {
      const data = logitLossGradientData({ gamma: c.gamma, alpha: c.alpha });
      expect(relativeError(data.loss[1]!.at(c.logit), c.fl), `x=${c.logit}`).toBeLessThan(1e-12);
      expect(relativeError(data.gradient[1]!.at(c.logit), c.dfl_dlogit), `x=${c.logit}`).toBeLessThan(1e-10);
    }
    const data = logitLossGradientData({ gamma: 3, alpha: null });
    // CE of a logit is softplus(−x), its gradient −σ(−x).
    expect(data.loss[0]!.at(0)).toBeCloseTo(Math.LN2, 15);
    expect(data.gradient[0]!.at(0)).toBeCloseTo(-0.5, 15);
  });

  it("flattens the gradient of easy examples: at x = 3 FL's gradient is far smaller than CE's", () => {
    const data = logitLossGradientData({ gamma: 2, alpha: null });
    expect(Math.abs(data.gradient[1]!.at(3))).toBeLessThan(Math.abs(data.gradient[0]!.at(3)) / 10);
  });
});

describe("tableRows", () => {
  it("evaluates each curve at the table's p_t values with the module", () => {
    const curves = focalCurvesData({ gamma: 1.7, alpha: 0.4 });
    const rows = tableRows(curves, TABLE_PTS);
    expect(rows.map((r) => r.x)).toEqual([...TABLE_PTS]);
    expect(rows[6]!.values[0]).toBe(crossEntropy(0.9, 1));
    expect(rows[6]!.values[5]).toBe(focalLossOfPt(0.9, { gamma: 1.7, alpha: 0.4 }));
  });
});

describe("WORKED_EXAMPLE_PTS", () => {
  it("are the article's p_t values", () => {
    expect(WORKED_EXAMPLE_PTS).toEqual([0.01, 0.05, 0.95, 0.99]);
  });
});
