/**
 * The data and each model's decision boundary (logit = 0, p = 0.5) in the
 * plane of the two inputs. The points are drawn once; only the boundaries move
 * while a model trains, so they are a separate layer.
 */
import { scaleLinear } from "d3-scale";
import { zeroContour, type GridSpec, type Segment } from "../lib/math/contour";
import { logitAt, type ModelState } from "../lib/lab/trainer";
import type { DataSet } from "../lib/lab/synthetic-data";
import { axesMarkup, esc, px, type Frame } from "./svg-markup";

export const BOUNDARY_FRAME: Frame = { width: 340, height: 300, margin: { top: 12, right: 12, bottom: 38, left: 40 } };
export const PLANE: GridSpec = { x1: [-3.5, 4.5], x2: [-3.5, 4], cells: 48 };

function scales(frame: Frame) {
  const { width, height, margin } = frame;
  return {
    x: scaleLinear().domain(PLANE.x1).range([margin.left, width - margin.right]),
    y: scaleLinear().domain(PLANE.x2).range([height - margin.bottom, margin.top]),
  };
}

/**
 * The points to show: every positive, and every k-th negative so that at most
 * `maxNegatives` remain (thousands of SVG circles would slow every redraw).
 */
export function scatterMarkup(data: DataSet, maxNegatives = 1200, frame: Frame = BOUNDARY_FRAME): string {
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
  return `<path class="dots dots-negative" d="${neg.join("")}"/><path class="dots dots-positive" d="${pos.join("")}"/>`;
}

export function axesForPlane(frame: Frame = BOUNDARY_FRAME): string {
  const { x, y } = scales(frame);
  return axesMarkup(x, y, frame, { xLabel: "x₁", yLabel: "x₂" });
}

export interface BoundarySeries {
  id: string;
  label: string;
  model: ModelState;
}

export function boundarySegments(model: ModelState): Segment[] {
  return zeroContour((a, b) => logitAt(model, a, b), PLANE);
}

export function boundaryMarkup(series: readonly BoundarySeries[], frame: Frame = BOUNDARY_FRAME): string {
  const { x, y } = scales(frame);
  return series
    .map((s) => {
      const d = boundarySegments(s.model).map(([a, b]) => `M${px(x(a[0]))},${px(y(a[1]))}L${px(x(b[0]))},${px(y(b[1]))}`).join("");
      return `<path class="boundary series-${esc(s.id)}" data-series="${esc(s.id)}" d="${d}"><title>${esc(s.label)}: p = 0.5</title></path>`;
    })
    .join("");
}

export function renderDecisionBoundary(layer: Element, series: readonly BoundarySeries[], frame: Frame = BOUNDARY_FRAME): void {
  layer.innerHTML = boundaryMarkup(series, frame);
}
