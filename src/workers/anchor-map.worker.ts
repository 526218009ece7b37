/**
 * The anchor map's computation, off the main thread: relabelling the anchors
 * near a moved box, their logits and loss terms (LiveDetector) and the cells
 * of the level shown (LiveCellPixels) cost a drag frame ~12 ms of script at 4×
 * CPU throttling, on top of the page's rendering. Each update is answered with
 * the changed pixels of the two cell canvases, and with the words and OHEM's
 * minibatch when asked for, all on that update's state, so once a drag
 * settles they are exactly the from-scratch computation's.
 */
import type {
  AnchorMapUpdate,
  AnchorMapWords,
  FromAnchorMapWorker,
  LossSummary,
  OhemBatch,
} from "../lib/detector/anchor-map-protocol";
import { LABEL } from "../lib/detector/assignment";
import { detectorSetup } from "../lib/detector/detector-view";
import { LiveDetector, type LiveDetectorView } from "../lib/detector/live-detector";
import { LOSS_KINDS, type LossKind } from "../lib/detector/loss-map";
import { ohemSelect } from "../lib/detector/ohem";
import { LiveCellPixels } from "../charts/anchor-map-pixels";

const setup = detectorSetup();
const detector = new LiveDetector(setup);
const pixels = new LiveCellPixels(setup.anchors);

function words(view: LiveDetectorView): AnchorMapWords {
  const maps = {} as Record<LossKind, LossSummary>;
  for (const kind of LOSS_KINDS) {
    const { perAnchor: _, ...summary } = view.maps[kind];
    maps[kind] = summary;
  }
  return {
    counts: { ...view.assignment.counts },
    levelCounts: view.levelCounts,
    positivesPerObject: view.positivesPerObject,
    maps,
  };
}

/** OHEM's minibatch, scored by cross-entropy, the loss it trains with in the paper's comparison. */
function ohem(view: LiveDetectorView, variant: "plain" | "ratio"): OhemBatch {
  const { anchors } = setup;
  const a = view.assignment;
  const picked = ohemSelect(anchors, a, view.maps.ce.perAnchor, { batchSize: 128, nmsThreshold: 0.5, variant });
  const b = anchors.boxes;
  return {
    kept: picked.kept.map((i) => ({
      box: { x0: b[4 * i]!, y0: b[4 * i + 1]!, x1: b[4 * i + 2]!, y1: b[4 * i + 3]! },
      positive: a.label[i] === LABEL.foreground,
    })),
    positives: picked.positives,
    negatives: picked.negatives,
  };
}

self.onmessage = (event: MessageEvent<AnchorMapUpdate>) => {
  const m = event.data;
  const view = detector.update(m.boxes, m.alpha, m.gamma);
  const { labels, loss } = pixels.update(m.level, m.loss, view);
  const message: FromAnchorMapWorker = {
    type: "frame",
    id: m.id,
    labels,
    loss,
    words: m.words ? words(view) : null,
    ohem: m.ohem ? ohem(view, m.ohem) : null,
  };
  const transfer = [labels.patch, loss.patch].flatMap((p) => (p ? [p.pixels.buffer] : []));
  postMessage(message, { transfer });
};
