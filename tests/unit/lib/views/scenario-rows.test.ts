import { describe, expect, it } from "vitest";
import { ARTICLE_ALPHA, ARTICLE_GAMMA, articleScenarios } from "../../../../src/lib/article/article-values";
import { comparisonRow, lossRatio, scenarioRows } from "../../../../src/lib/views/scenario-rows";
import { loadReference, relativeError } from "../../../support/reference";

interface ArticleCase { scenario: string; cls: "FG" | "BG"; p: number; y: 0 | 1; alpha: number; gamma: number; ce: number; balanced_ce: number; fl: number; ce_over_fl: number }
const reference = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;

describe("scenarioRows", () => {
  it.each(articleScenarios.map((s) => [s.id, s] as const))("%s: foreground then background, every loss the 60-digit truth", (_id, s) => {
    const rows = scenarioRows(s, ARTICLE_ALPHA, ARTICLE_GAMMA);
    expect(rows.map((r) => [r.y, r.p])).toEqual([[1, s.foregroundP], [0, s.backgroundP]]);
    for (const r of rows) {
      const truth = reference.find((c) => c.scenario === s.id && c.y === r.y);
      expect(truth, `${s.id} y=${r.y}`).toBeDefined();
      expect(truth!.p).toBe(r.p);
      expect(relativeError(r.ce, truth!.ce)).toBeLessThan(1e-12);
      expect(relativeError(r.balancedCe, truth!.balanced_ce)).toBeLessThan(1e-12);
      expect(relativeError(r.fl, truth!.fl)).toBeLessThan(1e-12);
      expect(relativeError(r.ceOverFl, truth!.ce_over_fl)).toBeLessThan(1e-12);
    }
  });
});

describe("lossRatio", () => {
  it("reads 0/0 as 1 and x/0 as infinite, never NaN", () => {
    expect(lossRatio(0, 0)).toBe(1);
    expect(lossRatio(2, 0)).toBe(Infinity);
    expect(lossRatio(2, 0.5)).toBe(4);
  });
  it("a perfect foreground prediction has ratio 1 and γ = 0 without α has ratio 1", () => {
    expect(comparisonRow(1, 1, 0.25, 2).ceOverFl).toBe(1);
    expect(comparisonRow(0.3, 1, null, 0).ceOverFl).toBe(1);
  });
});
