/**
 * The numbers the detector chapter states in its prose, computed from the
 * runs the build trains (memoised with the figure's own), never typed: the
 * default run (prior initialisation on) and the same run with the head's bias
 * started at 0, which is the paper's §5.1 experiment in miniature.
 */
import { DETECTOR_LAB_STATE, type DetectorLabState } from "../state/detector-lab-state";
import { finishedRun, type DetectorSnapshot } from "./detector-session";

/** The paper's example of a one-stage detector's imbalance, foreground to background: "(e.g., 1:1000)" (§3). */
export const PAPER_IMBALANCE = 1000;

export const DEFAULT_DETECTOR_STATE: DetectorLabState = DETECTOR_LAB_STATE.defaults;
/** Without the prior, CE's collapse shows within the first hundred steps; fewer steps keep the build short. */
export const NO_PRIOR_STATE: DetectorLabState = { ...DEFAULT_DETECTOR_STATE, prior: false, steps: 100 };

export function defaultDetectorRun(): DetectorSnapshot {
  return finishedRun(DEFAULT_DETECTOR_STATE);
}

export function noPriorDetectorRun(): DetectorSnapshot {
  return finishedRun(NO_PRIOR_STATE);
}

/**
 * How two APs compare, in words, for a sentence of the form "focal loss ended
 * … cross-entropy": a difference under 0.01 AP is "level with".
 */
export function compareDetectorAp(focal: number, ce: number): string {
  if (Math.abs(focal - ce) < 0.01) return "level with";
  return focal > ce ? "ahead of" : "behind";
}

/** Whether a model ended no better than chance (within 2× the chance AP): what a collapsed run looks like. */
export function collapsed(ap: number, chance: number): boolean {
  return ap <= 2 * chance;
}
