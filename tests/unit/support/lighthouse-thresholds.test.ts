import { describe, expect, it } from "vitest";
import { calibratedCpuSlowdown, EMULATED_BENCHMARK_INDEX, LIGHTHOUSE_MINIMUM, scoreProblems } from "../../support/lighthouse-thresholds";

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

describe("calibratedCpuSlowdown", () => {
  it("keeps Lighthouse's default 4× on a host as fast as it assumes, or faster", () => {
    expect(calibratedCpuSlowdown(1760)).toBe(4);
    expect(calibratedCpuSlowdown(3000)).toBe(4);
  });

  it("slows a weaker host less, so both land on the same emulated phone", () => {
    expect(calibratedCpuSlowdown(1000)).toBe(2.3);
    expect(calibratedCpuSlowdown(880)).toBe(2);
    // The emulated CPU (index / slowdown) is the same for every host in range, up to the 0.1× rounding.
    for (const index of [500, 900, 1300, 1700]) {
      expect(Math.abs(index / calibratedCpuSlowdown(index) / EMULATED_BENCHMARK_INDEX - 1)).toBeLessThan(0.05);
    }
  });

  it("never speeds a host up, and falls back to the default without a measurement", () => {
    expect(calibratedCpuSlowdown(200)).toBe(1);
    expect(calibratedCpuSlowdown(Number.NaN)).toBe(4);
    expect(calibratedCpuSlowdown(0)).toBe(4);
  });
});
