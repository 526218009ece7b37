/**
 * The anchor map's state, declared with the site's field table (state.ts):
 * which level and loss are shown, γ and α, whether OHEM's minibatch is drawn,
 * and the ground-truth boxes themselves, so a link restores the reader's scene.
 * Boxes are a list field written as x.y.w.h.class in whole pixels, joined by
 * "_"; an unreadable box is dropped, and a list with none readable falls back
 * to the chapter's scene, like every other field.
 */
import { SCENE_CLASSES, SCENE_OBJECTS, SCENE_SIZE, MAX_OBJECTS, MIN_BOX_SIDE } from "../detector/scene";
import type { GroundTruth } from "../detector/assignment";
import { ALPHA_COARSE, GAMMA } from "./ranges";
import { defineState, enumField, listField, numberField, type ListCodec, type Schema, type StateOf } from "./state";

export const LEVEL_VIEWS = ["all", "p3", "p4", "p5", "p6", "p7"] as const;
export const OHEM_VIEWS = ["off", "plain", "ratio"] as const;
/**
 * Where the loss map's scores come from: the stated score model on the park
 * (score-model.ts), or the detector trained in chapter 10 on one of its
 * held-out scenes, from the build's default run or the reader's own run
 * stored in this browser (trained-logits-store.ts).
 */
export const SCORE_SOURCES = ["stated", "default", "yours"] as const;
/** Which trained model's logits every loss of the map is evaluated on. */
export const TRAINED_MODELS = ["focal", "ce"] as const;

const { width: W, height: H } = SCENE_SIZE;
const pixels = (max: number, min = 0) => ({ min, max, integer: true }) as const;

/** A box as its URL writes it: corner, size and class, in whole pixels, at least MIN_BOX_SIDE a side. */
const BOX_PARTS = {
  x: numberField("x", pixels(W - MIN_BOX_SIDE), { defaultValue: 0 }),
  y: numberField("y", pixels(H - MIN_BOX_SIDE), { defaultValue: 0 }),
  w: numberField("w", pixels(W, MIN_BOX_SIDE), { defaultValue: MIN_BOX_SIDE }),
  h: numberField("h", pixels(H, MIN_BOX_SIDE), { defaultValue: MIN_BOX_SIDE }),
  c: numberField("c", pixels(SCENE_CLASSES.length - 1), { defaultValue: 0 }),
} satisfies Schema;

/** A dragged box is read as its parts (null for non-numbers or a wrong class), and kept inside the image. */
const BOX_CODEC: ListCodec<GroundTruth> = {
  toRecord(candidate) {
    if (candidate === null || typeof candidate !== "object") return undefined;
    const { box, classIndex } = candidate as GroundTruth;
    if (!box || ![box.x0, box.y0, box.x1, box.y1].every((v) => typeof v === "number" && Number.isFinite(v)))
      return undefined;
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= SCENE_CLASSES.length) return undefined;
    return { x: box.x0, y: box.y0, w: box.x1 - box.x0, h: box.y1 - box.y0, c: classIndex };
  },
  toItem(record) {
    const { x, y, w, h, c } = record as StateOf<typeof BOX_PARTS>;
    const x0 = Math.min(x, W - w);
    const y0 = Math.min(y, H - h);
    return { box: { x0, y0, x1: x0 + w, y1: y0 + h }, classIndex: c };
  },
};

export const ANCHOR_MAP_FIELDS = {
  level: enumField("level", LEVEL_VIEWS, "all"),
  loss: enumField("loss", ["ce", "balanced", "focal"] as const, "focal"),
  gamma: numberField("gamma", GAMMA, { defaultValue: 2 }),
  alpha: numberField("alpha", ALPHA_COARSE, { defaultValue: 0.25 }),
  ohem: enumField("ohem", OHEM_VIEWS, "off"),
  boxes: listField("boxes", BOX_PARTS, {
    defaultValue: SCENE_OBJECTS.map((o) => ({ box: { ...o.box }, classIndex: o.classIndex })),
    maxItems: MAX_OBJECTS,
    // "_" and "." are characters a query string keeps as they are, and links to scenes are out in the world
    separators: { item: "_", part: "." },
    codec: BOX_CODEC,
  }),
  scores: enumField("scores", SCORE_SOURCES, "stated"),
  model: enumField("model", TRAINED_MODELS, "focal"),
} satisfies Schema;

export type AnchorMapState = StateOf<typeof ANCHOR_MAP_FIELDS>;

/** `anchors.`-prefixed: the chapter's figures may share the page, and their γ is not the map's. */
export const ANCHOR_MAP_STATE = defineState(ANCHOR_MAP_FIELDS, { prefix: "anchors." });

export const DEFAULT_ANCHOR_MAP_STATE: AnchorMapState = ANCHOR_MAP_STATE.defaults;

/** The level view as the detector module takes it: a position in PYRAMID_LEVELS, or "all". */
export function levelPosition(level: AnchorMapState["level"]): number | "all" {
  return level === "all" ? "all" : LEVEL_VIEWS.indexOf(level) - 1;
}
