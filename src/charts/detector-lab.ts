/**
 * The detector lab's pictures, as scenes: a share (0 to 1) against the step,
 * one line per model, and a loss map: a held-out scene with each anchor
 * location shaded by its share of the scene's total loss under one model,
 * and the objects' boxes outlined. The scene image itself is a PNG data URL
 * made by the caller (a canvas in the browser, a PNG encoder at build time).
 */
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { CurveSeries } from "../lib/views/lab-view";
import { ANCHORS_PER_LOCATION, GRID, ANCHOR_STRIDE } from "../lib/detector-lab/anchor-grid";
import { SCENE_SIZE, type SceneObject } from "../lib/detector-lab/scenes";
import { LAB_FRAME, labAxes, labChart, modelPath, plotRanges, px, type Frame } from "./lab-frame";
import { applyScene, node, staticNode, type SvgNode } from "./scene";

/** A share in [0, 1] against the step (the share of the loss, or of the gradient, from well-classified negatives). */
export function shareCurveScene(series: readonly CurveSeries[], title: string, frame: Frame = LAB_FRAME): SvgNode {
  const { width, height } = frame;
  const maxStep = Math.max(10, ...series.flatMap((s) => s.points.map(([step]) => step)));
  const ranges = plotRanges(frame);
  const x = scaleLinear([0, maxStep], ranges.x).nice();
  const y = scaleLinear([0, 1], ranges.y);
  const path = line<[number, number]>()
    .defined(([, v]) => Number.isFinite(v))
    .x(([s]) => x(s))
    .y(([, v]) => y(v))
    .digits(1);
  const axes = staticNode(`share-curve|${width}x${height}|${x.domain().join()}|${title}`, () => {
    const xTicks = x.ticks(5);
    const yTicks = [0, 0.25, 0.5, 0.75, 1];
    return labAxes(x, y, frame, {
      x: { ticks: xTicks, labels: xTicks.map(x.tickFormat(5)), title: "step" },
      y: { ticks: yTicks, labels: yTicks.map((v) => `${Math.round(v * 100)}%`), title },
    });
  });
  const marks = series.map((s) => modelPath(s, path(s.points as [number, number][])));
  return labChart("share-curve", frame, [axes, node("g", "marks", { class: "marks" }, marks)]);
}

export function renderShareCurve(svg: SVGSVGElement, series: readonly CurveSeries[], title: string): void {
  applyScene(svg, shareCurveScene(series, title));
}

/** Each anchor location's share of the scene's loss: the sum over its A anchors, over the total. */
export function locationShares(lossMap: ArrayLike<number>): Float64Array {
  const shares = new Float64Array(GRID * GRID);
  let total = 0;
  for (let n = 0; n < lossMap.length; n++) {
    const v = lossMap[n]!;
    shares[Math.floor(n / ANCHORS_PER_LOCATION)]! += v;
    total += v;
  }
  if (total > 0) for (let i = 0; i < shares.length; i++) shares[i]! /= total;
  return shares;
}

/** Pixels per scene pixel in the map. */
export const MAP_SCALE = 4;
const MAP_SIZE = SCENE_SIZE * MAP_SCALE;

/**
 * The loss map of one model. A cell's opacity grows with its share of the loss
 * (square root, so that a cell with a quarter of the largest share still shows);
 * the brightest cell is the one with the largest share.
 */
export function lossMapScene(
  id: string,
  imageHref: string,
  lossMap: ArrayLike<number>,
  objects: readonly SceneObject[],
  label: string,
): SvgNode {
  const shares = locationShares(lossMap);
  const top = Math.max(...shares);
  const cell = ANCHOR_STRIDE * MAP_SCALE;
  const cells: SvgNode[] = [];
  shares.forEach((share, i) => {
    if (!(share > 0) || !(top > 0)) return;
    const opacity = Math.sqrt(share / top) * 0.85;
    if (opacity < 0.02) return;
    cells.push(
      node("rect", `c${i}`, {
        class: "loss-cell",
        x: (i % GRID) * cell,
        y: Math.floor(i / GRID) * cell,
        width: cell,
        height: cell,
        "fill-opacity": Math.round(opacity * 100) / 100,
      }),
    );
  });
  const boxes = objects.map((o, i) =>
    node("rect", `o${i}`, {
      class: `object-box object-${o.cls}`,
      x: px(o.x0 * MAP_SCALE),
      y: px(o.y0 * MAP_SCALE),
      width: px((o.x1 - o.x0) * MAP_SCALE),
      height: px((o.y1 - o.y0) * MAP_SCALE),
    }),
  );
  return node(
    "svg",
    `loss-map-${id}`,
    { class: `loss-map series-${id}`, viewBox: `0 0 ${MAP_SIZE} ${MAP_SIZE}`, role: "img", "aria-label": label },
    [
      node("title", "title", {}, label),
      node("image", "scene", {
        href: imageHref,
        x: 0,
        y: 0,
        width: MAP_SIZE,
        height: MAP_SIZE,
        preserveAspectRatio: "none",
        class: "scene-image",
      }),
      node("g", "cells", { class: "loss-cells" }, cells),
      node("g", "boxes", { class: "object-boxes" }, boxes),
    ],
  );
}

export function renderLossMap(svg: SVGSVGElement, ...args: Parameters<typeof lossMapScene>): void {
  applyScene(svg, lossMapScene(...args));
}
