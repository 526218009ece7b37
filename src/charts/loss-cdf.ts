/**
 * The cumulative distribution of the normalised loss (the idea of the paper's
 * Figure 4): examples sorted from the smallest loss up, against the share of
 * the total loss they carry, one curve per γ.
 */
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { CdfPoint } from "../lib/math/metrics";
import { axesMarkup, esc, LAB_FRAME, layersMarkup, updateSvgLayers, type ChartLayers, type Frame } from "./svg-markup";

export interface CdfSeries {
  gamma: number;
  points: readonly CdfPoint[];
}

/** CSS class of the curve colour for a γ, matching the site's curve family. */
export function gammaClass(gamma: number): string {
  return `gamma-${String(gamma).replace(".", "")}`;
}

export function lossCdfLayers(series: readonly CdfSeries[], label: string, frame: Frame = LAB_FRAME): ChartLayers {
  const { width, height, margin } = frame;
  const x = scaleLinear().domain([0, 1]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
  const path = line<CdfPoint>().x((p) => x(p.fraction)).y((p) => y(p.cumulative)).digits(1);
  const body = series
    .filter((s) => s.points.length > 0)
    .map((s) => `<path class="series ${gammaClass(s.gamma)}" data-gamma="${s.gamma}" d="${path(s.points as CdfPoint[]) ?? ""}"><title>γ = ${s.gamma}</title></path>`)
    .join("");
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return {
    axesKey: `cdf-${label}`,
    axes: axesMarkup(x, y, frame, { xLabel: `fraction of ${label}`, yLabel: "share of their loss", xFormat: pct, yFormat: pct }) +
      `<text class="panel-label" x="${margin.left + 6}" y="${margin.top + 12}">${esc(label)}</text>`,
    marks: body,
  };
}

export function lossCdfSvg(series: readonly CdfSeries[], label: string, frame: Frame = LAB_FRAME): string {
  return layersMarkup(lossCdfLayers(series, label, frame));
}

export function renderLossCdf(svg: Element, series: readonly CdfSeries[], label: string, frame: Frame = LAB_FRAME): void {
  updateSvgLayers(svg, lossCdfLayers(series, label, frame));
}
