/**
 * The assignment kept up to date while the reader drags a box. Moving one box
 * can change the label only of anchors near it before or after the move (a
 * few thousand of ~100k, found through anchor-index.ts). Each anchor's IoU
 * with each box is kept from the last update, so a move computes one IoU per
 * nearby anchor (with the moved box's new place), skips the anchors whose IoU
 * with it did not change (most of those that overlap it neither before nor
 * after), and relabels the rest from the kept IoUs, adjusting the counts (in
 * all, per level, per object) by difference. Adding or removing a box
 * renumbers the objects, so that relabels everything with assignAnchors. The
 * result equals assignAnchors() on the same boxes
 * (tests/unit/lib/detector/live-assignment.test.ts).
 */
import type { AnchorSet } from "./anchors";
import { forEachAnchorNear } from "./anchor-index";
import {
  assertObjects,
  assignAnchors,
  countsByLevel,
  labelOf,
  LABEL,
  positivesPerObject,
  type Assignment,
  type GroundTruth,
  type LabelCounts,
} from "./assignment";
import { iouCorners, type Box } from "./iou";

export interface AssignmentUpdate {
  assignment: Assignment;
  /** every anchor whose label, object or class IoUs may differ from the last update; null: any anchor may */
  changed: Int32Array | null;
  /** among `changed`, the anchors whose label or object did change (null with it) */
  relabelled: Int32Array | null;
  levelCounts: LabelCounts[];
  positivesPerObject: number[];
}

const sameBox = (a: Box, b: Box) => a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

/** Counts indexed by LABEL value: background, foreground, ignored. */
type Tally = [number, number, number];
const tally = (c: LabelCounts): Tally => [c.background, c.foreground, c.ignored];
const counts = (t: Tally): LabelCounts => ({ background: t[0], foreground: t[1], ignored: t[2] });

export class LiveAssignment {
  private readonly anchors: AnchorSet;
  private readonly classes: number;
  private current: Assignment | null = null;
  private objects: GroundTruth[] = [];
  private total: Tally = [0, 0, 0];
  private perLevel: Tally[] = [];
  private positives: number[] = [];
  /** the touched list as a set: position of each anchor in `touchedList`, −1 when absent */
  private readonly touchedAt: Int32Array;
  private readonly touchedList: Int32Array;
  private touchedCount = 0;
  private readonly changedList: Int32Array;
  private readonly relabelledList: Int32Array;
  private relabelledCount = 0;
  /** marks an anchor already in changedList during one update */
  private readonly seen: Uint8Array;
  /** IoU of anchor i with box k at i · boxes + k, as of the last update */
  private ious = new Float64Array(0);
  /** each box's class */
  private classOf = new Int32Array(0);

  constructor(anchors: AnchorSet, classes: number) {
    this.anchors = anchors;
    this.classes = classes;
    this.touchedAt = new Int32Array(anchors.count).fill(-1);
    this.touchedList = new Int32Array(anchors.count);
    this.changedList = new Int32Array(anchors.count);
    this.relabelledList = new Int32Array(anchors.count);
    this.seen = new Uint8Array(anchors.count);
  }

  update(objects: readonly GroundTruth[]): AssignmentUpdate {
    assertObjects(objects, this.classes);
    const previous = this.objects;
    const same = this.current !== null && previous.length === objects.length;
    this.objects = objects.map((o) => ({ box: { ...o.box }, classIndex: o.classIndex }));
    this.classOf = Int32Array.from(objects, (o) => o.classIndex);
    if (!same) return this.relabelAll();
    let n = 0;
    this.relabelledCount = 0;
    const b = this.anchors.boxes;
    const boxes = objects.length;
    for (let k = 0; k < boxes; k++) {
      const p = previous[k]!;
      const o = objects[k]!;
      const reclassed = o.classIndex !== p.classIndex;
      if (!reclassed && sameBox(o.box, p.box)) continue;
      const { x0, y0, x1, y1 } = o.box;
      // Anchors near the box's old or new place; among them, only those whose IoU with it changed
      // (or that overlap it at all, when its class changed) can change label, object or class IoUs.
      forEachAnchorNear(this.anchors, [p.box, o.box], (i) => {
        const at = i * boxes + k;
        const before = this.ious[at]!;
        const v = iouCorners(b[4 * i]!, b[4 * i + 1]!, b[4 * i + 2]!, b[4 * i + 3]!, x0, y0, x1, y1);
        if (v === before && !(reclassed && v > 0)) return;
        this.ious[at] = v;
        // An anchor near two moved boxes is listed once.
        if (this.seen[i]) return;
        this.seen[i] = 1;
        this.changedList[n++] = i;
      });
    }
    for (let j = 0; j < n; j++) {
      const i = this.changedList[j]!;
      this.seen[i] = 0;
      this.relabel(i);
    }
    return this.result(this.changedList.slice(0, n), this.relabelledList.slice(0, this.relabelledCount));
  }

