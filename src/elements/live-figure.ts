/**
 * The behaviour every live figure shares: it upgrades the server-rendered
 * figure when it comes near the viewport, binds its controls to the page's
 * figure store, redraws at most once per animation frame, and offers a
 * crosshair by pointer, touch and keyboard. Subclasses only say how to draw
 * a state and how a pixel maps to the chart's x.
 *
 * Markup contract (from the Astro components): controls carry
 * data-control="gamma|alpha|alpha-on|yscale|examples" and their text outputs
 * data-output="gamma|alpha"; the chart's <svg> sits in [data-chart-frame];
 * the "show data" table's updatable cells carry data-col and data-x.
 */
import { formatNumber } from "../lib/text/format";
import type { FigureState } from "../lib/state/state";
import { CONTINUOUS_INPUT_MS, isJump, stateAt, tweenProgress } from "../lib/state/state-tween";
import { figureStore, type FigureStore } from "./figure-store";
import { frameCoalescer, prefersReducedMotion, whenNearViewport } from "./frame";

export interface ChartSize {
  width: number;
  height: number;
}

export interface CrosshairAxis {
  min: number;
  max: number;
  /** arrow-key step; Shift multiplies it by 10 */
  step: number;
  /** where the crosshair starts when the chart takes keyboard focus */
  start: number;
}

export abstract class LiveFigure extends HTMLElement {
  protected store!: FigureStore;
  protected svg: SVGSVGElement | null = null;
  protected frame: HTMLElement | null = null;
  protected crosshair: number | null = null;
  private readonly schedule = frameCoalescer(() => this.redraw());
  private cleanups: Array<() => void> = [];
  private upgraded = false;
  /** the <svg>'s CSS box, kept by a ResizeObserver so a redraw never forces a synchronous layout */
  private size: ChartSize | null = null;
  /** the --chart-scale in force, read again whenever the size changes */
  private scale: number | undefined;
  /** off screen, a figure only notes that it is stale and redraws when it comes back */
  private visible = true;
  private stale = false;
  /** the state last drawn, which is the store's state except part-way through a tween */
  private shown: FigureState | null = null;
  /** a jump being played out: the figure draws in-between states until it lands on `to` */
  private tween: { from: FigureState; to: FigureState; start: number } | null = null;
  private lastChange = -Infinity;

  /** Draws the chart for a state, at a measured size, with the crosshair (or null). */
  protected abstract draw(svg: SVGSVGElement, state: FigureState, size: ChartSize, crosshair: number | null): void;
  /** The crosshair's data x for a pixel x in the chart (null outside the plot). */
  protected abstract invertX(px: number, size: ChartSize, state: FigureState): number | null;
  protected abstract readonly crosshairAxis: CrosshairAxis;
  /** A sentence for screen readers about the values at the crosshair. */
  protected abstract describeCrosshair(state: FigureState, x: number): string;

  connectedCallback(): void {
    if (this.upgraded) return;
    this.cleanups.push(whenNearViewport(this, () => this.upgrade()));
  }

  disconnectedCallback(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.upgraded = false;
    this.dataTable = undefined;
    this.tableCells.clear();
  }

  private upgrade(): void {
    if (this.upgraded) return;
    this.upgraded = true;
    this.store = figureStore();
    this.frame = this.querySelector<HTMLElement>("[data-chart-frame]");
    this.svg = this.frame?.querySelector("svg") ?? null;
    this.bindControls();
    this.bindCrosshair();
    this.cleanups.push(
      this.store.subscribe((state) => {
        this.syncControls(state);
        this.retarget(state);
        this.schedule();
      }),
    );
    if (this.svg && typeof ResizeObserver !== "undefined") {
      const observer = new ResizeObserver(([entry]) => {
        const box = entry?.contentRect;
        if (!box) return;
        const size = { width: Math.round(box.width), height: Math.round(box.height) };
        if (size.width !== this.size?.width || size.height !== this.size?.height) {
          this.size = size;
          this.scale = undefined;
          this.schedule();
        }
      });
      observer.observe(this.svg);
      this.cleanups.push(() => observer.disconnect());
    }
    if (typeof IntersectionObserver !== "undefined") {
      const observer = new IntersectionObserver(
        ([entry]) => {
          this.visible = entry?.isIntersecting ?? true;
          if (this.visible && this.stale) this.schedule();
        },
        { rootMargin: "200px" },
      );
      observer.observe(this);
      this.cleanups.push(() => observer.disconnect());
    }
    this.syncControls(this.store.state);
    this.redraw();
    this.toggleAttribute("data-ready", true);
  }

  /** Measure, then draw: the CSS box of the <svg> decides the size, the chart fills it at 1 unit = 1 px. */
  private measure(): ChartSize | null {
    if (!this.svg) return null;
    if (!this.size) {
      // Only before the ResizeObserver's first report: one layout read at upgrade time.
      const box = this.svg.getBoundingClientRect();
      this.size = { width: Math.round(box.width), height: Math.round(box.height) };
    }
    if (this.size.width < 10 || this.size.height < 10) return null;
    const scale = (this.scale ??= this.chartScale());
    return { width: Math.round(this.size.width / scale), height: Math.round(this.size.height / scale) };
  }

