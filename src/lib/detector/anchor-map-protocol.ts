/**
 * Messages between the anchor map (main thread) and its worker. The worker
 * keeps the live assignment, the loss maps and each level's cells
 * (LiveDetector, LiveCells) and answers each update with only the pixels of
 * the two cell canvases that changed; the main thread moves the boxes and puts
 * those pixels on the canvases. The words (counts, totals, shares) and OHEM's
 * minibatch are worked out only when asked for, on the same state.
 */
import type { GroundTruth, LabelCounts } from "./assignment";
import type { LevelView } from "./cells";
import type { LossKind, LossMap } from "./loss-map";
import type { Box } from "./iou";
import type { OhemVariant } from "./ohem";

export interface AnchorMapUpdate {
  type: "update";
  /** the request's number, echoed in its answer */
  id: number;
  boxes: readonly GroundTruth[];
  alpha: number;
  gamma: number;
  level: LevelView;
  loss: LossKind;
  /** answer with the words too */
  words: boolean;
  /** answer with OHEM's minibatch too (null: none asked) */
  ohem: OhemVariant | null;
}

export type ToAnchorMapWorker = AnchorMapUpdate;

/** A loss map's numbers without its per-anchor array: what the sentences and the budget table read. */
export type LossSummary = Omit<LossMap, "perAnchor">;

export interface AnchorMapWords {
  counts: LabelCounts;
  levelCounts: LabelCounts[];
  positivesPerObject: number[];
  maps: Record<LossKind, LossSummary>;
}

/** The pixels of a rectangle of a cell canvas (one RGBA pixel per cell), row-major. */
export interface PixelPatch {
  x: number;
  y: number;
  width: number;
  height: number;
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

export interface CellCanvasPatch {
  /** the canvas's size in cells: a new size repaints it whole */
  columns: number;
  rows: number;
  /** null: no pixel changed */
  patch: PixelPatch | null;
}

export interface OhemBatch {
  /** the kept anchors' boxes, highest loss first, and whether each is a positive */
  kept: { box: Box; positive: boolean }[];
  positives: number;
  negatives: number;
}

export interface AnchorMapFrame {
  type: "frame";
  id: number;
  labels: CellCanvasPatch;
  loss: CellCanvasPatch;
  words: AnchorMapWords | null;
  ohem: OhemBatch | null;
}

export type FromAnchorMapWorker = AnchorMapFrame;
