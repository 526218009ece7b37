/**
 * The frame the lab's small charts share: their size and margins, axes drawn
 * by axes.ts (gridlines both ways, no tick marks, the lab's smaller type), and
 * the root <svg> node every lab chart's scene hangs from.
 */
import { bottomAxis, leftAxis, type AxisScale } from "./axes";
import { node, type SvgNode } from "./scene";

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** Room on the left for 13-unit tick labels ("100", "0.25") and, clear of them, the rotated axis title. */
export const LAB_FRAME: Frame = { width: 340, height: 230, margin: { top: 12, right: 12, bottom: 40, left: 58 } };

export interface LabAxes {
  x: { ticks: number[]; labels: string[]; title: string };
  y: { ticks: number[]; labels: string[]; title: string };
}

/** Both axes of a lab chart, gridlines across the plot, titles inside the margins. */
export function labAxes(x: AxisScale, y: AxisScale, frame: Frame, axes: LabAxes): SvgNode {
  const { width, height, margin } = frame;
  const bottom = height - margin.bottom;
  return node("g", "axes", { class: "axes" }, [
    leftAxis(y, margin.left, {
      key: "y-axis",
      ...axes.y,
      gridTo: width - margin.right,
      tickSize: 0,
      titleOffset: margin.left - 11,
    }),
    bottomAxis(x, bottom, {
      key: "x-axis",
      ...axes.x,
      gridTo: margin.top,
      tickSize: 0,
      titleOffset: margin.bottom - 4,
    }),
  ]);
}

/** The plot's pixel ranges inside the margins: x from left to right, y from bottom to top. */
export function plotRanges({ width, height, margin }: Frame): { x: [number, number]; y: [number, number] } {
  return { x: [margin.left, width - margin.right], y: [height - margin.bottom, margin.top] };
}

/** One model's line: classed and tagged by the model's id (its colour), titled with its name. */
export function modelPath(series: { id: string; label: string }, d: string | null): SvgNode {
  const { id, label } = series;
  return node("path", id, { class: `series series-${id}`, "data-series": id, d: d ?? "" }, [
    node("title", "title", {}, label),
  ]);
}

/** The root of a lab chart's scene. */
export function labChart(key: string, frame: Frame, children: SvgNode[]): SvgNode {
  return node("svg", key, { class: "lab-chart", viewBox: `0 0 ${frame.width} ${frame.height}` }, children);
}

/** A finite pixel coordinate rounded for a path (shorter markup, and no "NaN" ever written). */
export function px(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : "0";
}
