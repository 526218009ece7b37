/**
 * Everything the live anchor map recomputes when a box moves or α, γ change:
 * the assignment, the model's logits and the three loss maps, each brought up
 * to date for just the anchors near the moved box (live-assignment.ts,
 * live-loss-map.ts). A loss map is brought up to date when it is first read,
 * over every anchor changed since it last was: the figure shows one map a
 * frame and reads the other two only when its words are written, so a drag
 * frame works out one loss map, not three. Equal to detectorView() on the
 * same boxes and α, γ (tests/unit/lib/detector/live-detector.test.ts).
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
  /** each map is worked out when first read; read them before the next update (they then show that one's state) */
  maps: Record<LossKind, LossMap>;
  /** the anchors whose label or logits (and so loss) differ from the last update; null: any anchor may */
  changed: ArrayLike<number> | null;
}

/** The anchors changed since a loss map was last brought up to date, each once; null: any may have. */
class ChangedSince {
  private readonly mark: Uint8Array;
  private list: number[] | null = [];

  constructor(anchorCount: number) {
    this.mark = new Uint8Array(anchorCount);
  }

  add(changed: ArrayLike<number> | null): void {
    if (this.list === null) return;
    if (changed === null) {
      for (const i of this.list) this.mark[i] = 0;
      this.list = null;
      return;
    }
    for (let j = 0; j < changed.length; j++) {
      const i = changed[j]!;
      if (!this.mark[i]) {
        this.mark[i] = 1;
        this.list.push(i);
      }
    }
  }

  /** The anchors, and a fresh start. */
  take(): number[] | null {
    const list = this.list;
    if (list) for (const i of list) this.mark[i] = 0;
    this.list = [];
    return list;
  }
}

export class LiveDetector {
  private readonly setup: DetectorSetup;
  private readonly assigner: LiveAssignment;
  private readonly lives: Record<LossKind, LiveLossMap>;
  private logits: Float64Array | undefined;
  private params = "";
  private readonly mark: Uint8Array;
  private readonly pending: Record<LossKind, ChangedSince>;
  /** each map as last brought up to date, and the update it was brought up to */
  private readonly current: Partial<Record<LossKind, { map: LossMap; revision: number }>> = {};
  private revision = 0;
  private inputs: { assignment: Assignment; objects: readonly GroundTruth[]; alpha: number; gamma: number } | null =
    null;

  constructor(setup: DetectorSetup) {
    this.setup = setup;
    const n = setup.anchors.count;
    this.assigner = new LiveAssignment(setup.anchors, setup.classes);
    const live = (kind: LossKind) => new LiveLossMap(kind, n, setup.classes);
    this.lives = { ce: live("ce"), balanced: live("balanced"), focal: live("focal") };
    this.pending = { ce: new ChangedSince(n), balanced: new ChangedSince(n), focal: new ChangedSince(n) };
    this.mark = new Uint8Array(n);
  }

  /** The loss map of the last update, brought up to it over every anchor changed since the map last was. */
  private map(kind: LossKind): LossMap {
    const held = this.current[kind];
    if (held && held.revision === this.revision) return held.map;
    const { assignment, objects, alpha, gamma } = this.inputs!;
    const map = this.lives[kind].update(assignment, objects, this.logits!, alpha, gamma, this.pending[kind].take());
    this.current[kind] = { map, revision: this.revision };
    return map;
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
    this.revision++;
    this.inputs = { assignment, objects, alpha, gamma };
    const maps = {} as Record<LossKind, LossMap>;
    for (const kind of LOSS_KINDS) {
      this.pending[kind].add(changed);
      Object.defineProperty(maps, kind, { enumerable: true, get: () => this.map(kind) });
    }
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
