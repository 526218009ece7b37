/**
 * Marks shared by the line charts: curves clipped to the plot, a crosshair
 * with a dot on each curve, and a legend that doubles as the crosshair's
 * readout. Scales are computed once per chart and handed to every mark.
 */
import { line } from "d3-shape";
import type { Curve } from "../lib/views/figure-data";
import type { CurvePoint } from "../lib/math/loss";
import { shortNumber } from "../lib/text/format";
import { DEFAULT_ANCHORS, placeLegend, rectAt, type LegendAnchor, type Point } from "../lib/views/legend-placement";
import { node, type SvgNode } from "./scene";

export interface Scale {
  (value: number): number;
  invert(pixel: number): number;
  domain(): number[];
  range(): number[];
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type Pixel = [number, number] | null;

/** How far beyond the plot an off-scale value is placed before the cut: far enough that the cut is exact. */
const FAR = 1e4;

/**
 * Projects samples to pixels and cuts the polyline where it leaves the plot
 * vertically, inserting the exact crossing of each segment with the edge, so
 * no clip-path (and no document-unique id) is needed. NaN and, on a log axis,
 * non-positive values are gaps; +Infinity lies beyond the top edge.
 */
export function projectClipped(points: readonly CurvePoint[], x: Scale, y: Scale, box: Box, log: boolean): Pixel[] {
  const inside = (p: [number, number]) => p[1] >= box.top && p[1] <= box.bottom;
  const out: Pixel[] = [];
  let prev: [number, number] | null = null;
  for (const p of points) {
    if (Number.isNaN(p.y) || !Number.isFinite(p.x) || (log && p.y <= 0)) {
      out.push(null);
      prev = null;
      continue;
    }
    const py = p.y === Infinity ? box.top - FAR : Math.max(box.top - FAR, Math.min(box.bottom + FAR, y(p.y)));
    const cur: [number, number] = [x(p.x), py];
    if (prev === null) {
      out.push(inside(cur) ? cur : null);
    } else {
      const a = prev;
      const cuts = [box.top, box.bottom]
        .filter((edge) => (a[1] - edge) * (cur[1] - edge) < 0)
        .map((edge): [number, number] => [a[0] + ((edge - a[1]) / (cur[1] - a[1])) * (cur[0] - a[0]), edge])
        .sort((p1, p2) => p1[0] - p2[0]);
      // Whatever was emitted for an outside point ended with a gap, so a re-entry starts a new subpath.
      out.push(...cuts, inside(cur) ? cur : null);
    }
    prev = cur;
  }
  return out;
}

const pathOf = line<Pixel>()
  .defined((p) => p !== null)
  .x((p) => p![0])
  .y((p) => p![1])
  .digits(2);

// Paths of unchanging curves (the reference curves, shared objects) kept per plot geometry,
// so a slider frame only rebuilds the reader's curve.
const pathCache = new WeakMap<Curve, { geometry: string; d: string }>();

/** The SVG path of a curve within the plot box. */
export function curvePath(curve: Curve, x: Scale, y: Scale, box: Box, log = false): string {
  const frozen = Object.isFrozen(curve);
  const geometry = frozen
    ? `${x.domain()}|${x.range()}|${y.domain()}|${y.range()}|${box.top}|${box.bottom}|${log}`
    : "";
  const cached = frozen ? pathCache.get(curve) : undefined;
  if (cached && cached.geometry === geometry) return cached.d;
  const d = pathOf(projectClipped(curve.points, x, y, box, log)) ?? "";
  if (frozen) pathCache.set(curve, { geometry, d });
  return d;
}

/** Legend text of a curve: "γ = 0.5", or the reader's "your γ = 2.3, α = 0.25". */
export function curveLabel(curve: Curve, readerName = "yours"): string {
  const gamma = `γ = ${shortNumber(curve.gamma)}`;
  if (!curve.reader) return gamma;
  const alpha = curve.alpha === null ? "" : `, α = ${shortNumber(curve.alpha)}`;
  return `${readerName}: ${gamma}${alpha}`;
}

export interface LegendRow {
  curve: Curve;
  label: string;
  value?: string;
}

/**
 * The legend, inside the plot wherever its box crosses no curve (the first free
 * anchor of `anchors`, in the chart's order of preference; see
 * src/lib/views/legend-placement.ts); with a crosshair it also reads out each
 * curve's value there, so the reader's eye stays in one place. Only when no
 * anchor is free does it fall back to the first one.
 */
export type Corner = LegendAnchor;

/** The legend's size in px (12 px UI text; the reader's bold row a little wider). */
export function legendSize(rows: LegendRow[], header: string | null): { width: number; height: number } {
  const rowHeight = 17;
  const withValues = rows.some((r) => r.value !== undefined);
  // Sized to its longest label and value, so "yours: γ = 3.4, α = 0.25" and a value such as
  // "2.841 × 10⁻⁴" never run into each other or out of the box.
  const labelWidth = Math.max(
    ...rows.map((r) => r.label.length * (r.curve.reader ? 7 : 6.6)),
    header ? header.length * 7 : 0,
  );
  const valueWidth = withValues ? Math.max(...rows.map((r) => (r.value ?? "").length * 6.6)) : 0;
  const width = Math.max(withValues ? 186 : 132, Math.ceil(36 + labelWidth + (withValues ? 14 + valueWidth : 0)));
  return { width, height: rows.length * rowHeight + (header ? rowHeight : 0) + 10 };
}

/** The curves as pixel polylines, for placing labels off them. */
export function curvePolylines(curves: readonly Curve[], x: Scale, y: Scale): Point[][] {
  return curves.map((c) => c.points.map((p) => ({ x: x(p.x), y: y(p.y) })));
}

export function legend(
  rows: LegendRow[],
  box: Box,
  header: string | null,
  {
    key = "legend",
    anchors = ["top-right"],
    avoid = [],
  }: { key?: string; anchors?: readonly Corner[]; avoid?: readonly (readonly Point[])[] } = {},
): SvgNode {
  const rowHeight = 17;
  const { width, height } = legendSize(rows, header);
  const plot = { left: box.left, top: box.top, width: box.right - box.left, height: box.bottom - box.top };
  const order = [...anchors, ...DEFAULT_ANCHORS.filter((a) => !anchors.includes(a))];
  // On a narrow chart a legend wider than the plot still starts inside it, over the curves rather than the axis.
  const fallback = rectAt(anchors[0] ?? "top-right", plot, Math.min(width, plot.width - 8), height);
  const { left, top } = placeLegend(plot, width, height, avoid, { anchors: order })?.rect ?? fallback;
  const children: SvgNode[] = [node("rect", "bg", { class: "legend-bg", x: 0, y: 0, width, height, rx: 4 })];
  let y = 5 + rowHeight / 2;
  if (header) {
    children.push(node("text", "header", { class: "legend-header", x: 8, y, dy: "0.32em" }, header));
    y += rowHeight;
  }
  for (const row of rows) {
    children.push(
      node("g", row.curve.key, { class: `legend-row ${curveClass(row.curve)}`, transform: `translate(8,${y})` }, [
        node("line", "swatch", { class: "swatch", x1: 0, x2: 22, y1: 0, y2: 0 }),
        node("text", "label", { class: "legend-label", x: 28, dy: "0.32em" }, row.label),
        node(
          "text",
          "value",
          { class: "legend-value", x: width - 16, dy: "0.32em", "text-anchor": "end" },
          row.value ?? "",
        ),
      ]),
    );
    y += rowHeight;
  }
  return node("g", key, { class: "legend", transform: `translate(${Math.round(left)},${Math.round(top)})` }, children);
}

/** The class that gives a curve its colour and dash pattern (see charts.css). */
export function curveClass(curve: Curve): string {
  return `curve-${curve.key}${curve.reader ? " is-reader" : ""}`;
}

/** A vertical crosshair at data x with a dot where it meets each curve inside the plot. */
export function crosshair(curves: Curve[], xValue: number, x: Scale, y: Scale, box: Box): SvgNode {
  const px = x(xValue);
  const dots: SvgNode[] = [];
  for (const curve of curves) {
    const value = curve.at(xValue);
    if (!Number.isFinite(value)) continue;
    const py = y(value);
    if (!(py >= box.top - 0.5 && py <= box.bottom + 0.5)) continue;
    dots.push(
      node("circle", curve.key, {
        class: `crosshair-dot ${curveClass(curve)}`,
        cx: px,
        cy: py,
        r: curve.reader ? 4.5 : 3.5,
      }),
    );
  }
  return node("g", "crosshair", { class: "crosshair" }, [
    node("line", "rule", { class: "crosshair-rule", x1: px, x2: px, y1: box.top, y2: box.bottom }),
    ...dots,
  ]);
}
