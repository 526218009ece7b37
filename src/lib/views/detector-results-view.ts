/**
 * The detector lab's results as text: the five-seed spread (a row per seed and
 * the mean and range of each model's AP) and what a model found on a scene at
 * the reader's threshold. The component (build time) and the element (browser)
 * both go through here.
 */
import type { Detection, SceneScores } from "../detector-lab/detections";
import { LEVEL_AP, type ApRange, type SeedOutcome, type SeedSpread } from "../detector-lab/seed-spread";
import { formatNumber } from "../text/format";

export const apText = (ap: number) => formatNumber(ap, { notation: "fixed", digits: 3 });
export const scoreText = (score: number) => formatNumber(score, { notation: "fixed", digits: 2 });

export interface SeedRow {
  seed: string;
  ce: string;
  focal: string;
  chance: string;
  verdict: string;
}

/** Which model ended ahead on a seed (the table's "Ahead" column). */
export function seedVerdict(o: SeedOutcome): string {
  const d = o.focal - o.ce;
  if (Math.abs(d) < LEVEL_AP) return "level";
  return d > 0 ? "focal loss" : "cross-entropy";
}

export function seedRow(o: SeedOutcome): SeedRow {
  return {
    seed: String(o.seed),
    ce: apText(o.ce),
    focal: apText(o.focal),
    chance: apText(o.chance),
    verdict: seedVerdict(o),
  };
}

export const rangeText = (r: ApRange) => `${apText(r.mean)} (${apText(r.min)} to ${apText(r.max)})`;

const count = (n: number, total: number) => `${n} of ${total}`;

/** One sentence: both models' mean and range, and on how many seeds each came out ahead. */
export function spreadSummary(s: SeedSpread): string {
  const n = s.outcomes.length;
  return (
    `Over ${n} seeds, held-out AP: cross-entropy ${rangeText(s.ce)}, focal loss ${rangeText(s.focal)}, ` +
    `chance ${rangeText(s.chance)}. Focal loss ahead on ${count(s.focalAhead, n)} seeds, ` +
    `behind on ${count(s.focalBehind, n)}, level on ${count(s.level, n)}.`
  );
}

/** What one model found on one scene at the threshold, for the caption under its picture. */
export function detectionsText(found: readonly Detection[], threshold: number): string {
  const t = scoreText(threshold);
  if (found.length === 0) return `Nothing scored ${t} or more.`;
  return `${found.length} ${found.length === 1 ? "box" : "boxes"} scored ${t} or more (best ${scoreText(found[0]!.score)}).`;
}

/** How sure a model is of a new scene's objects and of its likeliest background anchor. */
export function sceneScoresText(s: SceneScores): string {
  const objects = s.objects.length
    ? `${s.objects.length === 1 ? "Its object" : "Its objects"}: ${s.objects.map(scoreText).join(", ")}`
    : "No object";
  return `${objects}; likeliest background anchor: ${scoreText(s.background)}.`;
}
