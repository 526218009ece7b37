/**
 * Marks shared by the line charts: curves clipped to the plot, a crosshair
 * with a dot on each curve, and a legend that doubles as the crosshair's
 * readout. Scales are computed once per chart and handed to every mark.
 */
import type { Curve } from "../lib/views/figure-data";
import type { CurvePoint } from "../lib/math/loss";
import { shortNumber } from "../lib/text/format";
import {
  DEFAULT_ANCHORS,
  placeLegend,
  rectAt,
  wrapKey,
  type KeyCell,
  type LegendAnchor,
  type Point,
  type Rect,
} from "../lib/views/legend-placement";
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
  const { top, bottom } = box;
  const out: Pixel[] = [];
  let prev: [number, number] | null = null;
  // Runs for every sample of every curve on each slider frame: no arrays made per point but the pixels themselves.
  for (const p of points) {
    if (Number.isNaN(p.y) || !Number.isFinite(p.x) || (log && p.y <= 0)) {
      out.push(null);
      prev = null;
      continue;
    }
    const py = p.y === Infinity ? top - FAR : Math.max(top - FAR, Math.min(bottom + FAR, y(p.y)));
    const cur: [number, number] = [x(p.x), py];
    if (prev !== null) {
      const a = prev;
      const cutAt = (edge: number): [number, number] => [a[0] + ((edge - a[1]) / (py - a[1])) * (cur[0] - a[0]), edge];
      const topCut = (a[1] - top) * (py - top) < 0 ? cutAt(top) : null;
      const bottomCut = (a[1] - bottom) * (py - bottom) < 0 ? cutAt(bottom) : null;
      // Both edges crossed: left to right (the top one first on a tie).
      if (topCut && bottomCut) {
        if (bottomCut[0] < topCut[0]) out.push(bottomCut, topCut);
        else out.push(topCut, bottomCut);
      } else if (topCut) out.push(topCut);
      else if (bottomCut) out.push(bottomCut);
    }
    // Whatever was emitted for an outside point ended with a gap, so a re-entry starts a new subpath.
    out.push(py >= top && py <= bottom ? cur : null);
    prev = cur;
  }
  return out;
}

/**
 * How far, in pixels, the drawn line of a curve sampled by sampleAdaptively may stray from the exact
 * curve (tests/unit/charts/curve-pixel-error.test.ts measures it against the module's function).
 */
export const CURVE_TOLERANCE_PX = 0.25;
/** intervals the curve's x range starts with, before any is split */
const FIRST_INTERVALS = 32;
const MAX_DEPTH = 14;

/**
 * Samples a curve's exact function where its drawn line needs it: an interval is halved until its
 * chord, in pixels, passes within CURVE_TOLERANCE_PX of the curve at a quarter, half and three
 * quarters of the way, so a straight stretch is a few points and a bend many. An interval that
 * crosses an edge of the plot, or ends in a gap, is halved until it is narrower than the tolerance,
 * so the cut at the edge lands where the curve leaves. Beyond the plot nothing is refined.
 * A curve takes 35 to 60 points where the even grid of samples had 207.
 */
