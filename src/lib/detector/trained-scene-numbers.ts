/**
 * The build's side of "score the map with the trained detector": the default
 * lab run (the one chapter 10 trains at build time, memoised with it) as the
 * record the page carries, and the numbers chapter 6's prose quotes about it,
 * computed from that same record, so the text and the figure read one thing.
 */
import { DEFAULT_DETECTOR_STATE, defaultDetectorRun } from "../detector-lab/detector-facts";
import {
  encodeTrainedRun,
  parseTrainedRun,
  runFromSnapshot,
  runSettingsText,
  type TrainedModel,
  type TrainedRun,
} from "../detector-lab/trained-logits-store";
import { formatNumber } from "../text/format";
import { formatCount } from "../views/loss-budget";
import { shareText } from "./describe";
import { shareOfHardest } from "./loss-map";
import { ANCHOR_COUNT, ANCHOR_STRIDE, ANCHORS_PER_LOCATION } from "../detector-lab/anchor-grid";
import { LAB_SCENE_SIZE, trainedLossCdfs, trainedScene, trainedSceneView, type TrainedScene } from "./trained-scene";

/** The map's α and γ on the page's first view (the anchor map's defaults). */
const ALPHA = 0.25;
const GAMMA = 2;

let text: string | null = null;

/** The default run's record, as the page's data attribute holds it. */
export function defaultTrainedRunText(): string {
  text ??= encodeTrainedRun(runFromSnapshot(DEFAULT_DETECTOR_STATE, defaultDetectorRun(), null));
  return text;
}

/** The default run read back from its own text: what the page will decode. */
export function defaultTrainedRun(): TrainedRun {
  const parsed = parseTrainedRun(defaultTrainedRunText());
  if (!parsed.ok) throw new Error(`the default run's record does not read back: ${parsed.message}`);
  return parsed.run;
}

let setup: TrainedScene | null = null;

export function defaultTrainedScene(): TrainedScene {
  setup ??= trainedScene(defaultTrainedRun());
  return setup;
}

let numbers: Record<string, string> | null = null;

export function trainedSceneNumbers(): Record<string, string> {
  numbers ??= compute();
  return numbers;
}

function compute(): Record<string, string> {
  const s = defaultTrainedScene();
  const { counts } = s.assignment;
  const view = (m: TrainedModel) => trainedSceneView(s, m, ALPHA, GAMMA);
  const fm = view("focal");
  const cm = view("ce");
  const cdf = trainedLossCdfs(fm, GAMMA);
  const at = (g: number) => cdf.reference.find((c) => c.gamma === g)!;
  const out: Record<string, string> = {
    settings: runSettingsText(s.run),
    "scene-side": String(LAB_SCENE_SIZE.width),
    stride: String(ANCHOR_STRIDE),
    "anchors-per-location":
      ["one", "two", "three", "four", "five"][ANCHORS_PER_LOCATION - 1] ?? String(ANCHORS_PER_LOCATION),
    anchors: formatCount(ANCHOR_COUNT),
    objects: String(s.objects.length),
    foreground: formatCount(counts.foreground),
    ignored: formatCount(counts.ignored),
    background: formatCount(counts.background),
    terms: formatCount(fm.terms.labels.length),
    normaliser: formatCount(fm.maps.focal.normaliser),
    "cdf-neg-top1-g0": shareText(shareOfHardest(at(0).negatives, 0.01)),
    "cdf-neg-top1-g2": shareText(shareOfHardest(at(2).negatives, 0.01)),
  };
  for (const [prefix, v] of [
    ["fm", fm],
    ["cm", cm],
  ] as const) {
    out[`${prefix}-ce-easy-loss`] = shareText(v.maps.ce.lossShare.easyNegative);
    out[`${prefix}-fl-easy-loss`] = shareText(v.maps.focal.lossShare.easyNegative);
    out[`${prefix}-ce-easy-grad`] = shareText(v.maps.ce.gradientShare.easyNegative);
    out[`${prefix}-fl-easy-grad`] = shareText(v.maps.focal.gradientShare.easyNegative);
    out[`${prefix}-ce-total`] = formatNumber(v.maps.ce.total, { notation: "significant", digits: 3 });
    out[`${prefix}-fl-total`] = formatNumber(v.maps.focal.total, { notation: "significant", digits: 3 });
    out[`${prefix}-easy-terms`] = formatCount(v.maps.focal.termCounts.easyNegative);
    out[`${prefix}-hard-terms`] = formatCount(v.maps.focal.termCounts.hardNegative);
  }
  return out;
}
