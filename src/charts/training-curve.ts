/** The training loss against the step, one line per model, on a log scale (CE and FL differ by orders of magnitude). */
import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import { axesMarkup, esc, LAB_FRAME, layersMarkup, updateSvgLayers, type ChartLayers, type Frame } from "./svg-markup";

export interface CurveSeries {
  id: string;
  label: string;
  /** [step, loss] pairs */
  points: readonly [number, number][];
}

export function trainingCurveLayers(series: readonly CurveSeries[], frame: Frame = LAB_FRAME): ChartLayers {
  const { width, height, margin } = frame;
  const finite = series.flatMap((s) => s.points.filter(([, l]) => Number.isFinite(l) && l > 0));
  const maxStep = Math.max(10, ...finite.map(([s]) => s));
  let lo = Math.min(...finite.map(([, l]) => l));
  let hi = Math.max(...finite.map(([, l]) => l));
  if (!finite.length) { lo = 0.1; hi = 10; }
  if (hi / lo < 10) { lo = lo / 2; hi = hi * 2; }
  const x = scaleLinear().domain([0, maxStep]).range([margin.left, width - margin.right]).nice();
  const y = scaleLog().domain([lo, hi]).range([height - margin.bottom, margin.top]).nice();
  const path = line<[number, number]>()
    .defined(([, l]) => Number.isFinite(l) && l > 0)
    .x(([s]) => x(s))
    .y(([, l]) => y(l))
    .digits(1);
  const yFormat = y.tickFormat(4, "~g");
  // Label only the powers of ten (and 2 and 5 when the range spans less than two decades).
  const decades = Math.log10(y.domain()[1]! / y.domain()[0]!);
  const keep = (v: number) => {
    const m = Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
    return m === 1 || (decades < 2 && (m === 2 || m === 5));
  };
  const body = series
    .map((s) => `<path class="series series-${esc(s.id)}" data-series="${esc(s.id)}" d="${path(s.points as [number, number][]) ?? ""}"><title>${esc(s.label)}</title></path>`)
    .join("");
  return {
    axesKey: `${x.domain().join()}|${y.domain().join()}`,
    axes: axesMarkup(x, y, frame, { xLabel: "step", yLabel: "training loss (log)", yFormat: (v) => yFormat(v), yTickFilter: keep }),
    marks: body,
  };
}

export function trainingCurveSvg(series: readonly CurveSeries[], frame: Frame = LAB_FRAME): string {
  return layersMarkup(trainingCurveLayers(series, frame));
}

export function renderTrainingCurve(svg: Element, series: readonly CurveSeries[], frame: Frame = LAB_FRAME): void {
  updateSvgLayers(svg, trainingCurveLayers(series, frame));
}
