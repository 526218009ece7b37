/**
 * The assignment kept up to date while the reader drags a box. Moving one box
 * can change the label only of anchors near it before or after the move (a
 * few thousand of ~100k, found through anchor-index.ts), so an update
 * relabels just those against every box and adjusts the counts (in all, per
 * level, per object) by difference. Adding or removing a box renumbers the
 * objects, so that relabels everything with assignAnchors. The result equals
 * assignAnchors() on the same boxes (tests/unit/lib/detector/live-assignment.test.ts).
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
  /** the boxes' corners, four numbers each, for the IoU loop */
  private corners = new Float64Array(0);
  /** each box's class, for the same loop */
  private classOf = new Int32Array(0);

  constructor(anchors: AnchorSet, classes: number) {
    this.anchors = anchors;
    this.classes = classes;
    this.touchedAt = new Int32Array(anchors.count).fill(-1);
    this.touchedList = new Int32Array(anchors.count);
    this.changedList = new Int32Array(anchors.count);
    this.relabelledList = new Int32Array(anchors.count);
  }

  update(objects: readonly GroundTruth[]): AssignmentUpdate {
    assertObjects(objects, this.classes);
    const previous = this.objects;
    const same = this.current !== null && previous.length === objects.length;
    const moved = same
      ? objects.flatMap((o, k) =>
          sameBox(o.box, previous[k]!.box) && o.classIndex === previous[k]!.classIndex ? [] : [k],
        )
      : [];
    this.objects = objects.map((o) => ({ box: { ...o.box }, classIndex: o.classIndex }));
    this.corners = Float64Array.from(objects.flatMap((o) => [o.box.x0, o.box.y0, o.box.x1, o.box.y1]));
    this.classOf = Int32Array.from(objects, (o) => o.classIndex);
    if (!same) return this.relabelAll();
    // Anchors near the moved boxes, and among them only those that overlap one before or after the move:
    // an anchor that overlaps neither keeps its IoUs with every box, and so its label.
    let n = 0;
    const b = this.anchors.boxes;
    const near = Float64Array.from(
      moved.flatMap((k) => {
        const p = previous[k]!.box;
        const o = objects[k]!.box;
        return [p.x0, p.y0, p.x1, p.y1, o.x0, o.y0, o.x1, o.y1];
      }),
    );
    const overlapsMoved = (i: number) => {
      const x0 = b[4 * i]!;
      const y0 = b[4 * i + 1]!;
      const x1 = b[4 * i + 2]!;
      const y1 = b[4 * i + 3]!;
      for (let m = 0; m < near.length; m += 4)
        if (iouCorners(x0, y0, x1, y1, near[m]!, near[m + 1]!, near[m + 2]!, near[m + 3]!) > 0) return true;
      return false;
    };
    const collect = (i: number) => {
      if (overlapsMoved(i)) this.changedList[n++] = i;
    };
    forEachAnchorNear(
      this.anchors,
      moved.flatMap((k) => [previous[k]!.box, objects[k]!.box]),
      collect,
    );
    this.relabelledCount = 0;
    for (let j = 0; j < n; j++) {
      this.relabel(this.changedList[j]!);
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
    return this.result(null, null);
  }

  /** Anchor i against every box, as assignAnchors labels it; the counts move by the difference. */
  private relabel(i: number): void {
    const a = this.current!;
    const K = this.classes;
    const b = this.anchors.boxes;
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
    const x0 = b[4 * i]!;
    const y0 = b[4 * i + 1]!;
    const x1 = b[4 * i + 2]!;
    const y1 = b[4 * i + 3]!;
    const c = this.corners;
    const classOf = this.classOf;
    for (let k = 0; k < classOf.length; k++) {
      const v = iouCorners(x0, y0, x1, y1, c[4 * k]!, c[4 * k + 1]!, c[4 * k + 2]!, c[4 * k + 3]!);
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
