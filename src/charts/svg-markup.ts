/**
 * Small pieces of SVG markup shared by the lab's charts. The charts build
 * their SVG as a string from d3 scales and d3-shape paths, so the same
 * function draws the default state at build time (no DOM there) and redraws
 * it in the browser; there is one code path, so the two cannot drift apart.
 */
import type { ScaleContinuousNumeric } from "d3-scale";

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const LAB_FRAME: Frame = { width: 340, height: 230, margin: { top: 12, right: 12, bottom: 38, left: 48 } };

/** Text escaped for SVG/HTML content and attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A finite number rounded for a path or attribute (shorter markup, no "NaN" ever written). */
export function px(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : "0";
}

type Scale = ScaleContinuousNumeric<number, number>;

interface AxisOptions {
  xLabel: string;
  yLabel: string;
  xTicks?: number;
  yTicks?: number;
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
  /** which y ticks get a gridline and a label (a log scale's ticks include every 2, 3, …, 9) */
  yTickFilter?: (v: number) => boolean;
}

/** Gridlines, tick labels and axis titles for a chart in `frame`. */
export function axesMarkup(x: Scale, y: Scale, frame: Frame, o: AxisOptions): string {
  const { width, height, margin } = frame;
  const xf = o.xFormat ?? x.tickFormat(o.xTicks ?? 5);
  const yf = o.yFormat ?? y.tickFormat(o.yTicks ?? 5);
  const xs = x.ticks(o.xTicks ?? 5);
  const ys = y.ticks(o.yTicks ?? 5).filter(o.yTickFilter ?? (() => true));
  const bottom = height - margin.bottom;
  const parts: string[] = ['<g class="axes">'];
  for (const t of ys) {
    const ty = px(y(t));
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 5}" y="${ty}" dy="0.32em" text-anchor="end">${esc(yf(t))}</text>`);
  }
  for (const t of xs) {
    const tx = px(x(t));
    parts.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${margin.top}" y2="${bottom}"/>`);
    parts.push(`<text class="tick" x="${tx}" y="${bottom + 14}" text-anchor="middle">${esc(xf(t))}</text>`);
  }
  parts.push(`<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${bottom}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${bottom}"/>`);
  parts.push(`<text class="axis-title" x="${px((margin.left + width - margin.right) / 2)}" y="${height - 4}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  parts.push(
    `<text class="axis-title" transform="translate(12 ${px((margin.top + bottom) / 2)}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  parts.push("</g>");
  return parts.join("");
}

/** A chart's markup in two layers: axes (rebuilt only when the scales change) and marks. */
export interface ChartLayers {
  /** identifies the scales: equal keys mean identical axes */
  axesKey: string;
  axes: string;
  marks: string;
}

export function layersMarkup(l: ChartLayers): string {
  return `<g class="axes-layer" data-key="${esc(l.axesKey)}">${l.axes}</g><g class="marks-layer">${l.marks}</g>`;
}

/**
 * Update an <svg> drawn by layersMarkup (browser only). While the scales stay
 * the same only the marks are replaced, which keeps each redraw a short task.
 */
export function updateSvgLayers(svg: Element, l: ChartLayers): void {
  const axes = svg.querySelector<SVGGElement>(":scope > g.axes-layer");
  const marks = svg.querySelector<SVGGElement>(":scope > g.marks-layer");
  if (axes && marks && axes.dataset.key === l.axesKey) {
    marks.innerHTML = l.marks;
    return;
  }
  svg.innerHTML = layersMarkup(l);
}
