/** Precision against recall on the held-out points, one step line per model, with the chance level. */
import { scaleLinear } from "d3-scale";
import { line, curveStepBefore } from "d3-shape";
import type { PrPoint } from "../lib/math/metrics";
import type { PrSeries } from "../lib/views/lab-view";
import { LAB_FRAME, labAxes, labChart, modelPath, plotRanges, type Frame } from "./lab-frame";
import { applyScene, node, staticNode, type SvgNode } from "./scene";

export function prCurveScene(series: readonly PrSeries[], chance: number, frame: Frame = LAB_FRAME): SvgNode {
  const { width, height, margin } = frame;
  const ranges = plotRanges(frame);
  const x = scaleLinear([0, 1], ranges.x);
  const y = scaleLinear([0, 1], ranges.y);
  // Start each curve at recall 0 with its first precision, so the step reads from the left edge.
  const path = line<PrPoint>()
    .x((p) => x(p.recall))
    .y((p) => y(p.precision))
    .curve(curveStepBefore)
    .digits(1);
  const axes = staticNode(`pr-curve|${width}x${height}`, () => {
    const ticks = x.ticks(5);
    return labAxes(x, y, frame, {
      // One "0.0" at the origin, the y axis's: an x label under it would touch it.
      x: { ticks, labels: ticks.map((v) => (v === 0 ? "" : x.tickFormat(5)(v))), title: "recall" },
      y: { ticks, labels: ticks.map(y.tickFormat(5)), title: "precision" },
    });
  });
  const cy = y(chance);
  const marks = [
    node("line", "chance", { class: "chance", x1: margin.left, x2: width - margin.right, y1: cy, y2: cy }, [
      node("title", "title", {}, "chance"),
    ]),
    ...series
      .filter((s) => s.points.length > 0)
      .map((s) => modelPath(s, path([{ recall: 0, precision: s.points[0]!.precision }, ...s.points]))),
  ];
  return labChart("pr-curve", frame, [axes, node("g", "marks", { class: "marks" }, marks)]);
}

export function renderPrCurve(
  svg: SVGSVGElement,
  series: readonly PrSeries[],
  chance: number,
  frame: Frame = LAB_FRAME,
): void {
  applyScene(svg, prCurveScene(series, chance, frame));
}
