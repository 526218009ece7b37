/**
 * Where a small label goes beside a point so that its box crosses no curve,
 * no box already taken and no edge of the plot: the free box nearest the
 * point. Curves are graphs of functions of x (polylines whose x never goes
 * back), so a box meets a run of one exactly when the run's y-extent over the
 * box's x-range meets the box's y-range; each column of x a label can take is
 * then a few blocked y-intervals, and the nearest free top in a column is
 * found without trying every height.
 */
import type { Point, Rect } from "../lib/views/legend-placement";

/** The unbroken runs of the polylines (a non-finite point breaks a line), each in increasing x. */
export function curveRuns(polylines: readonly (readonly Point[])[]): Point[][] {
  const runs: Point[][] = [];
  for (const line of polylines) {
    let run: Point[] = [];
    for (const p of line) {
      if (Number.isFinite(p.x + p.y)) run.push(p);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/** The y-extents (padded) the runs take over the x-range [left, right]. */
function curveSpans(runs: readonly (readonly Point[])[], left: number, right: number, pad: number) {
  const spans: [number, number][] = [];
  const from = left - pad;
  const to = right + pad;
  for (const run of runs) {
    if (run.length === 0 || run[0]!.x > to || run.at(-1)!.x < from) continue;
    // The first point at or past the column's left edge (binary search: runs are long, columns many).
    let lo = 0;
    let hi = run.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (run[mid]!.x < from) lo = mid + 1;
      else hi = mid;
    }
    const at = (a: Point, b: Point, x: number) => (b.x === a.x ? a.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x));
    // The run's y at the column's edges where it passes them, and every vertex between.
    let min = Infinity;
    let max = -Infinity;
    const take = (y: number) => {
      min = Math.min(min, y);
      max = Math.max(max, y);
    };
    if (lo > 0) take(at(run[lo - 1]!, run[lo]!, from));
    let i = lo;
    for (; i < run.length && run[i]!.x <= to; i++) take(run[i]!.y);
    if (i < run.length && i > 0) take(at(run[i - 1]!, run[i]!, to));
    spans.push([min - pad, max + pad]);
  }
  return spans;
}

/**
 * The free box of `width` × `height` nearest the point (px, py), keeping `pad` from every curve (its `runs`, from curveRuns) and
 * every box in `taken`, inside `plot`; null when there is none. Columns are tried outwards from the
 * point and the search stops once a column is farther than the best box found.
 */
export function nearestFreeBox(
  px: number,
  py: number,
  width: number,
  height: number,
  plot: Rect,
  runs: readonly (readonly Point[])[],
  taken: readonly Rect[],
  pad = 2,
): Rect | null {
  const minLeft = plot.left;
  const maxLeft = plot.left + plot.width - width;
  const minTop = plot.top;
  const maxTop = plot.top + plot.height - height;
  if (maxLeft < minLeft || maxTop < minTop) return null;
  // Every 3 px across the plot, plus the columns just beside the point on either side.
  const lefts = [px + pad, px - width - pad];
  for (let l = minLeft; l <= maxLeft; l += 3) lefts.push(l);
  const dxOf = (l: number) => Math.max(l - px, 0, px - (l + width));
  const columns = lefts
    .filter((l) => l >= minLeft && l <= maxLeft)
    .map((l) => ({ l, dx: dxOf(l) }))
    .sort((a, b) => a.dx - b.dx);
  let best: Rect | null = null;
  let bestDistance = Infinity;
  for (const { l, dx } of columns) {
    if (dx >= bestDistance) break;
    // Tops a box in this column may not take: open intervals (lo, hi).
    const blocked = curveSpans(runs, l, l + width, pad).map(([a, b]) => [a - height, b] as const);
    for (const t of taken)
      if (t.left < l + width + pad && l < t.left + t.width + pad)
        blocked.push([t.top - pad - height, t.top + t.height + pad]);
    const free = (top: number) => top >= minTop && top <= maxTop && blocked.every(([a, b]) => top <= a || top >= b);
    // The top nearest the point: centred on it, else just past the end of an interval in the way.
    const ideal = Math.min(maxTop, Math.max(minTop, py - height / 2));
    const tops = [ideal, minTop, maxTop, ...blocked.flatMap(([a, b]) => [a, b])];
    for (const top of tops) {
      if (!free(top)) continue;
      const dy = Math.max(top - py, 0, py - (top + height));
      const distance = Math.hypot(dx, dy);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { left: l, top, width, height };
      }
    }
  }
  return best;
}

/** Where a leader from a point of radius `r` to a box starts and ends: the box's nearest point, and the ring's point facing it. */
export function leaderLine(
  px: number,
  py: number,
  r: number,
  box: Rect,
): { x1: number; y1: number; x2: number; y2: number } {
  const x2 = Math.min(box.left + box.width, Math.max(box.left, px));
  const y2 = Math.min(box.top + box.height, Math.max(box.top, py));
  const length = Math.hypot(x2 - px, y2 - py) || 1;
  return { x1: px + ((x2 - px) * r) / length, y1: py + ((y2 - py) * r) / length, x2, y2 };
}
