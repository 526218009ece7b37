/**
 * <live-focal-formula>: the focal-loss formula whose γ, α and p_t are numbers
 * the reader drags (or steps with the keyboard), in the manner of Bret
 * Victor's Tangle. γ and α are the page's shared figure state, so dragging
 * them here moves every figure on the page; p_t is the formula's own
 * (its data-pt is the typeset value; a moved p_t goes into the URL too).
 * The evaluated loss and its ratio to cross-entropy come from the module.
 */
import { formatNumber } from "../lib/text/format";
import { formulaTexts, formulaValues } from "../lib/views/live-formula";
import type { FigureState } from "../lib/state/state";
import { FORMULA_STATE, type FormulaState } from "../lib/state/formula-state";
import { ALPHA, GAMMA, PT_SLIDER } from "../lib/state/ranges";
import { sliderKeyValue } from "../lib/input/slider-keys";
import { figureStore, type FigureStore } from "./figure-store";
import { pageStore, type Store } from "./page-store";
import { frameCoalescer, whenNearViewport } from "./frame";
import { defineElement } from "./define-element";
import { setAttr } from "./figure/controls";
import { setText } from "../charts/scene";

interface Adjustable {
  name: "gamma" | "alpha" | "pt";
  label: string;
  min: number;
  max: number;
  step: number;
  digits: number;
  /** pixels of horizontal drag per step */
  pxPerStep: number;
}

const ADJUSTABLES: Adjustable[] = [
  { name: "gamma", label: "focusing parameter γ", ...GAMMA, digits: 1, pxPerStep: 6 },
  { name: "alpha", label: "class weight α", ...ALPHA, digits: 2, pxPerStep: 3 },
  { name: "pt", label: "probability of the true class pₜ", ...PT_SLIDER, digits: 2, pxPerStep: 3 },
];

export class LiveFocalFormulaElement extends HTMLElement {
  private store!: FigureStore;
  private own!: Store<FormulaState>;
  private readonly schedule = frameCoalescer(() => this.update());
  private cleanups: Array<() => void> = [];

  connectedCallback(): void {
    this.cleanups.push(whenNearViewport(this, () => this.upgrade()));
  }

  disconnectedCallback(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private upgrade(): void {
    this.store = figureStore();
    this.own = pageStore(FORMULA_STATE.withDefaults(FORMULA_STATE.fromAttributes((name) => this.getAttribute(name))));
    for (const spec of ADJUSTABLES) {
      for (const el of this.querySelectorAll<HTMLElement>(`[data-tangle="${spec.name}"]`))
        this.makeAdjustable(el, spec);
    }
    this.cleanups.push(
      this.store.subscribe(() => this.schedule()),
      this.own.subscribe(() => this.schedule()),
    );
    this.update();
    this.toggleAttribute("data-ready", true);
  }

  private value(name: Adjustable["name"]): number | null {
    const state: FigureState = this.store.state;
    if (name === "gamma") return state.gamma;
    if (name === "alpha") return state.alpha;
    return this.own.state.pt;
  }

  private set(name: Adjustable["name"], value: number | null): void {
    if (name === "pt") this.own.update({ pt: value ?? this.own.state.pt }, this);
    else this.store.update({ [name]: value }, this);
  }

  private makeAdjustable(el: HTMLElement, spec: Adjustable): void {
    el.tabIndex = 0;
    el.setAttribute("role", "slider");
    el.setAttribute("aria-label", spec.label);
    el.setAttribute("aria-valuemin", String(spec.min));
    el.setAttribute("aria-valuemax", String(spec.max));
    el.classList.add("tangle");
    // KaTeX hides its HTML from assistive tech and speaks its MathML copy; a
    // focusable slider must not sit inside aria-hidden, so swap which copy is hidden.
    const html = el.closest(".katex-html");
    if (html?.getAttribute("aria-hidden") === "true") {
      html.removeAttribute("aria-hidden");
      html.parentElement?.querySelector(".katex-mathml")?.setAttribute("aria-hidden", "true");
    }
    // α "off" is a weight of 1; a drag or a key starts from there.
    const current = () => this.value(spec.name) ?? 1;
    const key = (event: KeyboardEvent) => {
      const next = sliderKeyValue(event.key, current(), spec, { shift: event.shiftKey });
      if (next !== undefined) this.set(spec.name, next);
      else if (spec.name === "alpha" && (event.key === "Delete" || event.key === "Backspace")) this.set("alpha", null);
      else return;
      event.preventDefault();
      // A key press is one discrete step, not a stream like a drag: show it (and
      // its aria-valuenow) at once rather than on the next frame, so the value a
      // screen reader or the reader's next key meets is already the new one.
      this.update();
    };
    let drag: { x: number; start: number; id: number } | null = null;
    const down = (event: PointerEvent) => {
      drag = { x: event.clientX, start: current(), id: event.pointerId };
      el.setPointerCapture(event.pointerId);
      el.classList.add("is-dragging");
      event.preventDefault();
    };
    const move = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      const steps = Math.round((event.clientX - drag.x) / spec.pxPerStep);
      this.set(spec.name, drag.start + steps * spec.step);
    };
    const up = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      drag = null;
      el.classList.remove("is-dragging");
    };
    const listeners: Array<[string, EventListener]> = [
      ["keydown", key as EventListener],
      ["pointerdown", down as EventListener],
      ["pointermove", move as EventListener],
      ["pointerup", up as EventListener],
      ["pointercancel", up as EventListener],
    ];
    for (const [type, fn] of listeners) el.addEventListener(type, fn);
    this.cleanups.push(() => listeners.forEach(([type, fn]) => el.removeEventListener(type, fn)));
  }

  private update(): void {
    const { gamma, alpha } = this.store.state;
    for (const spec of ADJUSTABLES) {
      const raw = this.value(spec.name);
      const text = formatNumber(raw ?? 1, {
        notation: "fixed",
        digits: spec.name === "alpha" && raw === null ? 0 : spec.digits,
      });
      // α off is a weight of 1: shown muted (with the hint below the formula) so it does not read as α = 1.
      const off = spec.name === "alpha" && raw === null;
      for (const el of this.querySelectorAll<HTMLElement>(`[data-tangle="${spec.name}"]`)) {
        // Each write on every frame of a drag: only what changed, text nodes rewritten in place.
        setText(el, text);
        if (el.hasAttribute("data-off") !== off) el.toggleAttribute("data-off", off);
        setAttr(el, "aria-valuenow", String(raw ?? 1));
        setAttr(el, "aria-valuetext", off ? "α off (weight 1)" : `${spec.label.split(" ").at(-1)} = ${text}`);
      }
    }
    if (this.hasAttribute("data-alpha-off") !== (alpha === null))
      this.toggleAttribute("data-alpha-off", alpha === null);
    const results = formulaTexts(formulaValues(this.own.state.pt, gamma, alpha));
    for (const el of this.querySelectorAll<HTMLElement>("[data-result]")) {
      const text = results[el.dataset.result as keyof typeof results];
      if (text !== undefined) setText(el, text);
    }
  }
}

defineElement("live-focal-formula", LiveFocalFormulaElement);
