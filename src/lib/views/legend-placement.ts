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

/** One cell of a wrapped key: its origin (the middle of its first line) relative to the key, and its extent. */
export interface KeyCell {
  x: number;
  y: number;
  width: number;
  /** 2 when the value goes on a line of its own under the label (a cell wider than the whole key) */
  lines: 1 | 2;
}

export interface WrappedKey {
  width: number;
  height: number;
  cells: KeyCell[];
}

export interface KeyCellSize {
  /** label and value side by side */
  width: number;
  /** label over value, for a key too narrow for `width` */
  stackedWidth: number;
  /** whether the cell sets the column width (the reader's long label spans columns instead) */
  regular: boolean;
  /** whether the cell may leave the order to fill the first gap it fits (the crosshair's position) */
  fillsGap?: boolean;
}

/**
 * A compact key set beside a plot: cells flow left to right into as many
 * equal columns as fit `available` px and wrap onto new rows; a wider cell
 * spans as many columns as it needs, and a cell wider than the whole key
 * sets its value under its label. Sized from the widest text each cell can
 * show, so it never changes size as values come and go.
 */
export function wrapKey(
  sizes: readonly KeyCellSize[],
  available: number,
  { rowHeight = 17, gap = 14, pad = 6 }: { rowHeight?: number; gap?: number; pad?: number } = {},
): WrappedKey {
  const inner = Math.max(1, available - 2 * pad);
  const fitted = sizes.map((s) =>
    s.width <= inner ? { w: s.width, lines: 1 as const } : { w: Math.min(inner, s.stackedWidth), lines: 2 as const },
  );
  const regular = fitted.filter((_, i) => sizes[i]!.regular).map((f) => f.w);
  const columnWidth = Math.min(inner, Math.max(...(regular.length ? regular : fitted.map((f) => f.w))));
  const columns = Math.max(1, Math.floor((inner + gap) / (columnWidth + gap)));
  const cells: KeyCell[] = [];
  // Rows so far: their top, how many columns they use and how many lines tall they are.
  const rows: { top: number; used: number; lines: number }[] = [];
  sizes.forEach((size, i) => {
    const f = fitted[i]!;
    const span = Math.min(columns, Math.ceil((f.w + gap) / (columnWidth + gap)));
    const last = rows.at(-1);
    // A one-line cell that may go anywhere (the header) takes the first gap it fits; the rest keep their order.
    const row =
      (size.fillsGap && f.lines === 1 ? rows.find((r) => columns - r.used >= span) : undefined) ??
      (last && columns - last.used >= span ? last : undefined) ??
      (() => {
        const added = { top: last ? last.top + last.lines * rowHeight : pad, used: 0, lines: 1 };
        rows.push(added);
        return added;
      })();
    // A cell wider than every column together (a key of one column) gets the whole row, as wide as it needs.
    cells.push({
      x: pad + row.used * (columnWidth + gap),
      y: row.top + rowHeight / 2,
      width: Math.max(f.w, span * columnWidth + (span - 1) * gap),
      lines: f.lines,
    });
    row.used += span;
    row.lines = Math.max(row.lines, f.lines);
  });
  const lastRow = rows.at(-1)!;
  const top = lastRow.top;
  const rowLines = lastRow.lines;
  // In a single column every cell is as wide as the widest, so the values line up on one right edge.
  if (columns === 1) {
    const widest = Math.max(...cells.map((c) => c.width));
    for (const c of cells) c.width = widest;
  }
  return {
    width: Math.ceil(Math.max(...cells.map((c) => c.x + c.width)) + pad),
    height: Math.ceil(top + rowLines * rowHeight + pad),
    cells,
  };
}
