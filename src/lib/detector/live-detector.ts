/**
 * Everything the live anchor map recomputes when a box moves or α, γ change:
 * the assignment, the model's logits and the three loss maps, each brought up
 * to date for just the anchors near the moved box (live-assignment.ts,
 * live-loss-map.ts). Equal to detectorView() on the same boxes and α, γ
 * (tests/unit/lib/detector/live-detector.test.ts).
 */
import type { Assignment, GroundTruth, LabelCounts } from "./assignment";
import type { DetectorSetup } from "./detector-view";
import { LiveAssignment } from "./live-assignment";
import { LiveLossMap } from "./live-loss-map";
import { LOSS_KINDS, type LossKind, type LossMap } from "./loss-map";
import { modelLogits, updateModelLogits } from "./score-model";

export interface LiveDetectorView {
  assignment: Assignment;
  levelCounts: LabelCounts[];
  positivesPerObject: number[];
  logits: Float64Array;
  maps: Record<LossKind, LossMap>;
  /** the anchors whose label or logits (and so loss) differ from the last update; null: any anchor may */
  changed: ArrayLike<number> | null;
}

export class LiveDetector {
  private readonly setup: DetectorSetup;
  private readonly assigner: LiveAssignment;
  private readonly lives: Record<LossKind, LiveLossMap>;
  private logits: Float64Array | undefined;
  private params = "";
  private readonly mark: Uint8Array;

  constructor(setup: DetectorSetup) {
    this.setup = setup;
    this.assigner = new LiveAssignment(setup.anchors, setup.classes);
    const live = (kind: LossKind) => new LiveLossMap(kind, setup.anchors.count, setup.classes);
    this.lives = { ce: live("ce"), balanced: live("balanced"), focal: live("focal") };
    this.mark = new Uint8Array(setup.anchors.count);
  }

  /** The anchors whose terms can have changed: relabelled or rescored (each once). */
  private union(a: Int32Array, b: Int32Array): Int32Array {
    const out: number[] = [];
    for (const list of [a, b])
      for (const i of list)
        if (!this.mark[i]) {
          this.mark[i] = 1;
          out.push(i);
        }
    for (const i of out) this.mark[i] = 0;
    return Int32Array.from(out);
  }

  update(objects: readonly GroundTruth[], alpha: number, gamma: number): LiveDetectorView {
    const { base, model } = this.setup;
    const { assignment, changed: near, relabelled, levelCounts, positivesPerObject } = this.assigner.update(objects);
    let changed: Int32Array | null = null;
    if (near === null || relabelled === null || !this.logits)
      this.logits = modelLogits(assignment, base, model, this.logits);
    else changed = this.union(relabelled, updateModelLogits(assignment, base, model, this.logits, near));
    const params = `${alpha}|${gamma}`;
    const allChanged = changed === null || params !== this.params;
    this.params = params;
    const maps = {} as Record<LossKind, LossMap>;
    for (const kind of LOSS_KINDS)
      maps[kind] = this.lives[kind].update(assignment, objects, this.logits, alpha, gamma, changed);
    return {
      assignment,
      levelCounts,
      positivesPerObject,
      logits: this.logits,
      maps,
      changed: allChanged ? null : changed,
    };
  }
}
