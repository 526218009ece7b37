/**
 * The anchor map's numbers as words and table rows, for the build (the page
 * without JavaScript) and the live figure alike, so the two cannot disagree.
 */
import { formatNumber, formatPercent } from "../text/format";
import { formatCount } from "../views/loss-budget";
import { PYRAMID_LEVELS, type AnchorSet } from "./anchors";
import type { LabelCounts } from "./assignment";
import type { LossKind, LossMap } from "./loss-map";

/** What the words read of a loss map: everything but its per-anchor array. */
type LossNumbers = Omit<LossMap, "perAnchor">;
import { SCENE_CLASSES } from "./scene";

export const LOSS_NAMES: Record<LossKind, string> = { ce: "CE", balanced: "balanced CE", focal: "FL" };

export function lossLabel(map: LossNumbers): string {
  const { alpha, gamma } = map.params;
  const a = alpha === null ? "" : `α = ${formatNumber(alpha, { notation: "fixed", digits: 2 })}`;
  const g = map.kind === "focal" ? `γ = ${formatNumber(gamma, { notation: "fixed", digits: 1 })}` : "";
  const params = [g, a].filter(Boolean).join(", ");
  return params ? `${LOSS_NAMES[map.kind]} (${params})` : LOSS_NAMES[map.kind];
}

export interface LevelRow {
  level: string;
  stride: number;
  grid: string;
  anchors: string;
  foreground: string;
  ignored: string;
  background: string;
}

/** One row per level and a total: the grid, the anchors (ceil(H/s)·ceil(W/s)·9) and how they are labelled. */
export function levelRows(anchors: AnchorSet, counts: readonly LabelCounts[]): LevelRow[] {
  const rows: LevelRow[] = anchors.grids.map((g, i) => ({
    level: `P${PYRAMID_LEVELS[i]}`,
    stride: g.stride,
    grid: `${g.columns} × ${g.rows}`,
    anchors: formatCount(g.anchors),
    foreground: formatCount(counts[i]!.foreground),
    ignored: formatCount(counts[i]!.ignored),
    background: formatCount(counts[i]!.background),
  }));
  const sum = (k: keyof LabelCounts) => counts.reduce((s, c) => s + c[k], 0);
  rows.push({
    level: "all",
    stride: 0,
    grid: "",
    anchors: formatCount(anchors.count),
    foreground: formatCount(sum("foreground")),
    ignored: formatCount(sum("ignored")),
    background: formatCount(sum("background")),
  });
  return rows;
}

export interface BudgetRow {
  loss: string;
  total: string;
  lossShare: [string, string, string];
  gradientShare: [string, string, string];
}

/** A share as a percentage; tiny shares say so rather than print 0.0%. */
export function shareText(share: number): string {
  if (share > 0 && share < 0.0005) return "< 0.1%";
  return formatPercent(share, 1);
}

export function budgetRows(maps: readonly LossNumbers[]): BudgetRow[] {
  return maps.map((m) => ({
    loss: lossLabel(m),
    total: formatNumber(m.total, { notation: "significant", digits: 3 }),
    lossShare: [
      shareText(m.lossShare.positive),
      shareText(m.lossShare.easyNegative),
      shareText(m.lossShare.hardNegative),
    ],
    gradientShare: [
      shareText(m.gradientShare.positive),
      shareText(m.gradientShare.easyNegative),
      shareText(m.gradientShare.hardNegative),
    ],
  }));
}

/** What the labels view shows, as a sentence per box. */
export function describeAssignment(
  total: number,
  counts: LabelCounts,
  perObject: readonly number[],
  classes: readonly number[],
): string {
  const head = `${formatCount(total)} anchors: ${formatCount(counts.foreground)} foreground (IoU ≥ 0.5), ${formatCount(counts.ignored)} ignored (0.4 ≤ IoU < 0.5), ${formatCount(counts.background)} background.`;
  if (perObject.length === 0) return `${head} There is no object, so every anchor is background.`;
  const parts = perObject.map((n, i) => `box ${i + 1} (${SCENE_CLASSES[classes[i]!] ?? "object"}) ${formatCount(n)}`);
  return `${head} Foreground anchors per box: ${parts.join(", ")}.`;
}

/** What the loss view shows. */
export function describeLoss(map: LossNumbers): string {
  return (
    `${lossLabel(map)}: total ${formatNumber(map.total, { notation: "significant", digits: 3 })} after dividing the sum ` +
    `${formatNumber(map.sum, { notation: "significant", digits: 4 })} by ${formatCount(map.normaliser)} assigned anchors. ` +
    `Easy negatives carry ${shareText(map.lossShare.easyNegative)} of the loss and ${shareText(map.gradientShare.easyNegative)} of the gradient; ` +
    `positives ${shareText(map.lossShare.positive)} and ${shareText(map.gradientShare.positive)}.`
  );
}
