/** The training loss against the step, one line per model, on a log scale (CE and FL differ by orders of magnitude). */
import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import type { CurveSeries } from "../lib/views/lab-view";
import { LAB_FRAME, labAxes, labChart, modelPath, plotRanges, type Frame } from "./lab-frame";
import { applyScene, node, staticNode, type SvgNode } from "./scene";

export function trainingCurveScene(series: readonly CurveSeries[], frame: Frame = LAB_FRAME): SvgNode {
  const { width, height } = frame;
  const finite = series.flatMap((s) => s.points.filter(([, l]) => Number.isFinite(l) && l > 0));
  const maxStep = Math.max(10, ...finite.map(([s]) => s));
  let lo = Math.min(...finite.map(([, l]) => l));
  let hi = Math.max(...finite.map(([, l]) => l));
  if (!finite.length) {
    lo = 0.1;
    hi = 10;
  }
  if (hi / lo < 10) {
    lo = lo / 2;
    hi = hi * 2;
  }
  const ranges = plotRanges(frame);
  const x = scaleLinear([0, maxStep], ranges.x).nice();
  const y = scaleLog([lo, hi], ranges.y).nice();
  const path = line<[number, number]>()
    .defined(([, l]) => Number.isFinite(l) && l > 0)
    .x(([s]) => x(s))
    .y(([, l]) => y(l))
    .digits(1);
  // The axes change only when the scales do (a new decade, a longer run): one node per domain, reused across frames.
  const axes = staticNode(`training-curve|${width}x${height}|${x.domain().join()}|${y.domain().join()}`, () => {
    const yFormat = y.tickFormat(4, "~g");
    // Label only the powers of ten (and 2 and 5 when the range spans less than two decades).
    const decades = Math.log10(y.domain()[1]! / y.domain()[0]!);
    const keep = (v: number) => {
      const m = Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
      return m === 1 || (decades < 2 && (m === 2 || m === 5));
    };
    const xTicks = x.ticks(5);
    const yTicks = y.ticks(5).filter(keep);
    return labAxes(x, y, frame, {
      x: { ticks: xTicks, labels: xTicks.map(x.tickFormat(5)), title: "step" },
      y: { ticks: yTicks, labels: yTicks.map(yFormat), title: "training loss (log)" },
    });
  });
  const marks = series.map((s) => modelPath(s, path(s.points as [number, number][])));
  return labChart("training-curve", frame, [axes, node("g", "marks", { class: "marks" }, marks)]);
}

export function renderTrainingCurve(
  svg: SVGSVGElement,
  series: readonly CurveSeries[],
  frame: Frame = LAB_FRAME,
): void {
  applyScene(svg, trainingCurveScene(series, frame));
}
