/**
 * Where the total loss of an image comes from: groups of identical examples
 * (say, 99 900 easy background anchors and 100 objects), each group's loss
 * per example, its total, and its share of the whole. Used to show how many
 * small losses outweigh a few large ones.
 */
import { focalLoss, type FocalParams, type Label } from "./loss";

export interface ExampleGroup {
  /** how many examples of this kind there are */
  count: number;
  p: number;
  y: Label;
}

export interface GroupLoss extends ExampleGroup {
  each: number;
  total: number;
  /** fraction of the summed loss of all groups, in [0, 1] */
  share: number;
}

/** Loss per group under one setting of α and γ (γ = 0 and α = null is plain cross-entropy). */
export function lossBudget(groups: readonly ExampleGroup[], params: FocalParams): GroupLoss[] {
  for (const g of groups) {
    if (!Number.isInteger(g.count) || g.count < 0) throw new RangeError(`count must be a non-negative integer; got ${g.count}`);
  }
  const rows = groups.map((g) => {
    const each = focalLoss(g.p, g.y, params);
    // 0 examples contribute 0, even if each would cost ∞.
    const total = g.count === 0 ? 0 : g.count * each;
    return { ...g, each, total };
  });
  const sum = rows.reduce((s, r) => s + r.total, 0);
  return rows.map((r) => ({ ...r, share: sum === 0 ? 0 : r.total / sum }));
}
