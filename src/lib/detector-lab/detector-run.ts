/**
 * One seeded run of the in-browser detector experiment: two copies of the same
 * tiny convolutional detector, started from the same weights and fed the same
 * batches of scenes, one trained with cross-entropy and one with focal loss.
 * The loss and its logit gradient come from the site's loss module
 * (focalLossBatch: summed over every non-ignored anchor and class, divided by
 * the number of positive anchors in the batch, as RetinaNet normalises, §4.1).
 * Pure and synchronous, so a Web Worker and a Node test run the very same code.
 */
import { focalLossBatch, focalLossFromLogit, priorBias, type FocalParams } from "../math/loss";
import { averagePrecision } from "../math/metrics";
import {
  backward,
  buildNetwork,
  createWorkspace,
  forward,
  initialParameters,
  sgdMomentumStep,
  type Network,
  type Workspace,
} from "../convnet/network";
import { ANCHOR_COUNT, ANCHORS_PER_LOCATION, BACKGROUND, IGNORED, assignAnchors, logitIndex } from "./anchor-grid";
import { OBJECT_CLASSES, SCENE_SIZE, makeScene, sceneSeed, type Scene } from "./scenes";

export const CLASS_COUNT = OBJECT_CLASSES.length;

/** The network: three ReLU convolutions (strides 2, 2, 1) to a stride-4 grid, then the head. */
export function detectorNetwork(): Network {
  return buildNetwork({
    inChannels: 1,
    height: SCENE_SIZE,
    width: SCENE_SIZE,
    hidden: [
      { outChannels: 4, stride: 2 },
      { outChannels: 8, stride: 2 },
      { outChannels: 16, stride: 1 },
    ],
    headChannels: ANCHORS_PER_LOCATION * CLASS_COUNT,
    headStride: 1,
  });
}

export interface DetectorSettings {
  seed: number;
  /** the focal model's γ and α; the other model is plain CE (γ = 0, α off) */
  gamma: number;
  alpha: number | null;
  batchSize: number;
  learningRate: number;
  momentum: number;
  /** start the head's bias at the prior b = −log((1 − π)/π) (§4.1) rather than at 0 */
  priorInit: boolean;
  /** π of the prior initialisation (0.01 in the paper) */
  prior: number;
  /** scenes held out for average precision */
  heldOut: number;
}

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  seed: 1,
  gamma: 2,
  alpha: 0.25,
  batchSize: 8,
  learningRate: 0.01,
  momentum: 0.9,
  priorInit: true,
  prior: 0.01,
  heldOut: 32,
};

/** A scene with its anchors' labels, ready for the loss. */
export interface LabelledScene extends Scene {
  assignment: Int8Array;
}

export function labelScene(scene: Scene): LabelledScene {
  return { ...scene, assignment: assignAnchors(scene.objects) };
}

/** Held-out scenes use indices far from the training stream's, so the two never meet. */
const HELD_OUT_OFFSET = 1 << 30;

export function heldOutScenes(seed: number, count: number): LabelledScene[] {
  return Array.from({ length: count }, (_, i) => labelScene(makeScene(sceneSeed(seed, HELD_OUT_OFFSET + i))));
}

/**
 * The (anchor, class) pairs the loss sees: every anchor that is not ignored,
 * once per class, labelled 1 only for its own object's class.
 */
export function lossTargets(assignment: Int8Array): { index: Int32Array; label: Uint8Array } {
  const index: number[] = [];
  const label: number[] = [];
  for (let n = 0; n < ANCHOR_COUNT; n++) {
    const a = assignment[n]!;
    if (a === IGNORED) continue;
    for (let k = 0; k < CLASS_COUNT; k++) {
      index.push(logitIndex(n, k, CLASS_COUNT));
      label.push(a !== BACKGROUND && a === k ? 1 : 0);
    }
  }
  return { index: Int32Array.from(index), label: Uint8Array.from(label) };
}

