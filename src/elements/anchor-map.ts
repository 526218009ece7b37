/**
 * <anchor-map>: the live anchor map. It reads its state from the URL, repaints
 * the build-time cells on canvases (one pixel per cell), redraws the overlay
 * of boxes, and recomputes the assignment and the loss maps within the frame a
 * drag or a key press asks for. OHEM's selection (a sort and an NMS over ~100k
 * anchors) waits until the reader pauses.
 */
import { anchorsAtPoint } from "../lib/detector/anchors";
import {
  assignAnchors,
  countsByLevel,
  positivesPerObject,
  type Assignment,
  type GroundTruth,
} from "../lib/detector/assignment";
import { cellGrid, cellLabels, cellSums, type CellGrid } from "../lib/detector/cells";
import { detectorSetup, type DetectorSetup } from "../lib/detector/detector-view";
import { budgetRows, describeAssignment, describeLoss, levelRows } from "../lib/detector/describe";
import { LiveLossMap } from "../lib/detector/live-loss-map";
import { LOSS_KINDS, type LossKind, type LossMap } from "../lib/detector/loss-map";
import { ohemSelect, type OhemSelection } from "../lib/detector/ohem";
import { MAX_OBJECTS, SCENE_CLASSES, SCENE_SIZE } from "../lib/detector/scene";
import { modelLogits, scoredAnchors } from "../lib/detector/score-model";
import { formatNumber } from "../lib/text/format";
import { ANCHOR_MAP_STATE, levelPosition, type AnchorMapState } from "../lib/state/anchor-map-state";
import { budgetTableRows, levelTableRows } from "../lib/detector/anchor-map-tables";
import { labelPixels, lossPixels, overlayScene } from "../charts/anchor-map";
import { applyScene } from "../charts/scene";
import { afterQuiet, frameCoalescer, whenNearViewport } from "./frame";
import { pageStore, type Store } from "./page-store";
import { writeTableRows } from "./table-rows";

/** Arrow keys move a box by this many image pixels (one P3 stride); Shift + arrows resize it. */
const KEY_STEP = 8;
/** The level whose anchors are drawn at one location when "all" levels are shown (P5: 128² anchors, visible at any size). */
const LOCATION_LEVEL_FOR_ALL = 2;

interface Drag {
  index: number;
  mode: "move" | "resize";
  start: { x: number; y: number };
  box: GroundTruth["box"];
}

class AnchorMapElement extends HTMLElement {
  private store!: Store<AnchorMapState>;

  /** The page's anchors. store: every change goes through it, and url-sync mirrors it into the URL. */
  private get state(): AnchorMapState {
    return this.store.state;
  }
  private setup!: DetectorSetup;
  private lives!: Record<LossKind, LiveLossMap>;
  private logits: Float64Array | undefined;
  private grids = new Map<string, CellGrid>();
  private selected = 0;
  private drag: Drag | null = null;
  private assignment: Assignment | null = null;
  private maps: Partial<Record<LossKind, LossMap>> = {};
  private ohem: OhemSelection | null = null;
  private ohemKey = "";
  private readonly redraw = frameCoalescer(() => this.draw());
  private readonly refreshOhem = afterQuiet(150, () => {
    this.computeOhem();
    this.drawOverlays();
  });
  /** how long the last recompute and repaint took, for the benchmark */
  lastFrameMs = 0;

  connectedCallback(): void {
    if (this.setup) return;
    whenNearViewport(this, () => this.init());
  }

  private init(): void {
    this.store = pageStore(ANCHOR_MAP_STATE);
    this.setup = detectorSetup();
    const { count } = this.setup.anchors;
    this.lives = {
      ce: new LiveLossMap("ce", count, this.setup.classes),
      balanced: new LiveLossMap("balanced", count, this.setup.classes),
      focal: new LiveLossMap("focal", count, this.setup.classes),
    };
    for (const img of this.querySelectorAll<HTMLImageElement>("img[data-cells]")) {
      const canvas = document.createElement("canvas");
      canvas.className = img.className;
      canvas.setAttribute("aria-hidden", "true");
      img.replaceWith(canvas);
    }
    this.initControls();
    for (const overlay of this.querySelectorAll<SVGSVGElement>("[data-overlay]")) this.initOverlay(overlay);
    this.draw();
    this.dataset.ready = "";
  }

