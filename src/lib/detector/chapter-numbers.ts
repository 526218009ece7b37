/**
 * Every number the detector chapter's prose quotes, computed from the module
 * for the default scene (the state a link without parameters shows), so no
 * figure is typed into the text. Computed once per build.
 */
import { formatNumber } from "../text/format";
import { formatCount } from "../views/loss-budget";
import { ANCHORS_PER_LOCATION, baseSize, PYRAMID_LEVELS, stride } from "./anchors";
import { detectorSetup, detectorView, type DetectorSetup, type DetectorView } from "./detector-view";
import { shareText } from "./describe";
import { lossCdfs, shareOfHardest, type LossCdfs } from "./loss-map";
import { ohemSelect } from "./ohem";
import { DEFAULT_SCORE_MODEL, PRIOR } from "./score-model";
import { SCENE_OBJECTS, SCENE_SIZE } from "./scene";
import { gradientAt } from "./gradient-curves";
import { bestOhem, focalRow } from "./ohem-results";

export const DEFAULT_ALPHA = 0.25;
export const DEFAULT_GAMMA = 2;

export interface DefaultDetector {
  setup: DetectorSetup;
  view: DetectorView;
  cdfs: LossCdfs[];
}

let cached: DefaultDetector | null = null;

export function defaultDetector(): DefaultDetector {
  if (!cached) {
    const setup = detectorSetup();
    const view = detectorView(setup, SCENE_OBJECTS, DEFAULT_ALPHA, DEFAULT_GAMMA);
    cached = { setup, view, cdfs: lossCdfs(view.terms) };
  }
  return cached;
}

const sig = (v: number, digits = 3) => formatNumber(v, { notation: "significant", digits });
const fixed = (v: number, digits: number) => formatNumber(v, { notation: "fixed", digits });

let numbers: Record<string, string> | null = null;

/** The numbers, computed on first use and kept for the rest of the build. */
export function chapterNumbers(): Record<string, string> {
  numbers ??= computeNumbers();
  return numbers;
}

