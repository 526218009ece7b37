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

/** A cell's rank of each anchor label, by LABEL value: background, foreground, ignored. */
const CELL_RANK = Uint8Array.of(CELL_LABEL.background, CELL_LABEL.foreground, CELL_LABEL.ignored);

export function cellLabels(grid: CellGrid, assignment: Assignment): Uint8Array {
  const out = new Uint8Array(grid.columns * grid.rows);
  for (let i = 0; i < grid.cellOf.length; i++) {
    const c = grid.cellOf[i]!;
    if (c < 0) continue;
    const r = CELL_RANK[assignment.label[i]!]!;
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

/**
 * cellLabels and cellSums kept up to date for a drag: a cell's label and sum
 * depend only on its own anchors, so after a move only the cells of the
 * changed anchors are worked out again, each from all of its anchors in index
 * order (the order cellSums adds them in, so the sums come out the same).
 * log10 of each sum is kept beside it, for the loss colours' log scale.
 */
export class LiveCells {
  readonly grid: CellGrid;
  readonly labels: Uint8Array;
  readonly sums: Float64Array;
  /** Math.log10 of each cell's sum (−∞ for 0) */
  readonly logSums: Float64Array;
  /** anchors of cell c: members[start[c]] … members[start[c + 1] − 1], ascending */
  private readonly start: Int32Array;
  private readonly members: Int32Array;
  private readonly mark: Uint8Array;
  private readonly dirty: Int32Array;

  constructor(grid: CellGrid) {
    this.grid = grid;
    const cells = grid.columns * grid.rows;
    this.labels = new Uint8Array(cells);
    this.sums = new Float64Array(cells);
    this.logSums = new Float64Array(cells).fill(-Infinity);
    this.mark = new Uint8Array(cells);
    this.dirty = new Int32Array(cells);
    this.start = new Int32Array(cells + 1);
    for (const c of grid.cellOf) if (c >= 0) this.start[c + 1]!++;
    for (let c = 0; c < cells; c++) this.start[c + 1]! += this.start[c]!;
    this.members = new Int32Array(this.start[cells]!);
    const next = this.start.slice(0, cells);
    grid.cellOf.forEach((c, i) => {
      if (c >= 0) this.members[next[c]!++] = i;
    });
  }

  /** The cells holding the listed anchors, each once (a view valid until the next call). */
  cellsOf(anchors: ArrayLike<number>): Int32Array {
    let n = 0;
    for (let j = 0; j < anchors.length; j++) {
      const c = this.grid.cellOf[anchors[j]!]!;
      if (c < 0 || this.mark[c]) continue;
      this.mark[c] = 1;
      this.dirty[n++] = c;
    }
    for (let j = 0; j < n; j++) this.mark[this.dirty[j]!] = 0;
    return this.dirty.subarray(0, n);
  }

  /** The labels view after the listed anchors changed (null: any may have); the same array each time. */
  updateLabels(assignment: Assignment, changed: ArrayLike<number> | null): Uint8Array {
    const cells = changed === null ? null : this.cellsOf(changed);
    const count = cells ? cells.length : this.labels.length;
    for (let j = 0; j < count; j++) this.labelCell(cells ? cells[j]! : j, assignment.label);
    return this.labels;
  }

  /** The cell sums (and their logs) after the listed anchors' values changed (null: any may have); the same array each time. */
  updateSums(perAnchor: Float64Array, changed: ArrayLike<number> | null): Float64Array {
    const cells = changed === null ? null : this.cellsOf(changed);
    const count = cells ? cells.length : this.sums.length;
    for (let j = 0; j < count; j++) this.sumCell(cells ? cells[j]! : j, perAnchor);
    return this.sums;
  }

  private labelCell(c: number, label: Uint8Array): void {
    let best: number = CELL_LABEL.empty;
    for (let m = this.start[c]!; m < this.start[c + 1]!; m++) {
      const r = CELL_RANK[label[this.members[m]!]!]!;
      if (r > best) best = r;
    }
    this.labels[c] = best;
  }

  private sumCell(c: number, perAnchor: Float64Array): void {
    let sum = 0;
    for (let m = this.start[c]!; m < this.start[c + 1]!; m++) sum += perAnchor[this.members[m]!]!;
    this.sums[c] = sum;
    this.logSums[c] = Math.log10(sum);
  }
}
