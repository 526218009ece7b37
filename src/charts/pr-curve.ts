/** Precision against recall on the held-out points, one step line per model, with the chance level. */
import { scaleLinear } from "d3-scale";
import { line, curveStepBefore } from "d3-shape";
import type { PrPoint } from "../lib/math/metrics";
import { axesMarkup, esc, LAB_FRAME, layersMarkup, px, updateSvgLayers, type ChartLayers, type Frame } from "./svg-markup";

export interface PrSeries {
  id: string;
  label: string;
  points: readonly PrPoint[];
}

export function prCurveLayers(series: readonly PrSeries[], chance: number, frame: Frame = LAB_FRAME): ChartLayers {
  const { width, height, margin } = frame;
  const x = scaleLinear().domain([0, 1]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
  // Start each curve at recall 0 with its first precision, so the step reads from the left edge.
  const path = line<PrPoint>().x((p) => x(p.recall)).y((p) => y(p.precision)).curve(curveStepBefore).digits(1);
  const body = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const pts = [{ recall: 0, precision: s.points[0]!.precision }, ...s.points];
      return `<path class="series series-${esc(s.id)}" data-series="${esc(s.id)}" d="${path(pts) ?? ""}"><title>${esc(s.label)}</title></path>`;
    })
    .join("");
  const cy = px(y(chance));
  return {
    axesKey: "pr",
    axes: axesMarkup(x, y, frame, { xLabel: "recall", yLabel: "precision" }),
    marks: `<line class="chance" x1="${margin.left}" x2="${width - margin.right}" y1="${cy}" y2="${cy}"><title>chance</title></line>${body}`,
  };
}

export function prCurveSvg(series: readonly PrSeries[], chance: number, frame: Frame = LAB_FRAME): string {
  return layersMarkup(prCurveLayers(series, chance, frame));
}

export function renderPrCurve(svg: Element, series: readonly PrSeries[], chance: number, frame: Frame = LAB_FRAME): void {
  updateSvgLayers(svg, prCurveLayers(series, chance, frame));
}