  /**
   * How much larger than 1 unit = 1 px the chart is shown (an embed's fontScale
   * sets --chart-scale): the chart is drawn that much smaller and the SVG's
   * viewBox scales it up, so its text, lines and spacing grow together.
   * Read once per size change (a computed-style read each frame would force style recalculation).
   */
  protected chartScale(): number {
    const value = parseFloat(getComputedStyle(this).getPropertyValue("--chart-scale"));
    return Number.isFinite(value) && value > 0 ? value : 1;
  }

  /**
   * Whether a jump animates: not when the reader asked for reduced motion, nor in an embed
   * with animate=0 (a slide that must show its final state at once).
   */
  protected motionAllowed(): boolean {
    return !prefersReducedMotion() && document.documentElement.dataset.animate !== "0";
  }

  /** A new state: a jump (a click on the track, α switched) plays out; steps and drags are drawn at once. */
  private retarget(state: FigureState): void {
    const now = performance.now();
    const from = this.tween ? stateAt(this.tween.from, this.tween.to, tweenProgress(this.tween.start, now)) : this.shown;
    const continuous = now - this.lastChange < CONTINUOUS_INPUT_MS;
    this.lastChange = now;
    this.tween = from && this.visible && !continuous && this.motionAllowed() && isJump(from, state) ? { from, to: state, start: now } : null;
    this.markAnimating(this.tween !== null);
  }

  /** data-animating while a tween plays (for styles and tests); written only on change. */
  private markAnimating(on: boolean): void {
    if (this.hasAttribute("data-animating") !== on) this.toggleAttribute("data-animating", on);
  }

  protected redraw(): void {
    // A drag in one figure need not repaint the figures scrolled out of sight; they catch up when they return.
    if (!this.visible) {
      this.stale = true;
      this.tween = null;
      this.markAnimating(false);
      return;
    }
    this.stale = false;
    const size = this.measure();
    if (!this.svg || !size) return;
    let state = this.store.state;
    if (this.tween) {
      const t = tweenProgress(this.tween.start, performance.now());
      state = stateAt(this.tween.from, this.tween.to, t);
      if (t < 1) this.schedule();
      else {
        this.tween = null;
        this.markAnimating(false);
      }
    }
    this.shown = state;
    this.draw(this.svg, state, size, this.crosshair);
  }

  protected requestRedraw(): void {
    this.schedule();
  }

  // ---------------------------------------------------------------- controls

  private controlCache = new Map<string, HTMLInputElement[]>();
  private outputCache = new Map<string, Element[]>();

  /** The controls of one kind; looked up once, since every state change syncs them. */
  private controls(name: string): HTMLInputElement[] {
    let found = this.controlCache.get(name);
    if (!found) this.controlCache.set(name, (found = [...this.querySelectorAll<HTMLInputElement>(`[data-control="${name}"]`)]));
    return found;
  }

  private outputs(name: string): Element[] {
    let found = this.outputCache.get(name);
    if (!found) this.outputCache.set(name, (found = [...this.querySelectorAll(`[data-output="${name}"]`)]));
    return found;
  }

  private bindControls(): void {
    const on = (el: HTMLElement, type: string, fn: () => void) => {
      el.addEventListener(type, fn);
      this.cleanups.push(() => el.removeEventListener(type, fn));
    };
    for (const input of this.controls("gamma")) {
      input.disabled = false;
      on(input, "input", () => this.store.update({ gamma: input.valueAsNumber }, this));
    }
    for (const input of this.controls("alpha")) {
      on(input, "input", () => this.store.update({ alpha: input.valueAsNumber }, this));
    }
    for (const box of this.controls("alpha-on")) {
      box.disabled = false;
      on(box, "change", () => {
        const slider = this.controls("alpha")[0];
        this.store.update({ alpha: box.checked ? (slider?.valueAsNumber ?? 0.25) : null }, this);
      });
    }
    for (const radio of this.controls("yscale")) {
      radio.disabled = false;
      on(radio, "change", () => radio.checked && this.store.update({ yScale: radio.value }, this));
    }
    for (const box of this.controls("examples")) {
      box.disabled = false;
      on(box, "change", () => this.store.update({ showExamples: box.checked }, this));
    }
  }

