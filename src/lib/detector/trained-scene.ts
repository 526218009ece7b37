/**
 * The loss map with the detector trained in chapter 10 instead of the stated
 * score model. The network was trained on the lab's 64 × 64 scenes, so it is
 * shown on one of them, not on the park: the run's first held-out scene, with
 * the lab's own anchors (one level, stride 4, three squares per location) and
 * labels by RetinaNet's IoU rule, computed with this chapter's assignAnchors
 * (the same rule as the lab's, tests/unit/lib/detector/trained-scene.test.ts
 * checks that they agree). The logits are the network's; CE, balanced CE and
 * FL are then all evaluated on the logits of ONE of the two trained models
 * (the reader picks which), so the three rows compare losses on the same
 * scores, as they do on the park.
 */
import { ANCHOR_COUNT, ANCHOR_STRIDE, GRID, ANCHORS_PER_LOCATION, anchorBox } from "../detector-lab/anchor-grid";
import { heldOutScenes, type LabelledScene } from "../detector-lab/detector-run";
import { OBJECT_CLASSES, SCENE_SIZE as LAB_SCENE_SIDE } from "../detector-lab/scenes";
import type { TrainedModel, TrainedRun } from "../detector-lab/trained-logits-store";
import { formatCount } from "../views/loss-budget";
import type { AnchorSet } from "./anchors";
import { assignAnchors, positivesPerObject, type Assignment, type GroundTruth, type LabelCounts } from "./assignment";
import type { CellGrid } from "./cells";
import type { LevelRow } from "./describe";
import {
  FIGURE4_GAMMAS,
  lossCdfsAt,
  lossMap,
  LOSS_KINDS,
  termsByLoss,
  trainingTerms,
  type LossCdfs,
  type LossKind,
  type LossMap,
  type TermsByLoss,
  type TrainingTerms,
} from "./loss-map";

export const LAB_CLASSES: readonly string[] = OBJECT_CLASSES;
export const LAB_SCENE_SIZE = { width: LAB_SCENE_SIDE, height: LAB_SCENE_SIDE } as const;

let anchors: AnchorSet | null = null;

/**
 * The lab's 768 anchors as this chapter's anchor set. It has no pyramid
 * grids (its one level, stride 4, is not one of RetinaNet's P3–P7), so the
 * assignment visits every anchor: 768 IoUs per box, nothing to index.
 */
export function labAnchorSet(): AnchorSet {
  if (!anchors) {
    const boxes = new Float64Array(4 * ANCHOR_COUNT);
    for (let n = 0; n < ANCHOR_COUNT; n++) {
      const b = anchorBox(n);
      boxes.set([b.x0, b.y0, b.x1, b.y1], 4 * n);
    }
    anchors = { size: LAB_SCENE_SIZE, grids: [], boxes, levelIndex: new Uint8Array(ANCHOR_COUNT), count: ANCHOR_COUNT };
  }
  return anchors;
}

/** One cell per location (its three anchors share a centre): 16 × 16 cells of 4 pixels. */
export function labCellGrid(): CellGrid {
  const cellOf = Int32Array.from({ length: ANCHOR_COUNT }, (_, n) => Math.floor(n / ANCHORS_PER_LOCATION));
  return { columns: GRID, rows: GRID, cellSize: ANCHOR_STRIDE, cellOf };
}

/** The scene of a run and its labels: they depend on the seed only. */
export interface TrainedScene {
  run: TrainedRun;
  scene: LabelledScene;
  objects: GroundTruth[];
  assignment: Assignment;
  positivesPerObject: number[];
}

export function trainedScene(run: TrainedRun): TrainedScene {
  const scene = heldOutScenes(run.seed, 1)[0]!;
  const objects = scene.objects.map((o) => ({ box: { x0: o.x0, y0: o.y0, x1: o.x1, y1: o.y1 }, classIndex: o.cls }));
  const assignment = assignAnchors(labAnchorSet(), objects, LAB_CLASSES.length);
  return { run, scene, objects, assignment, positivesPerObject: positivesPerObject(assignment, objects.length) };
}

/** What the map shows for one model's logits and one α, γ. */
export interface TrainedSceneView {
  model: TrainedModel;
  logits: Float64Array;
  terms: TrainingTerms;
  maps: Record<LossKind, LossMap>;
}

export function trainedSceneView(
  setup: TrainedScene,
  model: TrainedModel,
  alpha: number,
  gamma: number,
  kinds: readonly LossKind[] = LOSS_KINDS,
): TrainedSceneView {
  const logits = Float64Array.from(setup.run.logits[model]);
  const terms = trainingTerms(setup.assignment, setup.objects, logits);
  const maps = {} as Record<LossKind, LossMap>;
  for (const kind of kinds) maps[kind] = lossMap(terms, ANCHOR_COUNT, kind, alpha, gamma);
  return { model, logits, terms, maps };
}

const sorted = new WeakMap<TrainingTerms, TermsByLoss>();

/** Figure 4 on the trained scene: the reference γ values and the reader's, from one sort of the terms. */
export function trainedLossCdfs(view: TrainedSceneView, gamma: number): { reference: LossCdfs[]; reader: LossCdfs } {
  let s = sorted.get(view.terms);
  if (!s) {
    s = termsByLoss(view.terms);
    sorted.set(view.terms, s);
  }
  const bySort = s;
  const reference = FIGURE4_GAMMAS.map((g) => lossCdfsAt(bySort, g));
  return { reference, reader: reference.find((c) => c.gamma === gamma) ?? lossCdfsAt(bySort, gamma) };
}

/** The anchors-per-level table for the lab's one level. */
export function labLevelRows(counts: LabelCounts): LevelRow[] {
  const row = {
    anchors: formatCount(ANCHOR_COUNT),
    foreground: formatCount(counts.foreground),
    ignored: formatCount(counts.ignored),
    background: formatCount(counts.background),
  };
  return [
    {
      level: `one level (${ANCHORS_PER_LOCATION} anchors a location)`,
      stride: ANCHOR_STRIDE,
      grid: `${GRID} × ${GRID}`,
      ...row,
    },
    { level: "all", stride: 0, grid: "", ...row },
  ];
}

/** The labels view of the trained scene, in words. */
export function describeLabAssignment(setup: TrainedScene): string {
  const c = setup.assignment.counts;
  const head = `${formatCount(ANCHOR_COUNT)} anchors on the ${LAB_SCENE_SIDE} × ${LAB_SCENE_SIDE} scene: ${formatCount(c.foreground)} foreground (IoU ≥ 0.5), ${formatCount(c.ignored)} ignored (0.4 ≤ IoU < 0.5), ${formatCount(c.background)} background.`;
  const parts = setup.positivesPerObject.map(
    (n, i) => `object ${i + 1} (${LAB_CLASSES[setup.objects[i]!.classIndex]}) ${formatCount(n)}`,
  );
  return `${head} Foreground anchors per object: ${parts.join(", ")}.`;
}
