/**
 * <anchor-map>: the live anchor map. It reads its state from the URL (the
 * page's anchors store) and sends each new state to its worker
 * (anchor-map-worker.ts), which recomputes the assignment and the loss maps
 * for the anchors near a moved box and sends back the changed cells; the frame
 * after the answer puts them on the canvases and moves the boxes with them. The
 * words follow at most every 250 ms during a drag and exactly when it stops.
 * OHEM's selection (a sort and an NMS over ~100k anchors) waits until the
 * reader pauses. Its parts: anchor-map-controls.ts (the form),
 * anchor-map-boxes.ts (gestures), anchor-map-canvas.ts, anchor-map-overlay.ts,
 * anchor-map-text.ts (the sentences and tables), anchor-map-worker.ts.
 */
import type { AnchorMapFrame, OhemBatch } from "../lib/detector/anchor-map-protocol";
import type { AnchorSet } from "../lib/detector/anchors";
import { sharedAnchors } from "../lib/detector/detector-view";
import { MAX_OBJECTS, SCENE_SIZE } from "../lib/detector/scene";
import { ANCHOR_MAP_STATE, levelPosition, type AnchorMapState } from "../lib/state/anchor-map-state";
import { AnchorMapCanvas } from "./anchor-map-canvas";
import { AnchorMapControls } from "./anchor-map-controls";
import { AnchorMapSource } from "./anchor-map-source";
import { AnchorMapText } from "./anchor-map-text";
import { bindBoxGestures } from "./anchor-map-boxes";
import { drawOverlays, ohemSentence } from "./anchor-map-overlay";
import { AnchorMapWorker, type UpdateRequest } from "./anchor-map-worker";
import { defineElement } from "./define-element";
import { afterQuiet, frameCoalescer, whenNearViewport } from "./frame";
import { pageStore, type Store } from "./page-store";

type Patch = Partial<Record<keyof AnchorMapState, unknown>>;
type OhemBatchVariant = NonNullable<UpdateRequest["ohem"]>;

/** What OHEM's minibatch depends on: the boxes and the variant (it is always scored by cross-entropy). */
const keyOf = (s: { boxes: unknown; ohem: unknown }) => JSON.stringify([s.boxes, s.ohem]);

class AnchorMapElement extends HTMLElement {
  private store!: Store<AnchorMapState>;
  private anchors!: AnchorSet;
  private worker!: AnchorMapWorker;
  private canvas!: AnchorMapCanvas;
  private text!: AnchorMapText;
  private controls!: AnchorMapControls;
  /** where the scores come from; it draws the map itself when they are the trained detector's */
  private source!: AnchorMapSource;
  /** the selected box: highlighted, its anchors drawn, the one "Remove" removes */
  private selected = 0;
  private ohem: OhemBatch | null = null;
  private ohemKey = "";
  private readonly redraw = frameCoalescer(() => this.draw());
  /** the worker's answers not yet shown, oldest first: put on screen in the next frame, with the boxes' move */
  private received: [AnchorMapFrame, UpdateRequest][] = [];
  private readonly showReceived = frameCoalescer(() => {
    for (const [frame, request] of this.received.splice(0)) this.show(frame, request);
    // The boxes move in the frame that paints their cells: one rendering of the page per step of a drag, not two.
    this.drawOverlay();
  });
  private readonly refreshOhem = afterQuiet(150, () => {
    if (this.state.ohem !== "off") this.ask({ ohem: this.state.ohem });
  });

  private get state(): AnchorMapState {
    return this.store.state;
  }

  connectedCallback(): void {
    if (this.anchors) return;
    whenNearViewport(this, () => this.init());
  }

  private init(): void {
    this.store = pageStore(ANCHOR_MAP_STATE);
    // The anchors (not their scores) place the nine anchors of a location on the overlay; Figure 4 shares them.
    this.anchors = sharedAnchors();
    this.worker = new AnchorMapWorker((frame, request) => {
      // Painted at once, a patch would cost a second rendering of the page between two frames of the drag.
      this.received.push([frame, request]);
      this.showReceived();
    });
    this.canvas = new AnchorMapCanvas(this);
    this.text = new AnchorMapText(this, this.anchors, () => this.ask({ words: true }));
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
          // Which box is selected changes only the overlay (its highlight and anchors), not a cell or a word.
          if (this.dataset.scores === "trained") this.redraw();
          else this.showReceived();
        },
        pressed: () => this.text.holdBack(),
        move: (i, box) => this.update({ boxes: this.state.boxes.map((o, k) => (k === i ? { ...o, box } : o)) }),
        remove: (i) => this.removeBox(i),
      });
    // Another island of the family (a link's state restored, the share panel) may change the state too.
    this.store.subscribe((_, source) => {
      if (source !== this) this.redraw();
    });
    this.draw();
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
      // The trained detector's view is drawn here, not by the worker: the figure is ready now.
      this.dataset.ready = "";
      return this.controls.sync(this.state);
    }
    if (this.state.ohem === "off") {
      this.ohem = null;
      this.ohemKey = "";
      const text = this.querySelector<HTMLElement>('[data-summary="ohem"]');
      if (text && !text.hidden) text.hidden = true;
    } else if (this.ohemKey !== keyOf(this.state)) {
      this.ohem = null;
      this.refreshOhem();
    }
    this.controls.sync(this.state);
    this.ask({ words: this.text.due() });
  }

  /** Sends the state as it is now to the worker, asking for the words or OHEM's minibatch too if given. */
  private ask(extra: { words?: boolean; ohem?: OhemBatchVariant }): void {
    const { boxes, alpha, gamma, level, loss } = this.state;
    this.worker.request({
      boxes,
      alpha,
      gamma,
      level: levelPosition(level),
      loss,
      words: extra.words ?? false,
      ohem: extra.ohem ?? null,
    });
  }

  private show(frame: AnchorMapFrame, request: UpdateRequest): void {
    // With the trained detector's scores shown, the park's cells and words wait for the next draw of their own.
    if (this.dataset.scores === "trained") return;
    this.canvas.paint("labels", frame.labels);
    this.canvas.paint("loss", frame.loss);
    if (frame.words) {
      this.text.show(frame.words, request);
      this.dataset.ready = "";
    }
    if (frame.ohem && keyOf(request) === keyOf(this.state)) {
      this.ohem = frame.ohem;
      this.ohemKey = keyOf(this.state);
      const text = this.querySelector<HTMLElement>('[data-summary="ohem"]');
      if (text) {
        text.hidden = false;
        text.textContent = ohemSentence(frame.ohem, this.state, this.anchors.count);
      }
    }
  }

  private drawOverlay(): void {
    drawOverlays({ root: this, anchors: this.anchors, state: this.state, selected: this.selected, ohem: this.ohem });
  }
}

defineElement("anchor-map", AnchorMapElement);
