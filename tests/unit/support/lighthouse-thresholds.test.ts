import { describe, expect, it } from "vitest";
import { LIGHTHOUSE_MINIMUM, scoreProblems } from "../../support/lighthouse-thresholds";

describe("scoreProblems", () => {
  it("passes scores at the minimum", () => {
    expect(scoreProblems("/", { performance: 95, accessibility: 100, bestPractices: 100, seo: 100 })).toEqual([]);
  });

  it("fails each category that falls one point short", () => {
    expect(scoreProblems("/", { performance: 94, accessibility: 99, bestPractices: 100, seo: 92 })).toEqual([
      "/: Performance 94 < 95",
      "/: Accessibility 99 < 100",
      "/: SEO 92 < 100",
    ]);
  });

  it("fails a missing score rather than passing it", () => {
    expect(scoreProblems("/x/", { ...LIGHTHOUSE_MINIMUM, bestPractices: Number.NaN })).toEqual(["/x/: Best Practices NaN < 100"]);
  });
});
