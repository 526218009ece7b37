import { describe, expect, it } from "vitest";
import {
  calibratedCpuSlowdown,
  EMULATED_BENCHMARK_INDEX,
  LIGHTHOUSE_MINIMUM,
  medianRun,
  scoreProblems,
} from "../../support/lighthouse-thresholds";

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
    expect(scoreProblems("/x/", { ...LIGHTHOUSE_MINIMUM, bestPractices: Number.NaN })).toEqual([
      "/x/: Best Practices NaN < 100",
    ]);
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

describe("medianRun", () => {
  const run = (performance: number, tag: string) => ({ tag, scores: { ...LIGHTHOUSE_MINIMUM, performance } });

  it("reports the run with the median Performance score, not the best", () => {
    expect(medianRun([run(94, "a"), run(99, "b"), run(96, "c")]).tag).toBe("c");
    expect(medianRun([run(99, "a"), run(90, "b"), run(93, "c")]).tag).toBe("c");
  });

  it("so one good run among bad ones does not pass a page", () => {
    const median = medianRun([run(99, "lucky"), run(90, "b"), run(91, "c")]);
    expect(scoreProblems("/", median.scores)).toEqual(["/: Performance 91 < 95"]);
  });

  it("takes a single run as it is, and the lower middle of an even count", () => {
    expect(medianRun([run(97, "only")]).tag).toBe("only");
    expect(medianRun([run(96, "a"), run(94, "b")]).tag).toBe("b");
    expect(() => medianRun([])).toThrow();
  });
});
