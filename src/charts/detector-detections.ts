/**
 * Detections on one scene under one model, as a scene: the image, the objects'
 * true boxes (thin, white), and each detection at or above the reader's
 * threshold as its anchor's box in the model's colour with its score. The
 * image is a PNG data URL made by the caller (a canvas in the browser, a PNG
 * encoder at build time).
 */
import { anchorBox } from "../lib/detector-lab/anchor-grid";
import type { Detection } from "../lib/detector-lab/detections";
import { OBJECT_CLASSES, SCENE_SIZE, type SceneObject } from "../lib/detector-lab/scenes";
import { formatNumber } from "../lib/text/format";
import { MAP_SCALE } from "./detector-lab";
import { px } from "./lab-frame";
import { applyScene, node, type SvgNode } from "./scene";

const SIZE = SCENE_SIZE * MAP_SCALE;
/** How many of the best boxes carry their score as text. */
const LABELLED = 2;

const boxAttrs = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
  x: px(Math.max(0, b.x0) * MAP_SCALE),
  y: px(Math.max(0, b.y0) * MAP_SCALE),
  width: px((Math.min(SCENE_SIZE, b.x1) - Math.max(0, b.x0)) * MAP_SCALE),
  height: px((Math.min(SCENE_SIZE, b.y1) - Math.max(0, b.y0)) * MAP_SCALE),
});

export function detectionsScene(
  id: string,
  series: "ce" | "yours",
  imageHref: string,
  objects: readonly SceneObject[],
  detections: readonly Detection[],
  label: string,
): SvgNode {
  const truth = objects.map((o, i) => node("rect", `o${i}`, { class: "truth-box", ...boxAttrs(o) }));
  // Scores are written beside the best few boxes only: overlapping anchors' labels would hide the scene.
  const found = detections.map((d, rank) => {
    const box = boxAttrs(anchorBox(d.anchor));
    const score = formatNumber(d.score, { notation: "fixed", digits: 2 });
    const name = `${OBJECT_CLASSES[d.cls]} ${score}`;
    const label =
      rank < LABELLED
        ? [
            node(
              "text",
              "score",
              { class: "detection-score", x: Number(box.x) + 3, y: Math.max(14, Number(box.y) - 4) },
              name,
            ),
          ]
        : [];
    return node("g", `d${d.anchor}-${d.cls}`, { class: `detection series-${series}`, "data-score": score }, [
      node("title", "title", {}, name),
      node("rect", "box", { class: "detection-box", ...box }),
      ...label,
    ]);
  });
  return node(
    "svg",
    `detections-${id}`,
    {
      class: "detections-map",
      viewBox: `0 0 ${SIZE} ${SIZE}`,
      role: "img",
      "aria-label": label,
      "data-detections": detections.length,
    },
    [
      node("title", "title", {}, label),
      node("image", "scene", {
        href: imageHref,
        x: 0,
        y: 0,
        width: SIZE,
        height: SIZE,
        preserveAspectRatio: "none",
        class: "scene-image",
      }),
      node("g", "truth", { class: "truth-boxes" }, truth),
      node("g", "found", { class: "detections" }, found),
    ],
  );
}

export function renderDetections(svg: SVGSVGElement, ...args: Parameters<typeof detectionsScene>): void {
  applyScene(svg, detectionsScene(...args));
}