  /** Brings every control in line with the state (after another figure or the URL changed it). */
  private syncControls(state: FigureState): void {
    const gammaText = formatNumber(state.gamma, { notation: "fixed", digits: 1 });
    for (const input of this.controls("gamma")) {
      if (input.valueAsNumber !== state.gamma) input.value = String(state.gamma);
      if (input.getAttribute("aria-valuetext") !== `γ = ${gammaText}`) input.setAttribute("aria-valuetext", `γ = ${gammaText}`);
    }
    for (const out of this.outputs("gamma")) if (out.textContent !== gammaText) out.textContent = gammaText;
    const alphaText = state.alpha === null ? "off" : formatNumber(state.alpha, { notation: "fixed", digits: 2 });
    const alphaValueText = state.alpha === null ? "α off" : `α = ${alphaText}`;
    for (const input of this.controls("alpha")) {
      if (input.disabled !== (state.alpha === null)) input.disabled = state.alpha === null;
      if (state.alpha !== null && input.valueAsNumber !== state.alpha) input.value = String(state.alpha);
      if (input.getAttribute("aria-valuetext") !== alphaValueText) input.setAttribute("aria-valuetext", alphaValueText);
    }
    // Writes only on change: this runs on every input event of a drag, and each write invalidates style.
    for (const box of this.controls("alpha-on")) if (box.checked !== (state.alpha !== null)) box.checked = state.alpha !== null;
    for (const out of this.outputs("alpha")) if (out.textContent !== alphaText) out.textContent = alphaText;
    for (const radio of this.controls("yscale")) if (radio.checked !== (radio.value === state.yScale)) radio.checked = radio.value === state.yScale;
    for (const box of this.controls("examples")) if (box.checked !== state.showExamples) box.checked = state.showExamples;
  }

  // --------------------------------------------------------------- crosshair

  private bindCrosshair(): void {
    const frame = this.frame;
    if (!frame || !this.svg) return;
    frame.tabIndex = 0;
    frame.setAttribute("role", "group");
    const live = this.querySelector<HTMLElement>("[data-crosshair-live]");
    const set = (x: number | null, announce: boolean) => {
      if (x === this.crosshair) return;
      this.crosshair = x;
      if (announce && live) live.textContent = x === null ? "" : this.describeCrosshair(this.store.state, x);
      this.schedule();
    };
    const fromPointer = (event: PointerEvent) => {
      const size = this.measure();
      if (!size) return null;
      const left = this.svg!.getBoundingClientRect().left;
      return this.invertX((event.clientX - left) / (this.scale ?? 1), size, this.store.state);
    };
    const move = (event: PointerEvent) => set(fromPointer(event), false);
    const leave = (event: PointerEvent) => {
      // A touch ends where the finger lifts: keep the readout there so it can be read.
      if (event.pointerType === "mouse") set(null, false);
    };
    const { min, max, step, start } = this.crosshairAxis;
    const clamp = (v: number) => Math.min(max, Math.max(min, v));
    const round = (v: number) => Number(v.toFixed(6));
    const key = (event: KeyboardEvent) => {
      const current = this.crosshair ?? start;
      const big = event.shiftKey ? 10 : 1;
      let next: number | null | undefined;
      if (event.key === "ArrowRight" || event.key === "ArrowUp") next = clamp(round(current + step * big));
      else if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = clamp(round(current - step * big));
      else if (event.key === "PageUp") next = clamp(round(current + step * 10));
      else if (event.key === "PageDown") next = clamp(round(current - step * 10));
      else if (event.key === "Home") next = min;
      else if (event.key === "End") next = max;
      else if (event.key === "Escape") next = null;
      if (next === undefined) return;
      event.preventDefault();
      set(next, true);
    };
    const focus = () => {
      if (this.crosshair === null) set(start, true);
    };
    const blur = () => set(null, false);
    const listeners: Array<[string, EventListener]> = [
      ["pointermove", move as EventListener],
      ["pointerdown", move as EventListener],
      ["pointerleave", leave as EventListener],
      ["keydown", key as EventListener],
      ["focus", focus],
      ["blur", blur],
    ];
    for (const [type, fn] of listeners) frame.addEventListener(type, fn);
    this.cleanups.push(() => {
      for (const [type, fn] of listeners) frame.removeEventListener(type, fn);
    });
  }

  // ------------------------------------------------------------- data table

  private tableCells = new Map<string, { cells: Array<{ el: HTMLElement; x: number }>; headers: HTMLElement[] }>();
  private dataTable: HTMLDetailsElement | null | undefined;

  /**
   * Rewrites the "show data" cells of one column from a function of x. While
   * the table is closed nothing is written (a drag need not fill cells no one
   * sees); opening it redraws once, so it always shows the current state.
   */
  protected updateColumn(col: string, valueAt: (x: number) => number, format: (v: number) => string, header?: string): void {
    if (this.dataTable === undefined) {
      this.dataTable = this.querySelector<HTMLDetailsElement>("details.figure-data");
      const table = this.dataTable;
      if (table) {
        const refresh = () => table.open && this.requestRedraw();
        table.addEventListener("toggle", refresh);
        this.cleanups.push(() => table.removeEventListener("toggle", refresh));
      }
    }
    if (this.dataTable && !this.dataTable.open) return;
    let column = this.tableCells.get(col);
    if (!column) {
      column = {
        cells: [...this.querySelectorAll<HTMLElement>(`[data-col="${col}"][data-x]`)].map((el) => ({ el, x: Number(el.dataset.x) })),
        headers: [...this.querySelectorAll<HTMLElement>(`[data-col-header="${col}"]`)],
      };
      this.tableCells.set(col, column);
    }
    for (const { el, x } of column.cells) {
      const text = format(valueAt(x));
      if (el.textContent !== text) el.textContent = text;
    }
    if (header !== undefined) for (const th of column.headers) if (th.textContent !== header) th.textContent = header;
  }
}

/** Defines a custom element once, even if two bundles carry it. */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
