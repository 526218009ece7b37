/**
 * The rows of a CE-versus-FL comparison: one foreground and one background
 * example, every loss computed by the module. Tables render these; nothing
 * here knows about HTML.
 */
import type { Scenario } from "../article/article-values";
import { balancedCrossEntropy, crossEntropy, focalLoss, modulatingFactor, pt, type Alpha, type Label } from "../math/loss";

export interface ComparisonRow {
  y: Label;
  p: number;
  pt: number;
  ce: number;
  balancedCe: number;
  modulating: number;
  fl: number;
  /** how many times smaller FL is than CE; Infinity when FL is 0 and CE is not */
  ceOverFl: number;
}

/** CE / FL, with 0/0 (a perfect prediction) read as 1: neither loss has anything to say. */
export function lossRatio(ce: number, fl: number): number {
  if (fl === 0) return ce === 0 ? 1 : Infinity;
  return ce / fl;
}

export function comparisonRow(p: number, y: Label, alpha: Alpha, gamma: number): ComparisonRow {
  const ce = crossEntropy(p, y);
  const fl = focalLoss(p, y, { alpha, gamma });
  return {
    y,
    p,
    pt: pt(p, y),
    ce,
    balancedCe: balancedCrossEntropy(p, y, alpha),
    modulating: modulatingFactor(p, y, gamma),
    fl,
    ceOverFl: lossRatio(ce, fl),
  };
}

/** Foreground first, then background, as the article lists them. */
export function scenarioRows(scenario: Scenario, alpha: Alpha, gamma: number): [ComparisonRow, ComparisonRow] {
  return [comparisonRow(scenario.foregroundP, 1, alpha, gamma), comparisonRow(scenario.backgroundP, 0, alpha, gamma)];
}