export function sampleAdaptively(curve: Pick<Curve, "at" | "points">, x: Scale, y: Scale, box: Box, log: boolean) {
  const first = curve.points[0]?.x ?? 0;
  const last = curve.points.at(-1)?.x ?? 1;
  const { top, bottom } = box;
  const gap = (v: number) => Number.isNaN(v) || (log && v <= 0);
  // Pixel y held just outside the plot: what lies beyond is cut off, so it needs no detail.
  const py = (v: number) => (v === Infinity ? top - 1 : Math.max(top - 1, Math.min(bottom + 1, y(v))));
  const inside = (p: number) => p >= top && p <= bottom;
  const out: CurvePoint[] = [];
  const split = (x0: number, v0: number, x1: number, v1: number, depth: number): void => {
    const px0 = x(x0);
    const px1 = x(x1);
    const narrow = Math.abs(px1 - px0) <= CURVE_TOLERANCE_PX / 2;
    if (depth >= MAX_DEPTH) return void out.push({ x: x1, y: v1 });
    const xm = (x0 + x1) / 2;
    const vm = curve.at(xm);
    // Towards a gap (a log axis's zero, where p_t = 1), down to where the curve has left the plot.
    const towardsGap = (gap(v0) && !gap(v1) && inside(py(v1))) || (gap(v1) && !gap(v0) && inside(py(v0)));
    if (narrow && !towardsGap) return void out.push({ x: x1, y: v1 });
    let refine = towardsGap || gap(vm) || inside(py(v0)) !== inside(py(v1));
    if (!refine) {
      const py0 = py(v0);
      const py1 = py(v1);
      const length = Math.hypot(px1 - px0, py1 - py0) || 1;
      // Distance of the curve's point from the chord through the interval's ends.
      const off = (xt: number, v: number) =>
        Math.abs((px1 - px0) * (py0 - py(v)) - (px0 - x(xt)) * (py1 - py0)) / length;
      const xq = (x0 + xm) / 2;
      const x3 = (xm + x1) / 2;
      refine = off(xm, vm) > CURVE_TOLERANCE_PX || off(xq, curve.at(xq)) > CURVE_TOLERANCE_PX;
      refine ||= off(x3, curve.at(x3)) > CURVE_TOLERANCE_PX;
      // All three beyond the same edge: nothing of it is drawn.
      if (refine && !inside(py0) && py(vm) === py0 && py1 === py0) refine = false;
    }
    if (!refine) return void out.push({ x: x1, y: v1 });
    split(x0, v0, xm, vm, depth + 1);
    split(xm, vm, x1, v1, depth + 1);
  };
  let x0 = first;
  let v0 = curve.at(x0);
  out.push({ x: x0, y: v0 });
  for (let i = 1; i <= FIRST_INTERVALS; i++) {
    const x1 = i === FIRST_INTERVALS ? last : first + ((last - first) * i) / FIRST_INTERVALS;
    const v1 = curve.at(x1);
    split(x0, v0, x1, v1, 0);
    x0 = x1;
    v0 = v1;
  }
  return out;
}

/**
 * SVG path text of a polyline with gaps (null pixels), the same text d3-shape 3.2's
 * line().defined(p => p !== null).digits(2) writes with its default linear curve,
 * byte for byte (tests/unit/charts/polyline-path.test.ts compares them): a run
 * starts with M, goes on with L, and a run of one point is closed with Z, each
 * coordinate rounded to 2 decimals. Written out here because every live figure
 * draws through it, and line() with d3-path is about 3.8 KB of gzipped JavaScript
 * on every figure's page, for a loop of a few lines (the 40 KB budget).
 */
export function polylinePath(pixels: readonly Pixel[]): string | null {
  const round = (v: number) => Math.round(v * 100) / 100;
  let out = "";
  let run = 0;
  for (const p of pixels) {
    if (p) {
      out += `${run === 0 ? "M" : "L"}${round(p[0])},${round(p[1])}`;
      run++;
    } else {
      if (run === 1) out += "Z";
      run = 0;
    }
  }
  if (run === 1) out += "Z";
  return out || null;
}
const pathOf = polylinePath;

/** A curve projected into one plot geometry: its pixels, and its path and polyline once asked for. */
interface Projection {
  pixels: Pixel[];
  d?: string;
  polyline?: Point[];
}

// Unchanging curves (the reference curves, frozen shared objects) keep their projection per plot
// geometry, so a slider frame projects, draws and checks the legend against only the reader's curve.
// A few geometries per curve: one page can show the same curves at two sizes or on both axes.
const projections = new WeakMap<Curve, Map<string, Projection>>();
const GEOMETRIES_KEPT = 8;

function geometryKey(x: Scale, y: Scale, box: Box, log: boolean): string {
  return `${x.domain()}|${x.range()}|${y.domain()}|${y.range()}|${box.top}|${box.bottom}|${log}`;
}

