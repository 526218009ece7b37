/** The Lighthouse scores every checked page must reach, and the check against them. */

export interface CategoryScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

export const LIGHTHOUSE_MINIMUM: CategoryScores = { performance: 95, accessibility: 100, bestPractices: 100, seo: 100 };

const NAMES: Record<keyof CategoryScores, string> = {
  performance: "Performance", accessibility: "Accessibility", bestPractices: "Best Practices", seo: "SEO",
};

/** One line per category below its minimum; empty when the page reaches all four. */
export function scoreProblems(page: string, scores: CategoryScores, minimum: CategoryScores = LIGHTHOUSE_MINIMUM): string[] {
  return (Object.keys(minimum) as (keyof CategoryScores)[])
    .filter((k) => !(scores[k] >= minimum[k]))
    .map((k) => `${page}: ${NAMES[k]} ${scores[k]} < ${minimum[k]}`);
}
