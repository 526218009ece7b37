/** The Lighthouse scores every checked page must reach, and the check against them. */

export interface CategoryScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

export const LIGHTHOUSE_MINIMUM: CategoryScores = { performance: 95, accessibility: 100, bestPractices: 100, seo: 100 };

const NAMES: Record<keyof CategoryScores, string> = {
  performance: "Performance",
  accessibility: "Accessibility",
  bestPractices: "Best Practices",
  seo: "SEO",
};

/** One line per category below its minimum; empty when the page reaches all four. */
export function scoreProblems(
  page: string,
  scores: CategoryScores,
  minimum: CategoryScores = LIGHTHOUSE_MINIMUM,
): string[] {
  return (Object.keys(minimum) as (keyof CategoryScores)[])
    .filter((k) => !(scores[k] >= minimum[k]))
    .map((k) => `${page}: ${NAMES[k]} ${scores[k]} < ${minimum[k]}`);
}

/**
 * The CPU the mobile preset emulates, as a Lighthouse benchmark index: its
 * default 4× slowdown assumes a high-end desktop host (index 1500-2000, midpoint
 * 1750), which it brings to about 1750 / 4 ≈ 440, a mid-tier phone.
 */
export const EMULATED_BENCHMARK_INDEX = 440;

/**
 * The slowdown that brings this host to the emulated phone, as Lighthouse's
 * throttling guide says to calibrate on a host slower than it assumes
 * (docs/throttling.md, "Calibrating the CPU slowdown"; PageSpeed Insights
 * itself runs at 1.2×): benchmark index / 440, never above the default 4×
 * (a faster host keeps the standard preset) nor below 1. Without a valid
 * index, the default.
 */
export function calibratedCpuSlowdown(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) return 4;
  return Math.min(4, Math.max(1, Math.round((benchmarkIndex / EMULATED_BENCHMARK_INDEX) * 10) / 10));
}

/**
 * The run to report when a page was measured more than once: the one with the
 * median Performance score, as Lighthouse's variability guide advises (one
 * run's score moves with whatever else the host is doing; the median of three
 * or five does not). With an even count, the lower middle one.
 */
export function medianRun<T extends { scores: CategoryScores }>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error("medianRun: no runs");
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