function projection(curve: Curve, x: Scale, y: Scale, box: Box, log: boolean): Projection {
  // Every curve is drawn from its exact function, where the line needs points (the same points for the
  // reader's curve and a reference curve of the same γ, so the two coincide exactly).
  const pixels = () => projectClipped(sampleAdaptively(curve, x, y, box, log), x, y, box, log);
  if (!Object.isFrozen(curve)) return { pixels: pixels() };
  const geometry = geometryKey(x, y, box, log);
  let kept = projections.get(curve);
  if (!kept) projections.set(curve, (kept = new Map()));
  let found = kept.get(geometry);
  if (!found) {
    found = { pixels: pixels() };
    // A figure resized many times must not grow this without bound: forget the oldest.
    if (kept.size >= GEOMETRIES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(geometry, found);
  }
  return found;
}

/** The SVG path of a curve within the plot box. */
export function curvePath(curve: Curve, x: Scale, y: Scale, box: Box, log = false): string {
  const p = projection(curve, x, y, box, log);
  return (p.d ??= pathOf(p.pixels) ?? "");
}

/**
 * The order curves are drawn in: the reference curves, the reader's (wider) on top, then any
 * reference the reader's curve coincides with (the paper's γ = 2 at the default γ = 2), whose
 * dashes then show over the reader's line, so both curves the legend lists stay visible.
 * `ignoreAlpha` for charts whose curves do not depend on α (the modulating factor).
 */
export function curvesInDrawingOrder<C extends Pick<Curve, "gamma" | "alpha" | "reader">>(
  curves: readonly C[],
  ignoreAlpha = false,
): C[] {
  const reader = curves.find((c) => c.reader);
  const covered = (c: C) =>
    reader !== undefined && !c.reader && c.gamma === reader.gamma && (ignoreAlpha || c.alpha === reader.alpha);
  return [
    ...curves.filter((c) => !c.reader && !covered(c)),
    ...curves.filter((c) => c.reader),
    ...curves.filter(covered),
  ];
}

/** Legend text of a curve: "γ = 0.5", or the reader's "your γ = 2.3, α = 0.25". */
export function curveLabel(curve: Pick<Curve, "gamma" | "alpha" | "reader">, readerName = "yours"): string {
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
 * curve's value there, so the reader's eye stays in one place. Where the
 * chart's layout found no room inside the plot (a phone, or curves that sweep
 * the whole plot) it reserved a key below the plot instead (`below`, from
 * keyBelow); only an inside legend with no free anchor falls back to the first.
 */
export type Corner = LegendAnchor;

/** The longest value a readout prints: a tiny loss in scientific notation. */
const WIDEST_VALUE = "0.000 × 10⁻¹⁰";

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
  // The value column is as wide as the widest value a readout prints, whatever the crosshair reads now, so the
  // box keeps its width (and place) while the reader scrubs from "0.093" to "7.383 × 10⁻⁴".
  const valueWidth = withValues
    ? Math.max(WIDEST_VALUE.length * 6.6, ...rows.map((r) => (r.value ?? "").length * 6.6))
    : 0;
  const width = Math.max(withValues ? 186 : 132, Math.ceil(36 + labelWidth + (withValues ? 14 + valueWidth : 0)));
  return { width, height: rows.length * rowHeight + (header ? rowHeight : 0) + 10 };
}

/**
 * The curves as pixel polylines, for placing labels off them; given the plot box, cut at its edges as
 * they are drawn (a log axis sends tiny losses far below the plot, where a key beside it may sit).
 */
export function curvePolylines(curves: readonly Curve[], x: Scale, y: Scale, box?: Box, log = false): Point[][] {
  if (!box) return curves.map((c) => c.points.map((p) => ({ x: x(p.x), y: y(p.y) })));
  return curves.map((c) => {
    const p = projection(c, x, y, box, log);
    return (p.polyline ??= p.pixels.map((px) => (px ? { x: px[0], y: px[1] } : { x: NaN, y: NaN })));
  });
}

/**
 * Approximate advance of 12 px UI text: there is no DOM at build time. Spaces, points, sub- and
 * superscripts are narrow; everything else is taken as wide as a digit, a little generous for letters.
 */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const ch of text) width += /[\s.,:;ₜ⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/u.test(ch) ? 3.6 : 6.6;
  return width * (bold ? 1.07 : 1);
}

/** The widest text a key can show: its header, each row's label and the longest value a readout prints. */
export interface KeySpec {
  header: string;
  rows: readonly { label: string; reader: boolean }[];
  value: string;
}

/** A key set below the plot: where it sits in the chart and where each of its cells (the rows', then the header's) goes. */
export interface KeyBelow {
  left: number;
  top: number;
  width: number;
  height: number;
  cells: KeyCell[];
}

/**
 * The widest key of a family of reference curves plus the reader's: the reader's label with the most
 * digits γ and α can take, and the longest value a readout prints (a tiny loss in scientific notation).
 */
export function referenceKeySpec(
  header: string,
  gammas: readonly number[],
  withAlpha: boolean,
  value = WIDEST_VALUE,
): KeySpec {
  const reader = { gamma: 0.25, alpha: withAlpha ? 0.25 : null, reader: true };
  return {
    header,
    rows: [
      ...gammas.map((gamma) => ({ label: curveLabel({ gamma, alpha: null, reader: false }), reader: false })),
      { label: curveLabel(reader), reader: true },
    ],
    value,
  };
}

const KEY_SWATCH = 18;
const KEY_ROW = 17;

