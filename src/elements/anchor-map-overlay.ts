/**
 * The anchor map's SVG overlays (one over each panel) and OHEM's minibatch:
 * the boxes the reader drags, the nine anchors of one location under the
 * selected box, and the anchors OHEM would keep, with its sentence.
 */
import type { OhemBatch } from "../lib/detector/anchor-map-protocol";
import { anchorsAtPoint, type AnchorSet } from "../lib/detector/anchors";
import { SCENE_CLASSES, SCENE_SIZE } from "../lib/detector/scene";
import { levelPosition, type AnchorMapState } from "../lib/state/anchor-map-state";
import { overlayScene } from "../charts/anchor-map";
import { applyScene } from "../charts/scene";
import { groupThousands } from "../lib/text/format";

/** The level whose anchors are drawn at one location when "all" levels are shown (P5: 128² anchors, visible at any size). */
const LOCATION_LEVEL_FOR_ALL = 2;

export function ohemSentence(ohem: OhemBatch, state: AnchorMapState, anchorCount: number): string {
  return `OHEM${state.ohem === "ratio" ? " 1:3" : ""} keeps ${ohem.kept.length} anchors (${ohem.positives} positive, ${ohem.negatives} negative) of ${groupThousands(anchorCount)}; every other anchor gets no gradient at all.`;
}

export interface OverlayInput {
  root: HTMLElement;
  anchors: AnchorSet;
  state: AnchorMapState;
  selected: number;
  /** OHEM's minibatch on this state, or null */
  ohem: OhemBatch | null;
}

/** The side of a cell of the level shown, in image pixels ("all" is drawn on the finest grid). */
export function cellSizeOf(anchors: AnchorSet, state: AnchorMapState): number {
  const position = levelPosition(state.level);
  return anchors.grids[position === "all" ? 0 : position]!.stride;
}

export function drawOverlays({ root, anchors, state, selected, ohem }: OverlayInput): void {
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
  const kept = ohem?.kept;
  const cellSize = cellSizeOf(anchors, state);
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
