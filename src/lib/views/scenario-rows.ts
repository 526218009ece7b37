/**
 * The rows of a CE-versus-FL comparison: one foreground and one background
 * example, every loss computed by the module. Tables render these; nothing
 * here knows about HTML.
 */
import type { Scenario } from "../article/article-values";
import {
  alphaT,
  balancedCrossEntropy,
  crossEntropy,
  focalLoss,
  modulatingFactor,
  pt,
  type Alpha,
  type Label,
} from "../math/loss";

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

/**
 * CE / FL taken apart: CE / FL = 1 / (α_t (1 − p_t)^γ) = (1 / α_t) × (1 / (1 − p_t)^γ).
 * The α part is fixed per class; the γ part depends only on p_t, so two examples
 * with the same p_t share it whatever their class. (At p_t = 1 both losses are 0
 * and the ratio is read as 1 while the γ part is infinite: the split is for p_t < 1.)
 */
export interface RatioSplit {
  y: Label;
  p: number;
  /** 1 / α_t: how much of the ratio the class weight alone accounts for */
  alphaPart: number;
  /** 1 / (1 − p_t)^γ: how much the modulating factor alone accounts for */
  gammaPart: number;
  /** CE / FL, computed from the losses themselves (not as the product of the parts) */
  ratio: number;
}

export function ratioSplit(p: number, y: Label, alpha: Alpha, gamma: number): RatioSplit {
  const ce = crossEntropy(p, y);
  return {
    y,
    p,
    alphaPart: 1 / alphaT(alpha, y),
    gammaPart: 1 / modulatingFactor(p, y, gamma),
    ratio: lossRatio(ce, focalLoss(p, y, { alpha, gamma })),
  };
}

export interface ScenarioRatioSplit {
  scenario: Scenario;
  foreground: RatioSplit;
  background: RatioSplit;
}

/** The split for every scenario given, foreground and background. */
export function scenarioRatioSplits(scenarios: readonly Scenario[], alpha: Alpha, gamma: number): ScenarioRatioSplit[] {
  return scenarios.map((scenario) => ({
    scenario,
    foreground: ratioSplit(scenario.foregroundP, 1, alpha, gamma),
    background: ratioSplit(scenario.backgroundP, 0, alpha, gamma),
  }));
}
