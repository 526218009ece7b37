/**
 * The anchor map's SVG overlays (one over each panel) and OHEM's minibatch:
 * the boxes the reader drags, the nine anchors of one location under the
 * selected box, and the anchors OHEM would keep, with its sentence.
 */
import { anchorsAtPoint, type AnchorSet } from "../lib/detector/anchors";
import { LABEL, type Assignment } from "../lib/detector/assignment";
import { ohemSelect, type OhemSelection } from "../lib/detector/ohem";
import { SCENE_CLASSES, SCENE_SIZE } from "../lib/detector/scene";
import { levelPosition, type AnchorMapState } from "../lib/state/anchor-map-state";
import { overlayScene } from "../charts/anchor-map";
import { applyScene } from "../charts/scene";

/** The level whose anchors are drawn at one location when "all" levels are shown (P5: 128² anchors, visible at any size). */
const LOCATION_LEVEL_FOR_ALL = 2;

/** OHEM's minibatch, scored by cross-entropy, the loss it trains with in the paper's comparison. */
export function ohemFor(
  anchors: AnchorSet,
  a: Assignment,
  ceLoss: Float64Array,
  state: AnchorMapState,
): OhemSelection | null {
  if (state.ohem === "off") return null;
  return ohemSelect(anchors, a, ceLoss, { batchSize: 128, nmsThreshold: 0.5, variant: state.ohem });
}

export function ohemSentence(ohem: OhemSelection, state: AnchorMapState, anchorCount: number): string {
  return `OHEM${state.ohem === "ratio" ? " 1:3" : ""} keeps ${ohem.kept.length} anchors (${ohem.positives} positive, ${ohem.negatives} negative) of ${anchorCount.toLocaleString("en-US")}; every other anchor gets no gradient at all.`;
}

export interface OverlayInput {
  root: HTMLElement;
  anchors: AnchorSet;
  assignment: Assignment;
  state: AnchorMapState;
  selected: number;
  cellSize: number;
  ohem: OhemSelection | null;
}

export function drawOverlays({ root, anchors, assignment, state, selected, cellSize, ohem }: OverlayInput): void {
  const sel = state.boxes[selected];
  const position = levelPosition(state.level);
  const location = sel
    ? anchorsAtPoint(
        anchors,
        position === "all" ? LOCATION_LEVEL_FOR_ALL : position,
        (sel.box.x0 + sel.box.x1) / 2,
        (sel.box.y0 + sel.box.y1) / 2,
      )
    : [];
  const boxes = state.boxes.map((o) => ({ box: o.box, name: SCENE_CLASSES[o.classIndex]! }));
  const b = anchors.boxes;
  const kept = ohem?.kept.map((i) => ({
    box: { x0: b[4 * i]!, y0: b[4 * i + 1]!, x1: b[4 * i + 2]!, y1: b[4 * i + 3]! },
    positive: assignment.label[i] === LABEL.foreground,
  }));
  // A keyed join updates each box's element in place, so a focused box keeps its focus and arrow keys keep working.
  for (const svg of root.querySelectorAll<SVGSVGElement>("[data-overlay]")) {
    const stage = svg.closest("[data-stage]")?.getAttribute("data-stage") ?? "";
    applyScene(
      svg,
      overlayScene({
        idPrefix: `${root.dataset.figureId ?? "anchor-map"}-${stage}`,
        ...SCENE_SIZE,
        cellSize,
        anchors: stage === "labels" ? location : [],
        boxes,
        selected,
        interactive: true,
        ...(stage === "loss" && kept ? { ohem: kept } : {}),
      }),
    );
  }
}
