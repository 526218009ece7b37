/**
 * A detector run as the lab shows it: the two models trained to a number of
 * steps, with what the page draws after any step (the loss curves, the share
 * of loss and gradient from well-classified negatives, each model's loss map
 * on one held-out scene, and the held-out average precision). The Web Worker
 * steps it in slices; the build runs the default to the end, so the chapter
 * shows a finished run with JavaScript off.
 */
import type { DetectorLabState } from "../state/detector-lab-state";
import { ANCHOR_COUNT } from "./anchor-grid";
import {
  DEFAULT_DETECTOR_SETTINGS,
  DetectorRun,
  CLASS_COUNT,
  anchorAp,
  labelScene,
  heldOutScenes,
  type LabelledScene,
  type StepRecord,
} from "./detector-run";
import { candidateDetections, type Detection } from "./detections";
import { makeScene, sceneSeed } from "./scenes";

/** Scenes held out for AP: enough for a stable number, few enough to score in a few ms. */
export const HELD_OUT_SCENES = 24;
/** Held-out scenes whose detections the lab draws. */
export const DETECTION_SCENES = 3;
/** Scenes the reader asks for ("a new scene") come from a stream neither training nor held-out scenes use. */
const NEW_SCENE_OFFSET = 1 << 29;

/** The reader's k-th new scene for a seed: the same scene in the page (to draw) and in the worker (to score). */
export function newScene(seed: number, k: number): LabelledScene {
  return labelScene(makeScene(sceneSeed(seed, NEW_SCENE_OFFSET + k)));
}

/** History points kept for the curves (a curve needs no more than this). */
const CURVE_POINTS = 160;

export interface ModelSnapshot {
  /** per kept step: loss and the shares of loss and |gradient| from well-classified negatives */
  loss: number[];
  easyLossShare: number[];
  easyGradShare: number[];
  /** held-out anchor AP, when measured */
  ap: number | null;
  /** each anchor's loss on the showcase scene */
  lossMap: Float32Array;
  /** the model's logits on the showcase scene, [anchor][class] (chapter 6's loss map can score with them) */
  logits: Float32Array;
  /** NMS'd candidate detections on the first DETECTION_SCENES held-out scenes, when measured */
  detections: Detection[][] | null;
}

export interface DetectorSnapshot {
  step: number;
  steps: number;
  finished: boolean;
  /** the step number of each kept history point */
  atStep: number[];
  ce: ModelSnapshot;
  focal: ModelSnapshot;
  /** the AP of a scorer that knows nothing (the positives' share) */
  chanceAp: number;
  positivesPerScene: number;
  negativesPerScene: number;
}

export function settingsOf(state: DetectorLabState) {
  return {
    ...DEFAULT_DETECTOR_SETTINGS,
    seed: state.seed,
    gamma: state.gamma,
    alpha: state.alpha,
    priorInit: state.prior,
  };
}

/** Keep at most `n` points of a history, evenly, always with the last. */
export function thinIndices(length: number, n = CURVE_POINTS): number[] {
  if (length <= n) return Array.from({ length }, (_, i) => i);
  const out = Array.from({ length: n }, (_, i) => Math.round((i * (length - 1)) / (n - 1)));
  return [...new Set(out)];
}

export class DetectorSession {
  readonly run: DetectorRun;
  readonly heldOut: LabelledScene[];
  readonly steps: number;
  private ap: { ce: number | null; focal: number | null } = { ce: null, focal: null };
  readonly chanceAp: number;

  constructor(readonly state: DetectorLabState) {
    this.run = new DetectorRun(settingsOf(state));
    this.heldOut = heldOutScenes(state.seed, HELD_OUT_SCENES);
    this.steps = state.steps;
    this.chanceAp = anchorAp(this.heldOut, () => new Float32Array(ANCHOR_COUNT * 2));
  }

  get finished(): boolean {
    return this.run.step >= this.steps;
  }

  /** The scene whose loss maps are drawn: the first held-out one. */
  get showcase(): LabelledScene {
    return this.heldOut[0]!;
  }

  advance(count = 1): void {
    for (let i = 0; i < count && !this.finished; i++) this.run.trainStep();
    this.ap = { ce: null, focal: null };
  }

  measure(): void {
    this.ap = {
      ce: this.run.averagePrecision("ce", this.heldOut),
      focal: this.run.averagePrecision("focal", this.heldOut),
    };
  }

  /** Both models' NMS'd candidates on one scene. */
  detect(scene: LabelledScene): { ce: Detection[]; focal: Detection[] } {
    return {
      ce: candidateDetections(this.run.scores("ce", scene), CLASS_COUNT),
      focal: candidateDetections(this.run.scores("focal", scene), CLASS_COUNT),
    };
  }

  snapshot(withMetrics: boolean): DetectorSnapshot {
    if (withMetrics && this.ap.ce === null) this.measure();
    const keep = thinIndices(this.run.history.ce.length);
    const model = (which: "ce" | "focal"): ModelSnapshot => {
      const history: StepRecord[] = this.run.history[which];
      return {
        loss: keep.map((i) => history[i]!.loss),
        easyLossShare: keep.map((i) => history[i]!.easyNegativeLossShare),
        easyGradShare: keep.map((i) => history[i]!.easyNegativeGradShare),
        ap: this.ap[which],
        lossMap: this.run.lossMap(which, this.showcase),
        logits: this.run.sceneLogits(which, this.showcase),
        detections: withMetrics
          ? this.heldOut
              .slice(0, DETECTION_SCENES)
              .map((scene) => candidateDetections(this.run.scores(which, scene), CLASS_COUNT))
          : null,
      };
    };
    let positives = 0;
    let negatives = 0;
    for (const s of this.heldOut)
      for (const a of s.assignment) {
        if (a >= 0) positives++;
        else if (a === -1) negatives++;
      }
    return {
      step: this.run.step,
      steps: this.steps,
      finished: this.finished,
      atStep: keep.map((i) => i + 1),
      ce: model("ce"),
      focal: model("focal"),
      chanceAp: this.chanceAp,
      positivesPerScene: positives / this.heldOut.length,
      negativesPerScene: negatives / this.heldOut.length,
    };
  }
}

/** Finished runs at build time, memoised: the chapter's figure and its prose read the same ones. */
const finished = new Map<string, DetectorSnapshot>();

/** Where finished runs outlive one process (the build's disk cache); none unless one is given. */
export interface FinishedRunStore {
  read(key: string): DetectorSnapshot | null;
  write(key: string, snapshot: DetectorSnapshot): void;
}
let store: FinishedRunStore | null = null;

/** Keeps finished runs in `next` as well as in memory (src/build/finished-run-cache.ts gives the build's). */
export function keepFinishedRunsIn(next: FinishedRunStore | null): void {
  store = next;
}

export function finishedRun(state: DetectorLabState): DetectorSnapshot {
  const key = JSON.stringify(state);
  let snap = finished.get(key);
  if (!snap) {
    snap = store?.read(key) ?? undefined;
    if (!snap) {
      const session = new DetectorSession(state);
      session.advance(state.steps);
      snap = session.snapshot(true);
      store?.write(key, snap);
    }
    finished.set(key, snap);
  }
  return snap;
}
