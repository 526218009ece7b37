/**
 * Draws a figure's chart from its store: at most once per animation frame,
 * not at all while it is scrolled out of sight (it catches up when it comes
 * back), at the size its <svg> is laid out at, and through a short tween when
 * the state jumps (d3fc-element's pattern: coalesce, measure, then draw).
 * While the reader drags, only what moves is drawn, on a canvas (options.live);
 * the SVG is written once the hand settles: 150 ms after the last change, or
 * at once when the pointer or key is released (or the input's change event).
 */
import type { FigureState } from "../../lib/state/state";
import { CONTINUOUS_INPUT_MS, isJump, stateAt, tweenProgress } from "../../lib/state/state-tween";
import type { FigureStore } from "../figure-store";
import { afterQuiet, frameCoalescer } from "../frame";
import { listen, type ChartSize, type Controller } from "./controller";

export interface RedrawOptions {
  draw(state: FigureState, size: ChartSize): void;
  /** whether a jump may animate now (reduced motion, an embed with animate=0) */
  motionAllowed(): boolean;
  /** after each draw */
  drawn?(state: FigureState): void;
  /** draws what a drag moves on the canvas over the chart (false when it cannot), and clears it once the SVG is drawn */
  live?: { draw(state: FigureState, size: ChartSize, box: ChartSize): boolean; clear(): void } | null;
}

/** How long after the last change of a drag the SVG is written (if no release came first). */
const SETTLE_MS = 150;

export class RedrawController implements Controller {
  /** the <svg>'s layout box, kept by a ResizeObserver so a redraw never forces a synchronous layout */
  private box: ChartSize | null = null;
  /** the --chart-scale in force, read again whenever the size changes */
  private scaleValue: number | undefined;
  private visible = true;
  private stale = false;
  /** the state last drawn: the store's, except part-way through a tween */
  private shown: FigureState | null = null;
  private tween: { from: FigureState; to: FigureState; start: number } | null = null;
  private lastChange = -Infinity;
  /** wantLive: the change belongs to a drag; live: the canvas stands in for the SVG's moving marks */
  private wantLive = false;
  private live = false;
  /** a pointer is down: its changes are a drag however far apart a slow frame rate spaces them */
  private pressed = false;
  private stops: Array<() => void> = [];
  /** asks for one redraw on the next frame, however many times it is called before then */
  readonly request = frameCoalescer(() => this.redraw());
  private readonly settle = (event?: Event): void => {
    if (event?.type === "pointerdown") return void (this.pressed = true);
    if (event?.type.startsWith("pointer")) this.pressed = false;
    this.wantLive = false;
    if (this.live) this.redraw();
  };
  private readonly settleLater = afterQuiet(SETTLE_MS, this.settle);

  constructor(
    private readonly host: HTMLElement,
    private readonly svg: SVGSVGElement,
    private readonly store: FigureStore,
    private readonly options: RedrawOptions,
  ) {}

  connect(): void {
    this.stops.push(
      this.store.subscribe((state) => {
        this.retarget(state);
        this.request();
      }),
    );
    if (typeof ResizeObserver !== "undefined") {
      const observer = new ResizeObserver(([entry]) => {
        const rect = entry?.contentRect;
        if (!rect) return;
        const box = { width: Math.round(rect.width), height: Math.round(rect.height) };
        if (box.width !== this.box?.width || box.height !== this.box?.height) {
          this.box = box;
          this.rescale();
        }
      });
      observer.observe(this.svg);
      this.stops.push(() => observer.disconnect());
    }
    if (typeof IntersectionObserver !== "undefined") {
      const observer = new IntersectionObserver(
        ([entry]) => {
          this.visible = entry?.isIntersecting ?? true;
          if (this.visible && this.stale) this.request();
        },
        { rootMargin: "200px" },
      );
      observer.observe(this.host);
      this.stops.push(() => observer.disconnect());
    }
    // Document-wide: the slider may be another figure's (synced figures), and the release may land off it.
    if (this.options.live)
      for (const type of ["pointerdown", "pointerup", "pointercancel", "keyup", "change"])
        this.stops.push(listen(document, type, this.settle));
    this.redraw();
  }

