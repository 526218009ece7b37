/**
 * Online hard example mining as the paper runs it on RetinaNet (§5.1 "Online
 * Hard Example Mining"): every example is scored by its loss, non-maximum
 * suppression is applied, and a minibatch is built from the highest-loss
 * examples; batch size and NMS threshold are tunable (Table 1d tries 128, 256,
 * 512 and 0.5, 0.7). The SSD-style variant builds the minibatch with a 1:3
 * ratio of positives to negatives after NMS. The paper gives no more detail;
 * our reading of the ratio: up to B/4 positives by loss, then at most three
 * negatives per positive (at least three, so an image with no positive still
 * trains on its three hardest negatives).
 */
import { iouCorners } from "./iou";
import { LABEL, type Assignment } from "./assignment";
import type { AnchorSet } from "./anchors";

export type OhemVariant = "plain" | "ratio";

export interface OhemOptions {
  batchSize: number;
  nmsThreshold: number;
  variant: OhemVariant;
}

export interface OhemSelection {
  /** anchors in the minibatch, highest loss first */
  kept: number[];
  positives: number;
  negatives: number;
}

/**
 * Greedy NMS over anchors in order of loss: an anchor is suppressed when its
 * IoU with an already kept one exceeds the threshold. Ignored anchors are not
 * examples and take no part. Once a kind's quota is full, later examples of that
 * kind are passed over without suppressing others (they could not enter the
 * batch), which keeps the work at about (examples × batch size).
 */
export function ohemSelect(
  anchors: AnchorSet,
  assignment: Assignment,
  loss: Float64Array,
  options: OhemOptions,
): OhemSelection {
  const { batchSize, nmsThreshold, variant } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be an integer ≥ 1; got ${String(batchSize)}`);
  if (!(nmsThreshold >= 0 && nmsThreshold <= 1))
    throw new RangeError(`nmsThreshold must be in [0, 1]; got ${String(nmsThreshold)}`);
  const order: number[] = [];
  for (let i = 0; i < anchors.count; i++) if (assignment.label[i] !== LABEL.ignored) order.push(i);
  order.sort((a, b) => loss[b]! - loss[a]! || a - b);
  const positiveQuota = variant === "plain" ? batchSize : Math.floor(batchSize / 4);
  const negativeQuota = variant === "plain" ? batchSize : batchSize - positiveQuota;
  const b = anchors.boxes;
  const kept: number[] = [];
  const pos: number[] = [];
  const neg: number[] = [];
  for (const i of order) {
    if (variant === "plain" ? kept.length >= batchSize : pos.length >= positiveQuota && neg.length >= negativeQuota)
      break;
    const isPositive = assignment.label[i] === LABEL.foreground;
    if (variant === "ratio" && (isPositive ? pos.length >= positiveQuota : neg.length >= negativeQuota)) continue;
    const ax0 = b[4 * i]!,
      ay0 = b[4 * i + 1]!,
      ax1 = b[4 * i + 2]!,
      ay1 = b[4 * i + 3]!;
    let suppressed = false;
    for (const j of kept) {
      if (iouCorners(ax0, ay0, ax1, ay1, b[4 * j]!, b[4 * j + 1]!, b[4 * j + 2]!, b[4 * j + 3]!) > nmsThreshold) {
        suppressed = true;
        break;
      }
    }
    if (suppressed) continue;
    kept.push(i);
    if (isPositive) pos.push(i);
    else neg.push(i);
  }
  if (variant === "plain") {
    const positives = pos.length;
    return { kept, positives, negatives: kept.length - positives };
  }
  const p = pos.slice(0, positiveQuota);
  const n = neg.slice(0, Math.min(negativeQuota, 3 * Math.max(1, p.length)));
  const chosen = new Set([...p, ...n]);
  return { kept: kept.filter((i) => chosen.has(i)), positives: p.length, negatives: n.length };
}
