/**
 * The anchor map's state, declared with the site's field table (state.ts):
 * which level and loss are shown, γ and α, whether OHEM's minibatch is drawn,
 * and the ground-truth boxes themselves, so a link restores the reader's scene.
 * Boxes are written as x.y.w.h.class in whole pixels, joined by "_" (characters
 * a query string keeps as they are); anything malformed or out of the image
 * falls back to the chapter's scene, like every other field.
 */
import { SCENE_CLASSES, SCENE_OBJECTS, SCENE_SIZE, MAX_OBJECTS, MIN_BOX_SIDE } from "../detector/scene";
import type { GroundTruth } from "../detector/assignment";
import { ALPHA_COARSE, GAMMA } from "./ranges";
import { defineState, enumField, numberField, type Field, type Schema, type StateOf } from "./state";

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

const MAX_BOXES_RAW = MAX_OBJECTS * 24;

/** Snaps and clamps a box into the image, at least MIN_BOX_SIDE a side; null for non-numbers or a wrong class. */
export function validBox(candidate: unknown): GroundTruth | null {
  if (candidate === null || typeof candidate !== "object") return null;
  const { box, classIndex } = candidate as GroundTruth;
  if (!box || ![box.x0, box.y0, box.x1, box.y1].every((v) => typeof v === "number" && Number.isFinite(v))) return null;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= SCENE_CLASSES.length) return null;
  const { width: W, height: H } = SCENE_SIZE;
  const w = Math.round(Math.min(W, Math.max(MIN_BOX_SIDE, box.x1 - box.x0)));
  const h = Math.round(Math.min(H, Math.max(MIN_BOX_SIDE, box.y1 - box.y0)));
  const x0 = Math.round(Math.min(W - w, Math.max(0, box.x0)));
  const y0 = Math.round(Math.min(H - h, Math.max(0, box.y0)));
  return { box: { x0, y0, x1: x0 + w, y1: y0 + h }, classIndex };
}

const DEFAULT_BOXES: readonly GroundTruth[] = SCENE_OBJECTS.map((o) => ({
  box: { ...o.box },
  classIndex: o.classIndex,
}));

function sameBoxes(a: readonly GroundTruth[], b: readonly GroundTruth[]): boolean {
  return (
    a.length === b.length &&
    a.every((o, i) => {
      const p = b[i]!;
      return (
        o.classIndex === p.classIndex &&
        o.box.x0 === p.box.x0 &&
        o.box.y0 === p.box.y0 &&
        o.box.x1 === p.box.x1 &&
        o.box.y1 === p.box.y1
      );
    })
  );
}

/** The scene's boxes; the default value itself is returned for a scene equal to it, so writeState leaves it out of the URL. */
function boxesField(param: string): Field<readonly GroundTruth[]> {
  const canonical = (boxes: readonly GroundTruth[]) => (sameBoxes(boxes, DEFAULT_BOXES) ? DEFAULT_BOXES : boxes);
  const allows = (value: unknown) =>
    Array.isArray(value) &&
    value.length <= MAX_OBJECTS &&
    value.every((b) => {
      const v = validBox(b);
      return v !== null && sameBoxes([v], [b as GroundTruth]);
    });
  const corner: GroundTruth = { box: { x0: 0, y0: 0, x1: MIN_BOX_SIDE, y1: MIN_BOX_SIDE }, classIndex: 0 };
  return {
    param,
    defaultValue: DEFAULT_BOXES,
    shape: { kind: "custom", examples: [DEFAULT_BOXES, [], [corner], DEFAULT_BOXES.slice(0, 1)], allows },
    parse(raw) {
      const text = raw.trim();
      if (text === "none") return [];
      if (
        text.length === 0 ||
        text.length > MAX_BOXES_RAW ||
        !/^\d{1,4}(\.\d{1,4}){4}(_\d{1,4}(\.\d{1,4}){4})*$/.test(text)
      )
        return undefined;
      const out: GroundTruth[] = [];
      for (const part of text.split("_")) {
        const [x, y, w, h, c] = part.split(".").map(Number) as [number, number, number, number, number];
        const { width: W, height: H } = SCENE_SIZE;
        if (w < MIN_BOX_SIDE || h < MIN_BOX_SIDE || x + w > W || y + h > H || c >= SCENE_CLASSES.length)
          return undefined;
        out.push({ box: { x0: x, y0: y, x1: x + w, y1: y + h }, classIndex: c });
      }
      return out.length > MAX_OBJECTS ? undefined : canonical(out);
    },
    serialise(boxes) {
      if (boxes.length === 0) return "none";
      return boxes
        .map((o) => [o.box.x0, o.box.y0, o.box.x1 - o.box.x0, o.box.y1 - o.box.y0, o.classIndex].join("."))
        .join("_");
    },
    coerce(value) {
      if (!Array.isArray(value)) return DEFAULT_BOXES;
      const boxes = value
        .slice(0, MAX_OBJECTS)
        .map(validBox)
        .filter((b): b is GroundTruth => b !== null);
      return canonical(boxes);
    },
  };
}

export const ANCHOR_MAP_FIELDS = {
  level: enumField("level", LEVEL_VIEWS, "all"),
  loss: enumField("loss", ["ce", "balanced", "focal"] as const, "focal"),
  gamma: numberField("gamma", GAMMA, { defaultValue: 2 }),
  alpha: numberField("alpha", ALPHA_COARSE, { defaultValue: 0.25 }),
  ohem: enumField("ohem", OHEM_VIEWS, "off"),
  boxes: boxesField("boxes"),
  scores: enumField("scores", SCORE_SOURCES, "stated"),
  model: enumField("model", TRAINED_MODELS, "focal"),
} satisfies Schema;

export type AnchorMapState = StateOf<typeof ANCHOR_MAP_FIELDS>;

/** `anchors.`-prefixed: the chapter's figures may share the page, and their γ is not the map's. */
export const ANCHOR_MAP_STATE = defineState(ANCHOR_MAP_FIELDS, { prefix: "anchors." });

export const DEFAULT_ANCHOR_MAP_STATE: AnchorMapState = ANCHOR_MAP_STATE.defaults;

export function parseAnchorMapState(input: URLSearchParams | string | null | undefined): AnchorMapState {
  return ANCHOR_MAP_STATE.parse(input);
}

export function updateAnchorMapState(
  state: AnchorMapState,
  patch: Partial<Record<keyof AnchorMapState, unknown>>,
): AnchorMapState {
  return ANCHOR_MAP_STATE.coerce(patch, state);
}

/** Writes the state into a query, leaving other parameters alone. */
export function writeAnchorMapState(state: AnchorMapState, into?: URLSearchParams): URLSearchParams {
  return ANCHOR_MAP_STATE.write(state, into);
}

/** The level view as the detector module takes it: a position in PYRAMID_LEVELS, or "all". */
export function levelPosition(level: AnchorMapState["level"]): number | "all" {
  return level === "all" ? "all" : LEVEL_VIEWS.indexOf(level) - 1;
}