/** Lays out a key for `spec` centred in the span [left, right], its top at `top`. */
export function keyBelow(spec: KeySpec, left: number, right: number, top: number): KeyBelow {
  const value = textWidth(spec.value) + 14;
  const header = textWidth(spec.header, true);
  // The header (the crosshair's position) comes last, or in the first gap a row leaves: with no crosshair
  // its cell is blank, and a blank where a row ends reads as a short row, not a hole.
  const sizes = [
    ...spec.rows.map((r) => {
      const label = KEY_SWATCH + 6 + textWidth(r.label, r.reader);
      return { width: label + value, stackedWidth: Math.max(label, KEY_SWATCH + 6 + value), regular: !r.reader };
    }),
    { width: header, stackedWidth: header, regular: true, fillsGap: true },
  ];
  const key = wrapKey(sizes, right - left, { rowHeight: KEY_ROW });
  return {
    left: Math.round(left + (right - left - key.width) / 2),
    top: Math.round(top),
    width: key.width,
    height: key.height,
    cells: key.cells,
  };
}

/** The key below the plot: the legend's rows in wrapped cells, with room kept for every value and the header. */
function keyBelowScene(rows: LegendRow[], header: string | null, key: KeyBelow, name: string): SvgNode {
  const children: SvgNode[] = [
    node("rect", "bg", { class: "legend-bg", x: 0, y: 0, width: key.width, height: key.height, rx: 4 }),
  ];
  const headerCell = key.cells.at(-1)!;
  const rowCells = key.cells.slice(0, -1);
  rows.forEach((row, i) => {
    // A row the layout did not reserve (it should not happen) goes on a line of its own rather than over another.
    const cell = rowCells[i] ?? {
      x: rowCells[0]?.x ?? 0,
      y: key.height + KEY_ROW * (i - rowCells.length) + KEY_ROW / 2,
      width: key.width,
      lines: 1,
    };
    const valueAt = cell.lines === 2 ? { x: cell.width, y: KEY_ROW } : { x: cell.width, y: 0 };
    children.push(
      node(
        "g",
        row.curve.key,
        { class: `legend-row ${curveClass(row.curve)}`, transform: `translate(${cell.x},${cell.y})` },
        [
          node("line", "swatch", { class: "swatch", x1: 0, x2: KEY_SWATCH, y1: 0, y2: 0 }),
          node("text", "label", { class: "legend-label", x: KEY_SWATCH + 6, dy: "0.32em" }, row.label),
          node(
            "text",
            "value",
            { class: "legend-value", x: valueAt.x, y: valueAt.y, dy: "0.32em", "text-anchor": "end" },
            row.value ?? "",
          ),
        ],
      ),
    );
  });
  children.push(
    node("text", "header", { class: "legend-header", x: headerCell.x, y: headerCell.y, dy: "0.32em" }, header ?? ""),
  );
  return node("g", name, { class: "legend", transform: `translate(${key.left},${key.top})` }, children);
}

export function legend(
  rows: LegendRow[],
  box: Box,
  header: string | null,
  {
    key = "legend",
    anchors = ["top-right"],
    avoid = [],
    below = null,
  }: { key?: string; anchors?: readonly Corner[]; avoid?: readonly (readonly Point[])[]; below?: KeyBelow | null } = {},
): SvgNode {
  if (below) return keyBelowScene(rows, header, below, key);
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

/** The box a legend node (from legend()) covers, in chart pixels: for keeping other labels off it. */
export function legendRect(legendNode: SvgNode): Rect {
  const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(String(legendNode.attrs?.transform)) ?? [];
  const bg = legendNode.children?.find((c) => c.key === "bg");
  return {
    left: Number(x ?? 0),
    top: Number(y ?? 0),
    width: Number(bg?.attrs?.width ?? 0),
    height: Number(bg?.attrs?.height ?? 0),
  };
}

/**
 * What a slider moves in a chart, for the canvas a live figure draws while the reader drags
 * (src/elements/figure/canvas-layer.ts): each mark's SVG path, painted like the first SVG element
 * `like` selects, and the SVG elements the canvas stands in for meanwhile (`hide`).
 */
export interface LiveMarks {
  paths: { d: string; like: string }[];
  hide: string;
}

/** A circle as path text, so the canvas draws a dot the way it draws a curve. */
export function dotPath(cx: number, cy: number, r: number): string {
  return `M${cx - r},${cy}a${r},${r} 0 1 0 ${2 * r},0a${r},${r} 0 1 0 ${-2 * r},0`;
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