  disconnect(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.tween = null;
    this.markAnimating(false);
    this.options.live?.clear();
    this.live = false;
  }

  /** The chart scale changed (a new size, an embed's font scale): read it again and redraw. */
  rescale(): void {
    this.scaleValue = undefined;
    this.request();
  }

  /**
   * How much larger than 1 unit = 1 px the chart is shown (an embed's fontScale, the standalone element's
   * font-scale, set --chart-scale; at least the wide column's --chart-text-scale from charts.css): the chart
   * is drawn that much smaller and its viewBox scales it up, so text, lines and spacing grow together.
   * Read once per size change: a computed-style read every frame would force style recalculation.
   */
  get scale(): number {
    if (this.scaleValue === undefined) {
      const style = getComputedStyle(this.svg);
      const factor = (name: string) => {
        const value = parseFloat(style.getPropertyValue(name));
        return Number.isFinite(value) && value > 0 ? value : 1;
      };
      // --chart-text-scale: the least scale a wide column's type scale asks for (charts.css); an
      // embed's larger fontScale wins, so a projector's layout is the one its fontScale gives.
      this.scaleValue = Math.max(factor("--chart-scale"), factor("--chart-text-scale"));
    }
    return this.scaleValue;
  }

  /** Measure, then draw: the <svg>'s layout box decides the size, in chart units. */
  size(): ChartSize | null {
    // Layout size (what the ResizeObserver reports too), not getBoundingClientRect: in a
    // reveal.js slide, scaled by a transform, the chart then scales with the slide's text.
    this.box ??= { width: this.svg.clientWidth, height: this.svg.clientHeight };
    if (this.box.width < 10 || this.box.height < 10) return null;
    return { width: Math.round(this.box.width / this.scale), height: Math.round(this.box.height / this.scale) };
  }

  /** A new state: a jump (a click on the track, α switched) plays out; steps and drags are drawn at once. */
  private retarget(state: FigureState): void {
    const now = performance.now();
    const from = this.tween
      ? stateAt(this.tween.from, this.tween.to, tweenProgress(this.tween.start, now))
      : this.shown;
    const continuous = now - this.lastChange < CONTINUOUS_INPUT_MS;
    this.lastChange = now;
    this.tween =
      // isJump first: it is arithmetic, motionAllowed asks the media query and the document.
      from && this.visible && !continuous && isJump(from, state) && this.options.motionAllowed()
        ? { from, to: state, start: now }
        : null;
    this.markAnimating(this.tween !== null);
    // Only a pointer's drag goes to the canvas: a key step drawn twice (canvas, then SVG on keyup) was dearer (README).
    const sameView = from?.yScale === state.yScale && from.showExamples === state.showExamples;
    this.wantLive = this.pressed && !this.tween && sameView;
  }

  /** data-animating while a tween plays (for styles and tests); written only on change. */
  private markAnimating(on: boolean): void {
    if (this.host.hasAttribute("data-animating") !== on) this.host.toggleAttribute("data-animating", on);
  }

  private redraw(): void {
    // A drag in one figure need not repaint the figures scrolled out of sight.
    if (!this.visible) {
      this.stale = true;
      this.tween = null;
      this.markAnimating(false);
      return;
    }
    this.stale = false;
    const size = this.size();
    if (!size) return;
    let state = this.store.state;
    if (this.tween) {
      const t = tweenProgress(this.tween.start, performance.now());
      state = stateAt(this.tween.from, this.tween.to, t);
      if (t < 1) this.request();
      else {
        this.tween = null;
        this.markAnimating(false);
      }
    }
    this.shown = state;
    if (this.wantLive && this.box && this.options.live?.draw(state, size, this.box)) {
      this.live = true;
      this.settleLater();
      return;
    }
    this.options.draw(state, size);
    if (this.live) this.options.live?.clear();
    this.live = false;
    this.options.drawn?.(state);
  }
}