  private controls<T extends HTMLElement>(name: string): T | null {
    return this.querySelector<T>(`[data-control="${name}"]`);
  }

  private initControls(): void {
    const box = this.querySelector<HTMLElement>("[data-controls]");
    if (box) box.hidden = false;
    for (const name of ["level", "loss", "ohem"] as const) {
      this.controls<HTMLSelectElement>(name)?.addEventListener("change", (e) =>
        this.update({ [name]: (e.target as HTMLSelectElement).value }),
      );
    }
    for (const name of ["gamma", "alpha"] as const) {
      this.controls<HTMLInputElement>(name)?.addEventListener("input", (e) =>
        this.update({ [name]: Number((e.target as HTMLInputElement).value) }),
      );
    }
    this.querySelector('[data-action="add"]')?.addEventListener("click", () => this.addBox());
    this.querySelector('[data-action="remove"]')?.addEventListener("click", () => this.removeBox());
  }

  private showError(message: string): void {
    const el = this.querySelector<HTMLElement>("[data-error]");
    if (!el) return;
    el.textContent = message;
    el.hidden = message === "";
  }

  private addBox(): void {
    if (this.state.boxes.length >= MAX_OBJECTS) {
      this.showError(`At most ${MAX_OBJECTS} boxes; remove one first.`);
      return;
    }
    const classIndex = Number(this.controls<HTMLSelectElement>("new-class")?.value ?? 0);
    const { width, height } = SCENE_SIZE;
    const box = { x0: width / 2 - 48, y0: height / 2 - 48, x1: width / 2 + 48, y1: height / 2 + 48 };
    this.selected = this.state.boxes.length;
    this.update({ boxes: [...this.state.boxes, { box, classIndex }] });
  }

  private removeBox(): void {
    if (this.selected < 0 || this.selected >= this.state.boxes.length) {
      this.showError("Select a box first (click it, or focus it with Tab).");
      return;
    }
    const boxes = this.state.boxes.filter((_, i) => i !== this.selected);
    this.selected = Math.min(this.selected, boxes.length - 1);
    this.update({ boxes });
  }

  private update(patch: Partial<Record<keyof AnchorMapState, unknown>>): void {
    this.showError("");
    this.store.update(patch, this);
    this.redraw();
  }

