/**
 * One element class per figure tag, used by the chapters, the embed routes
 * and the standalone module alike. Where the server rendered the figure
 * (controls, the chart's <svg> in [data-chart-frame], the "show data" table),
 * the element upgrades that markup and shares the page's figure store (and
 * so its URL); where it rendered none (the standalone module on any page), it
 * builds the same controls and <svg> in a shadow root and keeps its state in
 * its attributes. Either way it is made of the same controllers: redraw,
 * controls, crosshair and data table, each in src/elements/figure/.
 * Subclasses only say how to draw a state and how a pixel maps to the chart's x.
 */
import type { FigureState } from "../lib/state/state";
import { figureStore, type FigureStore } from "./figure-store";
import { prefersReducedMotion, whenNearViewport } from "./frame";
import type { AttributeStore } from "./figure/attribute-store";
import { listen, type ChartSize, type Controller } from "./figure/controller";
import { ControlsController, enableControls } from "./figure/controls";
import { CrosshairController, type CrosshairAxis } from "./figure/crosshair";
import { DataTableController } from "./figure/data-table";
import { RedrawController } from "./figure/redraw";
import { CanvasLayer } from "./figure/canvas-layer";
import type { LiveMarks } from "../charts/line-marks";
import type { ChartIdentity } from "./figure/standalone-markup";

export type { ChartSize } from "./figure/controller";
export type { CrosshairAxis } from "./figure/crosshair";

/** What an element needs where the server rendered nothing; registered by the standalone module only. */
export interface StandaloneMarkup {
  /** builds the controls and the <svg> in a shadow root */
  build(host: HTMLElement, chart: ChartIdentity): ShadowRoot;
  /** applies the presentation attributes (controls, font-scale) */
  present(host: HTMLElement, root: ShadowRoot): void;
  /** the state, kept in the element's attributes */
  store(host: HTMLElement): AttributeStore;
  /** every attribute the element reacts to */
  readonly attributes: readonly string[];
}

let standalone: StandaloneMarkup | null = null;

/**
 * Lets figure elements with no server markup build their own. Only the
 * standalone module calls this, so the site's pages never ship the shadow
 * root's CSS, palettes and attribute parsing.
 */
export function useStandaloneMarkup(markup: StandaloneMarkup): void {
  standalone = markup;
}

export abstract class LiveFigure extends HTMLElement {
  static get observedAttributes(): string[] {
    return standalone ? [...standalone.attributes] : [];
  }

  /** What the chart is, for the <svg> the element builds itself. */
  protected abstract readonly chart: ChartIdentity;
  protected abstract readonly crosshairAxis: CrosshairAxis;
  /** Draws the chart for a state, at a measured size, with the crosshair (or null). */
  protected abstract draw(svg: SVGSVGElement, state: FigureState, size: ChartSize, crosshair: number | null): void;
  /** The crosshair's data x for a pixel x in the chart (null outside the plot). */
  protected abstract invertX(px: number, size: ChartSize, state: FigureState): number | null;
  /** A sentence for screen readers about the values at the crosshair. */
  protected abstract describeCrosshair(state: FigureState, x: number): string;
  /** What a drag moves, drawn on a canvas until the hand settles (null: the SVG is drawn every frame). */
  protected abstract liveMarks(state: FigureState, size: ChartSize, crosshair: number | null): LiveMarks | null;

  private store!: FigureStore;
  /** where the figure's markup is: the element itself, or its shadow root */
  private root: HTMLElement | ShadowRoot | null = null;
  private attributeState: AttributeStore | null = null;
  private controllers: Controller[] = [];
  private redrawer: RedrawController | null = null;
  private table: DataTableController | null = null;
  private waking: Array<() => void> = [];

  connectedCallback(): void {
    if (this.controllers.length || this.waking.length) return;
    if (!this.root) {
      if (this.querySelector("[data-chart-frame]")) this.root = this;
      else if (standalone) this.root = this.shadowRoot ?? standalone.build(this, this.chart);
      else return;
    }
    enableControls(this.root);
    // Near the viewport, or as soon as the reader tabs into one of its controls: no control is ever skipped.
    const wake = () => this.upgrade();
    this.waking.push(whenNearViewport(this, wake), listen(this, "focusin", wake));
  }

  disconnectedCallback(): void {
    for (const stop of this.waking.splice(0)) stop();
    for (const controller of this.controllers.splice(0)) controller.disconnect();
    this.redrawer = this.table = null;
  }

  attributeChangedCallback(): void {
    if (!(this.root instanceof ShadowRoot) || !standalone) return;
    standalone.present(this, this.root);
    this.redrawer?.rescale();
    this.attributeState?.attributesChanged();
  }

  private upgrade(): void {
    if (this.controllers.length || !this.root) return;
    for (const stop of this.waking.splice(0)) stop();
    const root = this.root;
    const own = root instanceof ShadowRoot;
    this.store = own && standalone ? (this.attributeState ??= standalone.store(this)) : figureStore();
    const frame = root.querySelector<HTMLElement>("[data-chart-frame]");
    const svg = frame?.querySelector("svg");
    this.controllers.push(new ControlsController(root, this.store, this));
    if (frame && svg) {
      const crosshair = new CrosshairController(frame, root.querySelector<HTMLElement>("[data-crosshair-live]"), {
        axis: this.crosshairAxis,
        xAtClient: (clientX) => {
          const size = redraw.size();
          return (
            size && this.invertX((clientX - svg.getBoundingClientRect().left) / redraw.scale, size, this.store.state)
          );
        },
        describe: (x) => this.describeCrosshair(this.store.state, x),
        moved: () => redraw.request(),
      });
      // The standalone element keeps drawing its SVG: a slide tool may read it while its attributes change.
      const layer = own ? null : new CanvasLayer(svg);
      const redraw = new RedrawController(this, svg, this.store, {
        draw: (state, size) => this.draw(svg, state, size, crosshair.x),
        live: layer && {
          draw: (state, size, box) => {
            const marks = this.liveMarks(state, size, crosshair.x);
            if (marks) layer.draw(marks, size, box);
            return marks !== null;
          },
          clear: () => layer.clear(),
        },
        // A standalone element draws its attributes at once, as a slide that sets them expects.
        motionAllowed: () => !own && !prefersReducedMotion() && document.documentElement.dataset.animate !== "0",
        drawn: own ? (state) => this.announceDrawn(state) : undefined,
      });
      this.table = new DataTableController(root, () => redraw.request());
      this.redrawer = redraw;
      this.controllers.push(crosshair, this.table, redraw);
    }
    for (const controller of this.controllers) controller.connect();
    // Upgraded server markup is ready at once (its chart was drawn at build time); an element's own, once drawn.
    if (!own) this.toggleAttribute("data-ready", true);
  }

  private announceDrawn(state: FigureState): void {
    this.toggleAttribute("data-ready", true);
    this.dispatchEvent(new CustomEvent("focal-loss:drawn", { detail: { state } }));
  }

  /** Rewrites one column of the "show data" table from a function of x (nothing while the table is closed). */
  protected updateColumn(
    col: string,
    valueAt: (x: number) => number,
    format: (v: number) => string,
    header?: string,
  ): void {
    this.table?.column(col, valueAt, format, header);
  }
}
