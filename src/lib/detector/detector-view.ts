/**
 * Everything the chapter's figures show for one set of ground-truth boxes and
 * one α, γ: the assignment and its counts per level, the model's scores, and
 * the loss map under each of the three losses. The browser recomputes it on
 * every drag; the build computes the default once.
 */
import { generateAnchors, type AnchorSet } from "./anchors";
import {
  assignAnchors,
  countsByLevel,
  positivesPerObject,
  type Assignment,
  type GroundTruth,
  type LabelCounts,
} from "./assignment";
import { lossMap, trainingTerms, LOSS_KINDS, type LossKind, type LossMap, type TrainingTerms } from "./loss-map";
import { baseLogits, DEFAULT_SCORE_MODEL, modelLogits, scoreNoise, type ScoreModel } from "./score-model";
import { SCENE_CLASSES, SCENE_SIZE } from "./scene";

/** The anchors and the noise draws, made once per page: they never change with the boxes. */
export interface DetectorSetup {
  anchors: AnchorSet;
  noise: Float64Array;
  /** b + noise·z per anchor and class (see score-model.ts) */
  base: Float64Array;
  classes: number;
  model: ScoreModel;
}

export function detectorSetup(
  model: ScoreModel = DEFAULT_SCORE_MODEL,
  classes = SCENE_CLASSES.length,
  size = SCENE_SIZE,
  anchors = generateAnchors(size),
): DetectorSetup {
  const noise = scoreNoise(model.seed, anchors.count * classes);
  return { anchors, noise, base: baseLogits(noise, model), classes, model };
}

let shared: DetectorSetup | undefined;

/** The chapter's setup, made once per page however many figures read it (~100k anchors and their noise draws). */
export function sharedDetectorSetup(): DetectorSetup {
  return (shared ??= detectorSetup(DEFAULT_SCORE_MODEL, SCENE_CLASSES.length, SCENE_SIZE, sharedAnchors()));
}

let sharedAnchorSet: AnchorSet | undefined;

/**
 * The chapter's anchors alone, made once per page: what the anchor map's overlay and words need, since
 * its worker scores them. A few milliseconds, where the setup's noise draws take ten times that.
 */
export function sharedAnchors(): AnchorSet {
  return (sharedAnchorSet ??= generateAnchors(SCENE_SIZE));
}

export interface DetectorView {
  assignment: Assignment;
  levelCounts: LabelCounts[];
  positivesPerObject: number[];
  logits: Float64Array;
  terms: TrainingTerms;
  maps: Record<LossKind, LossMap>;
}

export function detectorView(
  setup: DetectorSetup,
  objects: readonly GroundTruth[],
  alpha: number,
  gamma: number,
  kinds: readonly LossKind[] = LOSS_KINDS,
): DetectorView {
  const assignment = assignAnchors(setup.anchors, objects, setup.classes);
  const logits = modelLogits(assignment, setup.base, setup.model);
  const terms = trainingTerms(assignment, objects, logits);
  const maps = {} as Record<LossKind, LossMap>;
  for (const kind of kinds) maps[kind] = lossMap(terms, setup.anchors.count, kind, alpha, gamma);
  return {
    assignment,
    levelCounts: countsByLevel(setup.anchors, assignment),
    positivesPerObject: positivesPerObject(assignment, objects.length),
    logits,
    terms,
    maps,
  };
}
