/**
 * The anchor map's words: the sentences under the map and the tables (the
 * budget under it, the per-level counts in "Show data"). While a box moves
 * they are rewritten at most every TEXT_EVERY_MS, and once more when the
 * updates pause for TEXT_AFTER_MS, so they always end on the exact state:
 * a frame that writes them costs, at 4× CPU throttling, ~20 ms more than one
 * that does not (their text layout and paint, which no containment made
 * cheaper; tests/bench/drag-profile.ts), so most drag frames must not. A
 * table is rewritten only when its rows differ, and the per-level one only
 * while its <details> is open.
 */
import type { AnchorSet } from "../lib/detector/anchors";
import { budgetRows, describeAssignment, describeLoss, levelRows } from "../lib/detector/describe";
import type { LiveDetectorView } from "../lib/detector/live-detector";
import { LOSS_KINDS } from "../lib/detector/loss-map";
import { budgetTableRows, levelTableRows, type TableRow } from "../lib/detector/anchor-map-tables";
import type { AnchorMapState } from "../lib/state/anchor-map-state";
import { afterQuiet } from "./frame";
import { writeTableRows } from "./table-rows";

export const TEXT_EVERY_MS = 250;
const TEXT_AFTER_MS = 100;

export class AnchorMapText {
  private readonly root: HTMLElement;
  private readonly anchors: AnchorSet;
  private latest: { view: LiveDetectorView; state: AnchorMapState } | null = null;
  /** when the words were last written (performance.now()) */
  private writtenAt = -Infinity;
  /** each table's rows as last written */
  private readonly tableText = new Map<string, string>();
  private readonly whenQuiet = afterQuiet(TEXT_AFTER_MS, () => this.write());

  constructor(root: HTMLElement, anchors: AnchorSet) {
    this.root = root;
    this.anchors = anchors;
    root.querySelector("details.figure-data")?.addEventListener("toggle", () => this.write());
  }

  /** Shows the view's words now, or, if they were written less than TEXT_EVERY_MS ago, once the updates pause. */
  update(view: LiveDetectorView, state: AnchorMapState): void {
    this.latest = { view, state };
    if (performance.now() - this.writtenAt >= TEXT_EVERY_MS) this.write();
    else this.whenQuiet();
  }

  /** Forgets what the tables show: another view (the trained scene's) has written over them. */
  invalidate(): void {
    this.tableText.clear();
  }

  private write(): void {
    if (!this.latest) return;
    const { view, state } = this.latest;
    this.writtenAt = performance.now();
    const set = (sel: string, text: string) => {
      const el = this.root.querySelector(sel);
      if (el && el.textContent !== text) el.textContent = text;
    };
    set(
      '[data-summary="assignment"]',
      describeAssignment(
        this.anchors.count,
        view.assignment.counts,
        view.positivesPerObject,
        state.boxes.map((b) => b.classIndex),
      ),
    );
    set('[data-summary="loss"]', describeLoss(view.maps[state.loss]));
    if (this.root.querySelector<HTMLDetailsElement>("details.figure-data")?.open !== false)
      this.writeTable("levels", levelTableRows(levelRows(this.anchors, view.levelCounts)));
    this.writeTable("budget", budgetTableRows(budgetRows(LOSS_KINDS.map((k) => view.maps[k]))));
  }

  /** Writes a table's rows unless they are the ones it shows (a drag often leaves the rounded numbers as they were). */
  private writeTable(name: string, rows: TableRow[]): void {
    const tbody = this.root.querySelector<HTMLTableSectionElement>(`tbody[data-table="${name}"]`);
    const key = JSON.stringify(rows);
    if (!tbody || this.tableText.get(name) === key) return;
    this.tableText.set(name, key);
    writeTableRows(tbody, rows);
  }
}