export interface StepRecord {
  loss: number;
  /** share of the summed loss from negatives that are well classified (p_t > 0.5, the paper's term) */
  easyNegativeLossShare: number;
  /** the same share of the summed |∂L/∂x| */
  easyNegativeGradShare: number;
  positives: number;
  negatives: number;
}

interface Model {
  params: Float32Array;
  velocity: Float32Array;
  grad: Float32Array;
  loss: FocalParams;
}

export class DetectorRun {
  readonly net = detectorNetwork();
  readonly settings: DetectorSettings;
  readonly models: { ce: Model; focal: Model };
  readonly history: { ce: StepRecord[]; focal: StepRecord[] } = { ce: [], focal: [] };
  private readonly workspaces: Workspace[];
  private readonly logits: Float32Array[];
  step = 0;

  constructor(settings: DetectorSettings = DEFAULT_DETECTOR_SETTINGS) {
    this.settings = settings;
    const init = initialParameters(this.net, settings.seed, settings.priorInit ? priorBias(settings.prior) : 0);
    const model = (loss: FocalParams): Model => ({
      params: init.slice(),
      velocity: new Float32Array(init.length),
      grad: new Float32Array(init.length),
      loss,
    });
    this.models = {
      ce: model({ alpha: null, gamma: 0 }),
      focal: model({ alpha: settings.alpha, gamma: settings.gamma }),
    };
    this.workspaces = Array.from({ length: settings.batchSize }, () => createWorkspace(this.net));
    const logitCount = this.net.outHeight * this.net.outWidth * this.net.spec.headChannels;
    this.logits = Array.from({ length: settings.batchSize }, () => new Float32Array(logitCount));
  }

  /** The next batch of the training stream: scene i of the run is always the same scene. */
  batch(step: number): LabelledScene[] {
    return Array.from({ length: this.settings.batchSize }, (_, b) =>
      labelScene(makeScene(sceneSeed(this.settings.seed, step * this.settings.batchSize + b))),
    );
  }

  /** One SGD step of both models on the same batch. */
  trainStep(): void {
    const scenes = this.batch(this.step);
    const targets = scenes.map((s) => lossTargets(s.assignment));
    for (const name of ["ce", "focal"] as const)
      this.history[name].push(this.stepModel(this.models[name], scenes, targets));
    this.step += 1;
  }

  private stepModel(
    model: Model,
    scenes: LabelledScene[],
    targets: { index: Int32Array; label: Uint8Array }[],
  ): StepRecord {
    const total = targets.reduce((s, t) => s + t.index.length, 0);
    const batchLogits = new Float64Array(total);
    const batchLabels = new Uint8Array(total);
    let at = 0;
    scenes.forEach((scene, b) => {
      this.logits[b]!.set(forward(this.net, model.params, scene.image, this.workspaces[b]!));
      const t = targets[b]!;
      for (let i = 0; i < t.index.length; i++) {
        batchLogits[at + i] = this.logits[b]![t.index[i]!]!;
        batchLabels[at + i] = t.label[i]!;
      }
      at += t.index.length;
    });
    const result = focalLossBatch(batchLogits, batchLabels, model.loss);
    const record = lossShares(batchLogits, batchLabels, result.grad, model.loss, result.positives);
    model.grad.fill(0);
    at = 0;
    scenes.forEach((_, b) => {
      const t = targets[b]!;
      const dLogits = new Float32Array(this.logits[b]!.length);
      for (let i = 0; i < t.index.length; i++) dLogits[t.index[i]!] = result.grad[at + i]!;
      at += t.index.length;
      backward(this.net, model.params, dLogits, this.workspaces[b]!, model.grad);
    });
    sgdMomentumStep(model.params, model.velocity, model.grad, this.settings.learningRate, this.settings.momentum);
    return { ...record, loss: result.loss };
  }