function computeNumbers(): Record<string, string> {
  const { setup, view, cdfs } = defaultDetector();
  const { counts } = view.assignment;
  const [person, dog, ballPositives, farPerson] = view.positivesPerObject;
  const ce = view.maps.ce;
  const bce = view.maps.balanced;
  const fl = view.maps.focal;
  const cdf = (gamma: number) => cdfs.find((c) => c.gamma === gamma)!;
  const plain = ohemSelect(setup.anchors, view.assignment, ce.perAnchor, {
    batchSize: 128,
    nmsThreshold: 0.5,
    variant: "plain",
  });
  const ratio = ohemSelect(setup.anchors, view.assignment, ce.perAnchor, {
    batchSize: 128,
    nmsThreshold: 0.5,
    variant: "ratio",
  });
  const levels = Object.fromEntries(
    setup.anchors.grids.flatMap((g, i) => [
      [`p${PYRAMID_LEVELS[i]}-anchors`, formatCount(g.anchors)],
      [`p${PYRAMID_LEVELS[i]}-grid`, `${g.columns} × ${g.rows}`],
    ]),
  );
  const ballClass = SCENE_OBJECTS[2]!.classIndex;
  let ballBest = 0;
  for (let i = 0; i < setup.anchors.count; i++)
    ballBest = Math.max(ballBest, view.assignment.classIou[i * setup.classes + ballClass]!);
  const ball = SCENE_OBJECTS[2]!.box;
  return {
    ...levels,
    "ball-side": String(ball.x1 - ball.x0),
    "ball-max-iou": fixed(ballBest, 2),
    "ball-best-possible-iou": fixed(((ball.x1 - ball.x0) * (ball.y1 - ball.y0)) / (baseSize(3) * baseSize(3)), 2),
    "ohem-best-ap": fixed(bestOhem().ap, 1),
    "fl-ap": fixed(focalRow().ap, 1),
    "ohem-gap": fixed(focalRow().ap - bestOhem().ap, 1),
    width: String(SCENE_SIZE.width),
    height: String(SCENE_SIZE.height),
    "anchors-per-location": String(ANCHORS_PER_LOCATION),
    "stride-min": String(stride(3)),
    "stride-max": String(stride(7)),
    "size-min": String(baseSize(3)),
    "size-max": String(baseSize(7)),
    "size-largest": formatCount(baseSize(7) * 2 ** (2 / 3)),
    anchors: formatCount(setup.anchors.count),
    terms: formatCount(view.terms.labels.length),
    classes: String(setup.classes),
    foreground: formatCount(counts.foreground),
    ignored: formatCount(counts.ignored),
    background: formatCount(counts.background),
    "foreground-share": shareText(counts.foreground / setup.anchors.count),
    "positives-person": formatCount(person ?? 0),
    "positives-dog": formatCount(dog ?? 0),
    "positives-ball": formatCount(ballPositives ?? 0),
    "positives-far-person": formatCount(farPerson ?? 0),
    prior: fixed(PRIOR, 2),
    "background-logit": fixed(DEFAULT_SCORE_MODEL.backgroundLogit, 2),
    slope: String(DEFAULT_SCORE_MODEL.slope),
    floor: fixed(DEFAULT_SCORE_MODEL.floor, 1),
    noise: fixed(DEFAULT_SCORE_MODEL.noise, 1),
    seed: String(DEFAULT_SCORE_MODEL.seed),
    normaliser: formatCount(fl.normaliser),
    "ce-total": sig(ce.total),
    "bce-total": sig(bce.total),
    "fl-total": sig(fl.total),
    "ce-sum": sig(ce.sum, 4),
    "ce-per-anchor": sig(ce.sum / (counts.foreground + counts.background)),
    "ce-easy-loss": shareText(ce.lossShare.easyNegative),
    "bce-easy-loss": shareText(bce.lossShare.easyNegative),
    "fl-easy-loss": shareText(fl.lossShare.easyNegative),
    "ce-positive-loss": shareText(ce.lossShare.positive),
    "fl-positive-loss": shareText(fl.lossShare.positive),
    "fl-hard-loss": shareText(fl.lossShare.hardNegative),
    "ce-easy-grad": shareText(ce.gradientShare.easyNegative),
    "fl-easy-grad": shareText(fl.gradientShare.easyNegative),
    "ce-positive-grad": shareText(ce.gradientShare.positive),
    "fl-positive-grad": shareText(fl.gradientShare.positive),
    "fl-hard-grad": shareText(fl.gradientShare.hardNegative),
    "easy-terms": formatCount(fl.termCounts.easyNegative),
    "hard-terms": formatCount(fl.termCounts.hardNegative),
    "cdf-pos-top20-g0": shareText(shareOfHardest(cdf(0).positives, 0.2)),
    "cdf-pos-top20-g2": shareText(shareOfHardest(cdf(2).positives, 0.2)),
    "cdf-neg-top20-g0": shareText(shareOfHardest(cdf(0).negatives, 0.2)),
    "cdf-neg-top1-g0": shareText(shareOfHardest(cdf(0).negatives, 0.01)),
    "cdf-neg-top1-g2": shareText(shareOfHardest(cdf(2).negatives, 0.01)),
    "grad-ce-at-2": fixed(gradientAt(2, 0), 3),
    "grad-fl2-at-2": fixed(gradientAt(2, 2), 3),
    "grad-ce-at-0": fixed(gradientAt(0, 0), 3),
    "grad-fl2-at-0": fixed(gradientAt(0, 2), 3),
    "ohem-kept": formatCount(plain.kept.length),
    "ohem-positives": formatCount(plain.positives),
    "ohem-negatives": formatCount(plain.negatives),
    "ohem13-kept": formatCount(ratio.kept.length),
    "ohem13-positives": formatCount(ratio.positives),
    "ohem13-negatives": formatCount(ratio.negatives),
    "ohem-share": shareText(plain.kept.length / setup.anchors.count),
  };
}
