/**
 * Folding ~100k anchors onto a grid of cells small enough to paint as pixels:
 * either one level's own grid (a cell per location, nine anchors each) or, for
 * all levels together, the finest grid (P3, 8-pixel cells) with every anchor
 * counted in the cell that holds its centre.
 */
import { ANCHORS_PER_LOCATION, type AnchorSet } from "./anchors";
import { LABEL, type Assignment } from "./assignment";

/** A level's position in PYRAMID_LEVELS, or "all". */
export type LevelView = number | "all";

export interface CellGrid {
  columns: number;
  rows: number;
  /** the side of a cell in image pixels */
  cellSize: number;
  /** the cell of each anchor, −1 for an anchor not on the view's level */
  cellOf: Int32Array;
}

export function cellGrid(anchors: AnchorSet, view: LevelView): CellGrid {
  const cellOf = new Int32Array(anchors.count).fill(-1);
  if (view === "all") {
    const fine = anchors.grids[0]!;
    const b = anchors.boxes;
    for (let i = 0; i < anchors.count; i++) {
      const cx = (b[4 * i]! + b[4 * i + 2]!) / 2;
      const cy = (b[4 * i + 1]! + b[4 * i + 3]!) / 2;
      const col = Math.min(fine.columns - 1, Math.floor(cx / fine.stride));
      const row = Math.min(fine.rows - 1, Math.floor(cy / fine.stride));
      cellOf[i] = row * fine.columns + col;
    }
    return { columns: fine.columns, rows: fine.rows, cellSize: fine.stride, cellOf };
  }
  const g = anchors.grids[view];
  if (!g) throw new RangeError(`no pyramid level at position ${String(view)}`);
  for (let i = 0; i < g.anchors; i++) cellOf[g.offset + i] = Math.floor(i / ANCHORS_PER_LOCATION);
  return { columns: g.columns, rows: g.rows, cellSize: g.stride, cellOf };
}

/** What a cell shows in the labels view: foreground if any of its anchors is, else ignored if any is, else background; empty if none. */
export const CELL_LABEL = { empty: 0, background: 1, ignored: 2, foreground: 3 } as const;

export function cellLabels(grid: CellGrid, assignment: Assignment): Uint8Array {
  const out = new Uint8Array(grid.columns * grid.rows);
  const rank = [CELL_LABEL.background, CELL_LABEL.foreground, CELL_LABEL.ignored] as const;
  for (let i = 0; i < grid.cellOf.length; i++) {
    const c = grid.cellOf[i]!;
    if (c < 0) continue;
    const r = rank[assignment.label[i]! as 0 | 1 | 2];
    if (r > out[c]!) out[c] = r;
  }
  return out;
}

/** Sum of a per-anchor quantity in each cell. */
export function cellSums(grid: CellGrid, perAnchor: Float64Array): Float64Array {
  const out = new Float64Array(grid.columns * grid.rows);
  for (let i = 0; i < grid.cellOf.length; i++) {
    const c = grid.cellOf[i]!;
    if (c >= 0) out[c] = out[c]! + perAnchor[i]!;
  }
  return out;
}

export { LABEL };