  /** Image pixels under a pointer, from the overlay's box on screen. */
  private imagePoint(svg: SVGSVGElement, e: PointerEvent): { x: number; y: number } {
    const r = svg.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) / r.width) * SCENE_SIZE.width,
      y: ((e.clientY - r.top) / r.height) * SCENE_SIZE.height,
    };
  }

  private initOverlay(svg: SVGSVGElement): void {
    svg.addEventListener("pointerdown", (e) => {
      const target = e.target as Element;
      const g = target.closest<SVGGElement>("[data-box]");
      if (!g) return;
      const index = Number(g.dataset.box);
      this.selected = index;
      this.drag = {
        index,
        mode: target.hasAttribute("data-handle") ? "resize" : "move",
        start: this.imagePoint(svg, e),
        box: { ...this.state.boxes[index]!.box },
      };
      svg.setPointerCapture(e.pointerId);
      e.preventDefault();
      this.redraw();
    });
    svg.addEventListener("pointermove", (e) => {
      if (!this.drag) return;
      const p = this.imagePoint(svg, e);
      const dx = p.x - this.drag.start.x;
      const dy = p.y - this.drag.start.y;
      const b = this.drag.box;
      const box =
        this.drag.mode === "move"
          ? { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy }
          : { x0: b.x0, y0: b.y0, x1: b.x1 + dx, y1: b.y1 + dy };
      this.moveBox(this.drag.index, box);
    });
    const end = () => {
      this.drag = null;
    };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("focusin", (e) => {
      const g = (e.target as Element).closest<SVGGElement>("[data-box]");
      if (g && Number(g.dataset.box) !== this.selected) {
        this.selected = Number(g.dataset.box);
        this.redraw();
      }
    });
    svg.addEventListener("keydown", (e) => {
      const g = (e.target as Element).closest<SVGGElement>("[data-box]");
      if (!g) return;
      const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
      if (e.key === "Delete" || e.key === "Backspace") {
        this.selected = Number(g.dataset.box);
        this.removeBox();
        e.preventDefault();
        return;
      }
      if (!step) return;
      e.preventDefault();
      const index = Number(g.dataset.box);
      const b = this.state.boxes[index]!.box;
      const [dx, dy] = [step[0]! * KEY_STEP, step[1]! * KEY_STEP];
      this.selected = index;
      this.moveBox(
        index,
        e.shiftKey
          ? { x0: b.x0, y0: b.y0, x1: b.x1 + dx, y1: b.y1 + dy }
          : { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy },
      );
    });
  }

  private moveBox(index: number, box: GroundTruth["box"]): void {
    const boxes = this.state.boxes.map((o, i) => (i === index ? { ...o, box } : o));
    this.update({ boxes });
  }

  private grid(): CellGrid {
    const key = this.state.level;
    let g = this.grids.get(key);
    if (!g) {
      g = cellGrid(this.setup.anchors, levelPosition(this.state.level));
      this.grids.set(key, g);
    }
    return g;
  }

  private compute(): void {
    const { anchors, base, model } = this.setup;
    const { boxes, alpha, gamma } = this.state;
    this.assignment = assignAnchors(anchors, boxes, this.setup.classes, this.assignment ?? undefined);
    this.logits = modelLogits(this.assignment, base, model, this.logits);
    const changed = scoredAnchors(this.assignment, model);
    for (const kind of LOSS_KINDS)
      this.maps[kind] = this.lives[kind].update(this.assignment, boxes, this.logits, alpha, gamma, changed);
  }

  private computeOhem(): void {
    if (this.state.ohem === "off" || !this.assignment || !this.maps.ce) {
      this.ohem = null;
      return;
    }
    // OHEM scores examples by the loss it trains with; in the paper's comparison that is cross-entropy.
    this.ohem = ohemSelect(this.setup.anchors, this.assignment, this.maps.ce.perAnchor, {
      batchSize: 128,
      nmsThreshold: 0.5,
      variant: this.state.ohem,
    });
    this.ohemKey = this.stateKey();
    const text = this.querySelector<HTMLElement>('[data-summary="ohem"]');
    if (text) {
      text.hidden = false;
      text.textContent = `OHEM${this.state.ohem === "ratio" ? " 1:3" : ""} keeps ${this.ohem.kept.length} anchors (${this.ohem.positives} positive, ${this.ohem.negatives} negative) of ${this.setup.anchors.count.toLocaleString("en-US")}; every other anchor gets no gradient at all.`;
    }
  }

  private stateKey(): string {
    return JSON.stringify([this.state.boxes, this.state.ohem]);
  }

  private paint(canvas: HTMLCanvasElement | null, grid: CellGrid, pixels: Uint8ClampedArray): void {
    if (!canvas) return;
    if (canvas.width !== grid.columns || canvas.height !== grid.rows) {
      canvas.width = grid.columns;
      canvas.height = grid.rows;
    }
    canvas
      .getContext("2d")
      ?.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, grid.columns, grid.rows), 0, 0);
  }

  private draw(): void {
    const t0 = performance.now();
    this.compute();
    const grid = this.grid();
    const map = this.maps[this.state.loss]!;
    this.paint(
      this.querySelector('[data-stage="labels"] canvas'),
      grid,
      labelPixels(grid, cellLabels(grid, this.assignment!)),
    );
    this.paint(this.querySelector('[data-stage="loss"] canvas'), grid, lossPixels(grid, cellSums(grid, map.perAnchor)));
    if (this.state.ohem === "off") {
      this.ohem = null;
      const text = this.querySelector<HTMLElement>('[data-summary="ohem"]');
      if (text) text.hidden = true;
    } else if (this.ohemKey !== this.stateKey()) {
      this.ohem = null;
      this.refreshOhem();
    }
    this.drawOverlays();
    this.drawText(map);
    this.syncControls();
    this.lastFrameMs = performance.now() - t0;
  }

  private drawOverlays(): void {
    const grid = this.grid();
    const { boxes } = this.state;
    const sel = boxes[this.selected];
    const position = levelPosition(this.state.level);
    const location = sel
      ? anchorsAtPoint(
          this.setup.anchors,
          position === "all" ? LOCATION_LEVEL_FOR_ALL : position,
          (sel.box.x0 + sel.box.x1) / 2,
          (sel.box.y0 + sel.box.y1) / 2,
        )
      : [];
    const overlayBoxes = boxes.map((o) => ({ box: o.box, name: SCENE_CLASSES[o.classIndex]! }));
    const ohem = this.ohem?.kept.map((i) => {
      const b = this.setup.anchors.boxes;
      return {
        box: { x0: b[4 * i]!, y0: b[4 * i + 1]!, x1: b[4 * i + 2]!, y1: b[4 * i + 3]! },
        positive: this.assignment!.label[i] === 1,
      };
    });
    // A keyed join updates each box's element in place, so a focused box keeps its focus and arrow keys keep working.
    for (const svg of this.querySelectorAll<SVGSVGElement>("[data-overlay]")) {
      const stage = svg.closest("[data-stage]")?.getAttribute("data-stage") ?? "";
      applyScene(
        svg,
        overlayScene({
          idPrefix: `${this.dataset.figureId ?? "anchor-map"}-${stage}`,
          ...SCENE_SIZE,
          cellSize: grid.cellSize,
          anchors: stage === "labels" ? location : [],
          boxes: overlayBoxes,
          selected: this.selected,
          interactive: true,
          ...(stage === "loss" && ohem ? { ohem } : {}),
        }),
      );
    }
  }

  private drawText(map: LossMap): void {
    const a = this.assignment!;
    const set = (sel: string, text: string) => {
      const el = this.querySelector(sel);
      if (el && el.textContent !== text) el.textContent = text;
    };
    set(
      '[data-summary="assignment"]',
      describeAssignment(
        this.setup.anchors.count,
        a.counts,
        positivesPerObject(a, this.state.boxes.length),
        this.state.boxes.map((b) => b.classIndex),
      ),
    );
    set('[data-summary="loss"]', describeLoss(map));
    const levels = this.querySelector<HTMLTableSectionElement>('tbody[data-table="levels"]');
    if (levels)
      writeTableRows(levels, levelTableRows(levelRows(this.setup.anchors, countsByLevel(this.setup.anchors, a))));
    const budget = this.querySelector<HTMLTableSectionElement>('tbody[data-table="budget"]');
    if (budget) writeTableRows(budget, budgetTableRows(budgetRows(LOSS_KINDS.map((k) => this.maps[k]!))));
  }

  private syncControls(): void {
    for (const name of ["level", "loss", "ohem"] as const) {
      const el = this.controls<HTMLSelectElement>(name);
      if (el && el.value !== this.state[name]) el.value = this.state[name];
    }
    for (const name of ["gamma", "alpha"] as const) {
      const el = this.controls<HTMLInputElement>(name);
      const value = String(this.state[name]);
      if (el && el.value !== value && document.activeElement !== el) el.value = value;
      const out = this.querySelector(`[data-output="${name}"]`);
      const text = formatNumber(this.state[name], { notation: "fixed", digits: name === "gamma" ? 1 : 2 });
      if (out && out.textContent !== text) out.textContent = text;
    }
    const remove = this.querySelector<HTMLButtonElement>('[data-action="remove"]');
    if (remove) remove.disabled = this.state.boxes.length === 0;
  }
}

if (!customElements.get("anchor-map")) customElements.define("anchor-map", AnchorMapElement);
