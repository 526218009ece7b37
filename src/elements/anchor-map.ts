/**
 * <anchor-map>: the live anchor map. It reads its state from the URL (the
 * page's anchors store), recomputes the assignment and the loss maps for the
 * anchors near a moved box (LiveDetector), repaints the cells on canvases
 * and redraws the overlay within the frame a drag or a key press asks for;
 * the words follow at most every 100 ms during a drag and exactly when it
 * stops. OHEM's selection (a sort and an NMS over ~100k anchors) waits until
 * the reader pauses. Its parts: anchor-map-controls.ts (the form),
 * anchor-map-boxes.ts (gestures), anchor-map-canvas.ts, anchor-map-overlay.ts,
 * anchor-map-text.ts (the sentences and tables).
 */
import { sharedDetectorSetup, type DetectorSetup } from "../lib/detector/detector-view";
import { LiveDetector, type LiveDetectorView } from "../lib/detector/live-detector";
import type { OhemSelection } from "../lib/detector/ohem";
import { MAX_OBJECTS, SCENE_SIZE } from "../lib/detector/scene";
import { ANCHOR_MAP_STATE, levelPosition, type AnchorMapState } from "../lib/state/anchor-map-state";
import { AnchorMapCanvas } from "./anchor-map-canvas";
import { AnchorMapControls } from "./anchor-map-controls";
import { AnchorMapSource } from "./anchor-map-source";
import { AnchorMapText } from "./anchor-map-text";
import { bindBoxGestures } from "./anchor-map-boxes";
import { drawOverlays, ohemFor, ohemSentence } from "./anchor-map-overlay";
import { defineElement } from "./define-element";
import { afterQuiet, frameCoalescer, whenNearViewport } from "./frame";
import { pageStore, type Store } from "./page-store";

type Patch = Partial<Record<keyof AnchorMapState, unknown>>;

class AnchorMapElement extends HTMLElement {
  private store!: Store<AnchorMapState>;
  private setup!: DetectorSetup;
  private detector!: LiveDetector;
  private canvas!: AnchorMapCanvas;
  private text!: AnchorMapText;
  private controls!: AnchorMapControls;
  /** where the scores come from; it draws the map itself when they are the trained detector's */
  private source!: AnchorMapSource;
  private view: LiveDetectorView | null = null;
  private revision = 0;
  /** the selected box: highlighted, its anchors drawn, the one "Remove" removes */
  private selected = 0;
  private ohem: OhemSelection | null = null;
  private ohemKey = "";
  private readonly redraw = frameCoalescer(() => this.draw());
  private readonly refreshOhem = afterQuiet(150, () => {
    this.computeOhem();
    this.drawOverlay();
  });

  private get state(): AnchorMapState {
    return this.store.state;
  }

  connectedCallback(): void {
    if (this.setup) return;
    whenNearViewport(this, () => this.init());
  }

  private init(): void {
    this.store = pageStore(ANCHOR_MAP_STATE);
    this.setup = sharedDetectorSetup();
    this.detector = new LiveDetector(this.setup);
    this.canvas = new AnchorMapCanvas(this, this.setup);
    this.text = new AnchorMapText(this, this.setup.anchors);
    this.controls = new AnchorMapControls(this, {
      patch: (p) => this.update(p),
      add: () => this.addBox(),
      remove: () => this.removeBox(this.selected),
    });
    this.source = new AnchorMapSource(this, { patch: (p) => this.update(p), redraw: () => this.redraw() });
    for (const overlay of this.querySelectorAll<SVGSVGElement>("[data-overlay]"))
      bindBoxGestures(overlay, {
        boxes: () => this.state.boxes,
        select: (i) => {
          if (i === this.selected) return;
          this.selected = i;
          this.redraw();
        },
        move: (i, box) => this.update({ boxes: this.state.boxes.map((o, k) => (k === i ? { ...o, box } : o)) }),
        remove: (i) => this.removeBox(i),
      });
    // Another island of the family (a link's state restored, the share panel) may change the state too.
    this.store.subscribe((_, source) => {
      if (source !== this) this.redraw();
    });
    this.draw();
    this.dataset.ready = "";
  }

  private addBox(): void {
    if (this.state.boxes.length >= MAX_OBJECTS) {
      this.controls.showError(`At most ${MAX_OBJECTS} boxes; remove one first.`);
      return;
    }
    const { width, height } = SCENE_SIZE;
    const box = { x0: width / 2 - 48, y0: height / 2 - 48, x1: width / 2 + 48, y1: height / 2 + 48 };
    this.selected = this.state.boxes.length;
    this.update({ boxes: [...this.state.boxes, { box, classIndex: this.controls.newClass() }] });
  }

  private removeBox(index: number): void {
    if (index < 0 || index >= this.state.boxes.length) {
      this.controls.showError("Select a box first (click it, or focus it with Tab).");
      return;
    }
    const boxes = this.state.boxes.filter((_, i) => i !== index);
    this.selected = Math.min(index, boxes.length - 1);
    this.update({ boxes });
  }

  private update(patch: Patch): void {
    this.controls.showError("");
    this.store.update(patch, this);
    this.redraw();
  }

  private draw(): void {
    if (this.source.draw(this.state)) {
      this.text.invalidate();
      return this.controls.sync(this.state);
    }
    const { boxes, alpha, gamma, level, loss } = this.state;
    const view = this.detector.update(boxes, alpha, gamma);
    this.view = view;
    this.canvas.draw(levelPosition(level), loss, view, ++this.revision);
    if (this.state.ohem === "off") {
      this.ohem = null;
      this.ohemKey = "";
      const text = this.querySelector<HTMLElement>('[data-summary="ohem"]');
      if (text && !text.hidden) text.hidden = true;
    } else if (this.ohemKey !== this.stateKey()) {
      this.ohem = null;
      this.refreshOhem();
    }
    this.drawOverlay();
    this.text.update(view, this.state);
    this.controls.sync(this.state);
  }

  private stateKey(): string {
    return JSON.stringify([this.state.boxes, this.state.ohem]);
  }

  private computeOhem(): void {
    if (!this.view) return;
    this.ohem = ohemFor(this.setup.anchors, this.view.assignment, this.view.maps.ce.perAnchor, this.state);
    this.ohemKey = this.stateKey();
    const text = this.querySelector<HTMLElement>('[data-summary="ohem"]');
    if (text && this.ohem) {
      text.hidden = false;
      text.textContent = ohemSentence(this.ohem, this.state, this.setup.anchors.count);
    }
  }

  private drawOverlay(): void {
    if (!this.view) return;
    drawOverlays({
      root: this,
      anchors: this.setup.anchors,
      assignment: this.view.assignment,
      state: this.state,
      selected: this.selected,
      cellSize: this.canvas.cellSize(levelPosition(this.state.level)),
      ohem: this.ohem,
    });
  }
}

defineElement("anchor-map", AnchorMapElement);
