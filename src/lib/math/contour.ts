/**
 * The level set f(x1, x2) = 0 of a function sampled on a grid, by marching
 * squares, as line segments in data coordinates. Used to draw a classifier's
 * decision boundary (logit = 0, i.e. p = 0.5) without d3-contour.
 */

export interface GridSpec {
  x1: [number, number];
  x2: [number, number];
  /** cells along each axis */
  cells: number;
}

export type Segment = [[number, number], [number, number]];

/** Where along an edge from value a to value b the function crosses 0 (linear interpolation). */
function crossing(a: number, b: number): number {
  return a === b ? 0.5 : a / (a - b);
}

export function zeroContour(f: (x1: number, x2: number) => number, grid: GridSpec): Segment[] {
  const n = grid.cells;
  const [x0, x1max] = grid.x1;
  const [y0, y1max] = grid.x2;
  const dx = (x1max - x0) / n;
  const dy = (y1max - y0) / n;
  const values = new Float64Array((n + 1) * (n + 1));
  for (let j = 0; j <= n; j++) for (let i = 0; i <= n; i++) values[j * (n + 1) + i] = f(x0 + i * dx, y0 + j * dy);
  const at = (i: number, j: number) => values[j * (n + 1) + i]!;
  const segments: Segment[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      // corners counter-clockwise from bottom-left; edges 0 bottom, 1 right, 2 top, 3 left
      const v = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)] as const;
      const points: [number, number][] = [];
      const edges: [number, number, [number, number], [number, number]][] = [
        [0, 1, [i, j], [i + 1, j]],
        [1, 2, [i + 1, j], [i + 1, j + 1]],
        [2, 3, [i + 1, j + 1], [i, j + 1]],
        [3, 0, [i, j + 1], [i, j]],
      ];
      for (const [a, b, pa, pb] of edges) {
        const va = v[a]!;
        const vb = v[b]!;
        if (va > 0 !== vb > 0) {
          const t = crossing(va, vb);
          points.push([x0 + (pa[0] + t * (pb[0] - pa[0])) * dx, y0 + (pa[1] + t * (pb[1] - pa[1])) * dy]);
        }
      }
      // Two crossings: one segment. Four (a saddle): pair them in order; which pairing is right
      // is ambiguous at this resolution, and either reads fine on a chart.
      for (let k = 0; k + 1 < points.length; k += 2) segments.push([points[k]!, points[k + 1]!]);
    }
  }
  return segments;
}