  private relabelAll(): AssignmentUpdate {
    if (this.current) this.current.touched = this.touchedList.slice(0, this.touchedCount);
    const a = assignAnchors(this.anchors, this.objects, this.classes, this.current ?? undefined);
    for (let j = 0; j < this.touchedCount; j++) this.touchedAt[this.touchedList[j]!] = -1;
    this.touchedCount = 0;
    for (const i of a.touched) this.addTouched(i);
    this.current = a;
    this.total = tally(a.counts);
    this.perLevel = countsByLevel(this.anchors, a).map(tally);
    this.positives = positivesPerObject(a, this.objects.length);
    this.keepIous();
    return this.result(null, null);
  }

  /** Every anchor's IoU with every box, worked out afresh (only anchors near a box can have one above 0). */
  private keepIous(): void {
    const boxes = this.objects.length;
    const length = this.anchors.count * boxes;
    if (this.ious.length === length) this.ious.fill(0);
    else this.ious = new Float64Array(length);
    const b = this.anchors.boxes;
    this.objects.forEach(({ box: { x0, y0, x1, y1 } }, k) =>
      forEachAnchorNear(this.anchors, { x0, y0, x1, y1 }, (i) => {
        this.ious[i * boxes + k] = iouCorners(b[4 * i]!, b[4 * i + 1]!, b[4 * i + 2]!, b[4 * i + 3]!, x0, y0, x1, y1);
      }),
    );
  }

  /** Anchor i against every box (from the kept IoUs), as assignAnchors labels it; the counts move by the difference. */
  private relabel(i: number): void {
    const a = this.current!;
    const K = this.classes;
    const level = this.perLevel[this.anchors.levelIndex[i]!];
    const before = a.label[i]! as 0 | 1 | 2;
    const objectBefore = a.object[i]!;
    this.total[before]--;
    if (level) level[before]--;
    if (a.object[i]! >= 0) this.positives[a.object[i]!]!--;
    let best = 0;
    let object = -1;
    let overlaps = false;
    // A loop, not TypedArray#fill: a builtin call per anchor costs more than K stores.
    for (let t = i * K; t < (i + 1) * K; t++) a.classIou[t] = 0;
    const classOf = this.classOf;
    const boxes = classOf.length;
    for (let k = 0; k < boxes; k++) {
      const v = this.ious[i * boxes + k]!;
      if (v <= 0) continue;
      overlaps = true;
      // Objects in order, a strictly larger IoU wins: the first of equals keeps the anchor, as in assignAnchors.
      if (v > best) {
        best = v;
        object = k;
      }
      const t = i * K + classOf[k]!;
      if (v > a.classIou[t]!) a.classIou[t] = v;
    }
    const label = labelOf(best);
    a.label[i] = label;
    a.maxIou[i] = best;
    a.object[i] = label === LABEL.foreground ? object : -1;
    this.total[label]++;
    if (level) level[label]++;
    if (label === LABEL.foreground) this.positives[object]!++;
    if (label !== before || a.object[i] !== objectBefore) this.relabelledList[this.relabelledCount++] = i;
    if (overlaps && this.touchedAt[i]! < 0) this.addTouched(i);
    else if (!overlaps && this.touchedAt[i]! >= 0) this.removeTouched(i);
  }

  private addTouched(i: number): void {
    this.touchedAt[i] = this.touchedCount;
    this.touchedList[this.touchedCount++] = i;
  }

  private removeTouched(i: number): void {
    const at = this.touchedAt[i]!;
    const last = this.touchedList[--this.touchedCount]!;
    this.touchedList[at] = last;
    this.touchedAt[last] = at;
    this.touchedAt[i] = -1;
  }

  private result(changed: Int32Array | null, relabelled: Int32Array | null): AssignmentUpdate {
    const a = this.current!;
    a.counts = counts(this.total);
    a.touched = this.touchedList.subarray(0, this.touchedCount);
    return {
      assignment: a,
      changed,
      relabelled,
      levelCounts: this.perLevel.map(counts),
      positivesPerObject: [...this.positives],
    };
  }
}
