import { describe, expect, it } from "vitest";
import { formulaTex, formulaTexts, formulaValues, FORMULA_DEFAULT_PT } from "../../../../src/lib/views/live-formula";
import { loadReference, relativeError } from "../../../support/reference";

interface ArticleCase {
  scenario: string;
  p: number;
  y: 0 | 1;
  alpha: number;
  gamma: number;
  ce: number;
  fl: number;
  ce_over_fl: number;
}
const article = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;

describe("formulaValues", () => {
  it("matches the article's foreground examples (α = 0.25, γ = 2) to 1e-12", () => {
    const foreground = article.filter((c) => c.y === 1);
    expect(foreground.length).toBeGreaterThan(1);
    for (const c of foreground) {
      const v = formulaValues(c.p, c.gamma, c.alpha);
      expect(relativeError(v.fl, c.fl), c.scenario).toBeLessThan(1e-12);
      expect(relativeError(v.ce, c.ce), c.scenario).toBeLessThan(1e-12);
      expect(relativeError(v.factor, c.ce_over_fl), c.scenario).toBeLessThan(1e-12);
    }
  });

  it("starts at the paper's p_t = 0.9", () => {
    expect(FORMULA_DEFAULT_PT).toBe(0.9);
  });
});

describe("formulaTexts and formulaTex", () => {
  it("write the same numbers as text and as TeX", () => {
    const v = formulaValues(0.9, 2, null);
    expect(formulaTexts(v)).toEqual({ fl: "0.001054", ce: "0.1054", factor: "100" });
    expect(formulaTex(v)).toEqual({ fl: "0.001054", ce: "0.1054", factor: "100" });
  });

  it("use powers of ten for tiny losses and huge factors, and ∞ when α = 0 silences the loss", () => {
    const tiny = formulaValues(0.99, 5, 0.25);
    expect(formulaTexts(tiny).fl).toMatch(/^\d\.\d{3} × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    expect(formulaTex(tiny).fl).toMatch(/^\d\.\d{3} \\times 10\^\{-\d+\}$/);
    expect(formulaTex(tiny).factor).toMatch(/\\times 10\^\{\d+\}$/);
    const silenced = formulaValues(0.5, 2, 0);
    expect(formulaTexts(silenced).factor).toBe("∞");
    expect(formulaTex(silenced).factor).toBe("\\infty");
  });
});
