import { describe, expect, it } from "vitest";
import { quotedRatioOf, quotedRatios } from "../../../../src/lib/article/quoted-ratios";
import { loadReference } from "../../../support/reference";

interface ArticleCase {
  scenario: string;
  y: 0 | 1;
  ce: number;
  fl: number;
}
const truth = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;
const fgTruth = (scenario: string) => truth.find((c) => c.scenario === scenario && c.y === 1)!;

describe("the arithmetic of the article's closing ratios", () => {
  it("finds one quoted ratio per scenario", () => {
    expect(quotedRatios().map((q) => q.scenario)).toEqual(["easy", "misclassified", "very-easy"]);
  });

  it("scenario 2: 2.3 / 0.667 is 3.45, not the printed 4.5; the exact CE over the printed 0.667 is what gives 4.5", () => {
    const q = quotedRatioOf("ft-s2-ratio")!;
    expect(q.quotient).toBeCloseTo(2.3 / 0.667, 12);
    expect(q.quotient.toFixed(2)).toBe("3.45");
    expect(q.quotientGivesRatio).toBe(false);
    expect(q.exactCeOverPrintedFl).toBeCloseTo(fgTruth("misclassified").ce / 0.667, 12);
    expect(q.exactCeOverPrintedFl.toFixed(1)).toBe("4.5");
    expect(q.exactCeGivesRatio).toBe(true);
  });

  it("scenario 1: 0.05129 / 3.2058 × 10⁻⁷ is about 1.6 × 10⁵, so the printed 1600 holds only because the exact FL is × 10⁻⁵", () => {
    const q = quotedRatioOf("ft-s1-ratio")!;
    expect(q.quotientGivesRatio).toBe(false);
    expect(Math.round(q.quotient / 1e4)).toBe(16);
    expect(fgTruth("easy").ce / fgTruth("easy").fl).toBeCloseTo(1600, 9);
  });

  it("scenario 3: 0.01 / 0.00000025 is the printed 40000", () => {
    expect(quotedRatioOf("ft-s3-ratio")!.quotientGivesRatio).toBe(true);
  });

  it("a printed value that is not a quoted ratio has none", () => {
    expect(quotedRatioOf("ft-s2-ce")).toBeUndefined();
  });
});
