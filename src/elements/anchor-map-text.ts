/**
 * The anchor map's words: the sentences under the map and the tables (the
 * budget under it, the per-level counts in "Show data"), from the numbers the
 * worker sends when asked. While a box moves they are asked for at most every
 * TEXT_EVERY_MS, and once more when the updates pause for TEXT_AFTER_MS, so
 * they always end on the exact state:
 * a frame that writes them costs, at 4× CPU throttling, ~20 ms more than one
 * that does not (their text layout and paint, which no containment made
 * cheaper; tests/bench/drag-profile.ts), so most drag frames must not. A
 * table is rewritten only when its rows differ, and the per-level one only
 * while its <details> is open.
 */
import type { AnchorSet } from "../lib/detector/anchors";
import { budgetRows, describeAssignment, describeLoss, levelRows } from "../lib/detector/describe";
import type { AnchorMapWords } from "../lib/detector/anchor-map-protocol";
import { LOSS_KINDS } from "../lib/detector/loss-map";
import { budgetTableRows, levelTableRows, type TableRow } from "../lib/detector/anchor-map-tables";
import type { LossKind } from "../lib/detector/loss-map";
import type { GroundTruth } from "../lib/detector/assignment";
import { afterQuiet } from "./frame";
import { writeTableRows } from "./table-rows";

interface WordsOf {
  boxes: readonly GroundTruth[];
  loss: LossKind;
}

export const TEXT_EVERY_MS = 250;
const TEXT_AFTER_MS = 100;

export class AnchorMapText {
  private readonly root: HTMLElement;
  private readonly anchors: AnchorSet;
  private latest: { words: AnchorMapWords; of: WordsOf } | null = null;
  /** when the words were last asked for (performance.now()) */
  private askedAt = -Infinity;
  /** each table's rows as last written */
  private readonly tableText = new Map<string, string>();
  private readonly whenQuiet: () => void;

  /** `ask` asks the worker for the words of the state as it is then. */
  constructor(root: HTMLElement, anchors: AnchorSet, ask: () => void) {
    this.root = root;
    this.anchors = anchors;
    this.whenQuiet = afterQuiet(TEXT_AFTER_MS, () => {
      this.askedAt = performance.now();
      ask();
    });
    root.querySelector("details.figure-data")?.addEventListener("toggle", () => this.write());
  }

  /** Whether this update should ask for the words: true if they were last asked for TEXT_EVERY_MS ago; else they are asked for once the updates pause. */
  due(): boolean {
    if (performance.now() - this.askedAt >= TEXT_EVERY_MS) {
      this.askedAt = performance.now();
      return true;
    }
    this.whenQuiet();
    return false;
  }

  /**
   * A drag may begin: its first moves do not ask for the words. The first frame of a drag is its
   * longest (the move's code runs for the first time), and a frame that writes the words costs
   * ~20 ms more; held back, they come TEXT_EVERY_MS into the drag, or when it pauses.
   */
  holdBack(): void {
    this.askedAt = performance.now();
  }

  /** Writes the words worked out on a state with these boxes and this loss shown. */
  show(words: AnchorMapWords, of: WordsOf): void {
    this.latest = { words, of };
    this.write();
  }

  /** Forgets what the tables show: another view (the trained scene's) has written over them. */
  invalidate(): void {
    this.tableText.clear();
  }

  private write(): void {
    if (!this.latest) return;
    const { words, of } = this.latest;
    const set = (sel: string, text: string) => {
      const el = this.root.querySelector(sel);
      if (el && el.textContent !== text) el.textContent = text;
    };
    set(
      '[data-summary="assignment"]',
      describeAssignment(
        this.anchors.count,
        words.counts,
        words.positivesPerObject,
        of.boxes.map((b) => b.classIndex),
      ),
    );
    set('[data-summary="loss"]', describeLoss(words.maps[of.loss]));
    if (this.root.querySelector<HTMLDetailsElement>("details.figure-data")?.open !== false)
      this.writeTable("levels", levelTableRows(levelRows(this.anchors, words.levelCounts)));
    this.writeTable("budget", budgetTableRows(budgetRows(LOSS_KINDS.map((k) => words.maps[k]))));
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
