/**
 * The data and each model's decision boundary (logit = 0, p = 0.5) in the
 * plane of the two inputs. The points are a node of their own, built once
 * per data set and handed back unchanged on every redraw (the join then skips
 * it); only the boundaries move while a model trains.
 */
import { scaleLinear } from "d3-scale";
import { zeroContour, type GridSpec, type Segment } from "../lib/math/contour";
import { logitAt, type ModelState } from "../lib/lab/trainer";
import type { DataSet } from "../lib/lab/synthetic-data";
import type { BoundarySeries } from "../lib/views/lab-view";
import { labAxes, labChart, plotRanges, px, type Frame } from "./lab-frame";
import { applyScene, node, staticNode, type SvgNode } from "./scene";

/**
 * As tall as the training-loss and precision–recall charts beside it on a wide screen (no hole under
 * it), and wide enough in x₁ and x₂ that the objects' cluster near (2.5, 2) sits inside the plot with
 * room for the boundaries that curve away from it up and to the right, rather than in its corner.
 */
export const BOUNDARY_FRAME: Frame = { width: 340, height: 480, margin: { top: 12, right: 12, bottom: 38, left: 40 } };
export const PLANE: GridSpec = { x1: [-3.5, 6], x2: [-4, 8], cells: 64 };

function scales(frame: Frame) {
  const ranges = plotRanges(frame);
  return { x: scaleLinear(PLANE.x1, ranges.x), y: scaleLinear(PLANE.x2, ranges.y) };
}

/**
 * The points to show: every positive, and every k-th negative so that at most
 * `maxNegatives` remain (thousands of SVG circles would slow every redraw).
 */
export function scatterNode(data: DataSet, maxNegatives = 1200, frame: Frame = BOUNDARY_FRAME): SvgNode {
  const { x, y } = scales(frame);
  const stride = Math.max(1, Math.ceil(data.negatives / maxNegatives));
  const neg: string[] = [];
  const pos: string[] = [];
  let seen = 0;
  for (let i = 0; i < data.labels.length; i++) {
    const isPositive = data.labels[i] === 1;
    if (!isPositive && seen++ % stride !== 0) continue;
    const cx = data.x1[i]!;
    const cy = data.x2[i]!;
    if (cx < PLANE.x1[0] || cx > PLANE.x1[1] || cy < PLANE.x2[0] || cy > PLANE.x2[1]) continue;
    (isPositive ? pos : neg).push(`M${px(x(cx))},${px(y(cy))}h0`);
  }
  // One path per class with zero-length segments and round caps: thousands of dots, two DOM nodes.
  return node("g", "points", { class: "points" }, [
    node("path", "negative", { class: "dots dots-negative", d: neg.join("") }),
    node("path", "positive", { class: "dots dots-positive", d: pos.join("") }),
  ]);
}

export function boundarySegments(model: ModelState): Segment[] {
  return zeroContour((a, b) => logitAt(model, a, b), PLANE);
}

/** The plane: axes, the points (a scatterNode) and one boundary per model. */
export function decisionBoundaryScene(
  points: SvgNode,
  series: readonly BoundarySeries[],
  frame: Frame = BOUNDARY_FRAME,
): SvgNode {
  const { x, y } = scales(frame);
  const axes = staticNode(`decision-boundary|${frame.width}x${frame.height}`, () => {
    const xTicks = x.ticks(5);
    const yTicks = y.ticks(5);
    return labAxes(x, y, frame, {
      x: { ticks: xTicks, labels: xTicks.map(x.tickFormat(5)), title: "x₁" },
      y: { ticks: yTicks, labels: yTicks.map(y.tickFormat(5)), title: "x₂" },
    });
  });
  const boundaries = series.map((s) => {
    const d = boundarySegments(s.model)
      .map(([a, b]) => `M${px(x(a[0]))},${px(y(a[1]))}L${px(x(b[0]))},${px(y(b[1]))}`)
      .join("");
    return node("path", s.id, { class: `boundary series-${s.id}`, "data-series": s.id, d }, [
      node("title", "title", {}, `${s.label}: p = 0.5`),
    ]);
  });
  return labChart("decision-boundary", frame, [
    axes,
    points,
    node("g", "boundaries", { class: "boundaries" }, boundaries),
  ]);
}

export function renderDecisionBoundary(
  svg: SVGSVGElement,
  points: SvgNode,
  series: readonly BoundarySeries[],
  frame: Frame = BOUNDARY_FRAME,
): void {
  applyScene(svg, decisionBoundaryScene(points, series, frame));
}
