/**
 * Where a legend (or any label box) can sit inside a plot without covering a
 * curve: the first of a list of candidate positions whose box no curve segment
 * crosses, or null when none is free (the caller then sets the legend beside
 * the plot instead, as a narrow phone chart must). Pure geometry in pixels, so
 * a unit test can check every preset and a grid of γ and α.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A candidate position: a named anchor of the plot box the legend hugs. */
export type LegendAnchor = "top-right" | "top-left" | "bottom-right" | "bottom-left" | "top-centre" | "middle-right";

export const DEFAULT_ANCHORS: readonly LegendAnchor[] = [
  "top-right",
  "bottom-left",
  "bottom-right",
  "top-left",
  "top-centre",
  "middle-right",
];

/** The legend's box at an anchor, `inset` pixels inside the plot's edges. */
export function rectAt(anchor: LegendAnchor, plot: Rect, width: number, height: number, inset = 6): Rect {
  const right = plot.left + plot.width - width - inset;
  const bottom = plot.top + plot.height - height - inset;
  const positions: Record<LegendAnchor, Point> = {
    "top-right": { x: right, y: plot.top + inset },
    "top-left": { x: plot.left + inset, y: plot.top + inset },
    "bottom-right": { x: right, y: bottom },
    "bottom-left": { x: plot.left + inset, y: bottom },
    "top-centre": { x: plot.left + (plot.width - width) / 2, y: plot.top + inset },
    "middle-right": { x: right, y: plot.top + (plot.height - height) / 2 },
  };
  const { x, y } = positions[anchor];
  return { left: x, top: y, width, height };
}

function inside(p: Point, r: Rect): boolean {
  return p.x >= r.left && p.x <= r.left + r.width && p.y >= r.top && p.y <= r.top + r.height;
}

/** Liang–Barsky: does the segment a→b meet the rectangle (boundary included)? */
export function segmentMeetsRect(a: Point, b: Point, r: Rect): boolean {
  if (inside(a, r) || inside(b, r)) return true;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - r.left],
    [dx, r.left + r.width - a.x],
    [-dy, a.y - r.top],
    [dy, r.top + r.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Does any segment of any polyline (pixel points; non-finite points break the line) meet the box? */
export function polylinesMeetRect(polylines: readonly (readonly Point[])[], r: Rect): boolean {
  for (const line of polylines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      if (!Number.isFinite(a.x + a.y + b.x + b.y)) continue;
      if (segmentMeetsRect(a, b, r)) return true;
    }
  }
  return false;
}

/** Grow a box by `pad` on every side: the clearance kept between a legend and a curve. */
export function padded(r: Rect, pad: number): Rect {
  return { left: r.left - pad, top: r.top - pad, width: r.width + 2 * pad, height: r.height + 2 * pad };
}

export interface Placement {
  anchor: LegendAnchor;
  rect: Rect;
}

/**
 * The first free anchor, trying `previous` first so a legend does not hop
 * between corners while a curve moves but leaves it clear; null when the box
 * does not fit in the plot or every anchor is crossed.
 */
export function placeLegend(
  plot: Rect,
  width: number,
  height: number,
  polylines: readonly (readonly Point[])[],
  {
    anchors = DEFAULT_ANCHORS,
    previous,
    clearance = 3,
  }: { anchors?: readonly LegendAnchor[]; previous?: LegendAnchor; clearance?: number } = {},
): Placement | null {
  if (width + 12 > plot.width || height + 12 > plot.height) return null;
  const order = previous && anchors.includes(previous) ? [previous, ...anchors.filter((a) => a !== previous)] : anchors;
  for (const anchor of order) {
    const rect = rectAt(anchor, plot, width, height);
    if (!polylinesMeetRect(polylines, padded(rect, clearance))) return { anchor, rect };
  }
  return null;
}

/** Do two boxes overlap (labels that would print over each other)? */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