  /** Per-class logits of one scene under a model, [anchor][class] flattened: the head's output as it is. */
  sceneLogits(which: "ce" | "focal", scene: Scene): Float32Array {
    const logits = forward(this.net, this.models[which].params, scene.image, this.workspaces[0]!);
    const out = new Float32Array(ANCHOR_COUNT * CLASS_COUNT);
    for (let n = 0; n < ANCHOR_COUNT; n++)
      for (let k = 0; k < CLASS_COUNT; k++) out[n * CLASS_COUNT + k] = logits[logitIndex(n, k, CLASS_COUNT)]!;
    return out;
  }

  /** Per-class scores σ(logit) of one scene under a model: [anchor][class] flattened. */
  scores(which: "ce" | "focal", scene: Scene): Float32Array {
    const out = this.sceneLogits(which, scene);
    for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-out[i]!));
    return out;
  }

  /**
   * Each anchor's loss on one scene under the model's own loss (CE for the CE
   * model, FL for the focal one), summed over the classes; ignored anchors 0.
   * Not normalised: a share of the scene's total is what the map shows.
   */
  lossMap(which: "ce" | "focal", scene: LabelledScene): Float32Array {
    const logits = forward(this.net, this.models[which].params, scene.image, this.workspaces[0]!);
    const params = this.models[which].loss;
    const out = new Float32Array(ANCHOR_COUNT);
    for (let n = 0; n < ANCHOR_COUNT; n++) {
      const a = scene.assignment[n]!;
      if (a === IGNORED) continue;
      let sum = 0;
      for (let k = 0; k < CLASS_COUNT; k++)
        sum += focalLossFromLogit(logits[logitIndex(n, k, CLASS_COUNT)]!, a === k ? 1 : 0, params);
      out[n] = sum;
    }
    return out;
  }

  /**
   * Anchor-level average precision on held-out scenes, averaged over the
   * classes: each non-ignored anchor is one example per class, ranked by its
   * score. (Not COCO's box AP: there is no box head and no NMS here.)
   */
  averagePrecision(which: "ce" | "focal", scenes: readonly LabelledScene[]): number {
    return anchorAp(scenes, (s) => this.scores(which, s));
  }
}

/** Anchor-level AP of any scorer; with a constant scorer it is the chance level (the positives' share). */
export function anchorAp(scenes: readonly LabelledScene[], scoresOf: (s: LabelledScene) => ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < CLASS_COUNT; k++) {
    const scores: number[] = [];
    const labels: number[] = [];
    for (const s of scenes) {
      const sc = scoresOf(s);
      for (let n = 0; n < ANCHOR_COUNT; n++) {
        const a = s.assignment[n]!;
        if (a === IGNORED) continue;
        scores.push(sc[n * CLASS_COUNT + k]!);
        labels.push(a === k ? 1 : 0);
      }
    }
    sum += averagePrecision(scores, labels);
  }
  return sum / CLASS_COUNT;
}

function lossShares(
  logits: Float64Array,
  labels: Uint8Array,
  grad: Float64Array,
  params: FocalParams,
  positives: number,
): Omit<StepRecord, "loss"> {
  // focalLossBatch returns only the normalised sum; the shares need each example's loss.
  let easyLoss = 0;
  let allLoss = 0;
  let easyGrad = 0;
  let allGrad = 0;
  for (let i = 0; i < logits.length; i++) {
    const one = focalLossFromLogit(logits[i]!, labels[i] === 1 ? 1 : 0, params);
    const g = Math.abs(grad[i]!);
    allLoss += one;
    allGrad += g;
    // A negative is well classified when p_t = 1 − p > 0.5, i.e. its logit is below 0.
    if (labels[i] === 0 && logits[i]! < 0) {
      easyLoss += one;
      easyGrad += g;
    }
  }
  return {
    easyNegativeLossShare: allLoss > 0 ? easyLoss / allLoss : 0,
    easyNegativeGradShare: allGrad > 0 ? easyGrad / allGrad : 0,
    positives,
    negatives: labels.length - positives,
  };
}
