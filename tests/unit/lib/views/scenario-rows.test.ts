import { describe, expect, it } from "vitest";
import { ARTICLE_ALPHA, ARTICLE_GAMMA, articleScenarios } from "../../../../src/lib/article/article-values";
import {
  comparisonRow,
  lossRatio,
  ratioSplit,
  scenarioRatioSplits,
  scenarioRows,
} from "../../../../src/lib/views/scenario-rows";
import { loadReference, relativeError } from "../../../support/reference";

interface ArticleCase {
  scenario: string;
  cls: "FG" | "BG";
  p: number;
  y: 0 | 1;
  alpha: number;
  gamma: number;
  ce: number;
  balanced_ce: number;
  fl: number;
  ce_over_fl: number;
}
const reference = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;

describe("scenarioRows", () => {
  it.each(articleScenarios.map((s) => [s.id, s] as const))(
    "%s: foreground then background, every loss the 60-digit truth",
    (_id, s) => {
      const rows = scenarioRows(s, ARTICLE_ALPHA, ARTICLE_GAMMA);
      expect(rows.map((r) => [r.y, r.p])).toEqual([
        [1, s.foregroundP],
        [0, s.backgroundP],
      ]);
      for (const r of rows) {
        const truth = reference.find((c) => c.scenario === s.id && c.y === r.y);
        expect(truth, `${s.id} y=${r.y}`).toBeDefined();
        expect(truth!.p).toBe(r.p);
        expect(relativeError(r.ce, truth!.ce)).toBeLessThan(1e-12);
        expect(relativeError(r.balancedCe, truth!.balanced_ce)).toBeLessThan(1e-12);
        expect(relativeError(r.fl, truth!.fl)).toBeLessThan(1e-12);
        expect(relativeError(r.ceOverFl, truth!.ce_over_fl)).toBeLessThan(1e-12);
      }
    },
  );
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

describe("ratioSplit: CE / FL as its α part times its γ part", () => {
  const splits = scenarioRatioSplits(articleScenarios, ARTICLE_ALPHA, ARTICLE_GAMMA);
  const cases = splits.flatMap((s) =>
    [s.foreground, s.background].map((split) => [s.scenario.id, split.y, split] as const),
  );

  it("covers every scenario and both classes", () => {
    expect(cases.map(([id, y]) => `${id}/${y}`)).toEqual([
      "easy/1",
      "easy/0",
      "misclassified/1",
      "misclassified/0",
      "very-easy/1",
      "very-easy/0",
    ]);
  });

  it.each(cases)(
    "%s, y = %s: α part = CE/CEα, γ part = CEα/FL and their product = CE/FL, all against the 60-digit truth",
    (id, y, split) => {
      const truth = reference.find((c) => c.scenario === id && c.y === y)!;
      expect(relativeError(split.ratio, truth.ce_over_fl)).toBeLessThan(1e-12);
      expect(relativeError(split.alphaPart, truth.ce / truth.balanced_ce)).toBeLessThan(1e-12);
      expect(relativeError(split.gammaPart, truth.balanced_ce / truth.fl)).toBeLessThan(1e-12);
      expect(relativeError(split.alphaPart * split.gammaPart, truth.ce_over_fl)).toBeLessThan(1e-12);
    },
  );

  it("the γ part is the same for both classes of a scenario; the α part is 4 for every foreground and 4/3 for every background", () => {
    for (const s of splits) {
      expect(relativeError(s.foreground.gammaPart, s.background.gammaPart)).toBeLessThan(1e-12);
      expect(s.foreground.alphaPart).toBe(4);
      expect(relativeError(s.background.alphaPart, 4 / 3)).toBeLessThan(1e-15);
    }
  });

  it("the misclassified foreground's 4.43× is 4 from α and only about 1.11 from γ (1/0.95²)", () => {
    const mis = splits.find((s) => s.scenario.id === "misclassified")!.foreground;
    expect(mis.alphaPart).toBe(4);
    expect(mis.gammaPart).toBeCloseTo(1 / 0.9025, 12);
    expect(mis.ratio).toBeCloseTo(4.4321329639889, 10);
  });

  it("without α the ratio is the γ part alone; with γ = 0 it is the α part alone", () => {
    const noAlpha = ratioSplit(0.3, 0, null, 2);
    expect(noAlpha.alphaPart).toBe(1);
    expect(relativeError(noAlpha.ratio, noAlpha.gammaPart)).toBeLessThan(1e-15);
    const noGamma = ratioSplit(0.3, 1, 0.25, 0);
    expect(noGamma.gammaPart).toBe(1);
    expect(relativeError(noGamma.ratio, 4)).toBeLessThan(1e-15);
  });
});
