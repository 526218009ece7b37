/**
 * A figure's controls ↔ its store: each input writes a patch (the state
 * module clamps and snaps it), and every state change, from this figure,
 * another one or the attributes, brings the inputs, their outputs and their
 * spoken values back in line.
 *
 * Markup contract (FigureControls.astro, or standalone-markup.ts in a shadow
 * root): inputs carry data-control="gamma|alpha|alpha-on|yscale|examples",
 * their text outputs data-output="gamma|alpha".
 */
import { setText } from "../../charts/scene";
import { formatNumber } from "../../lib/text/format";
import type { FigureState } from "../../lib/state/state";
import type { FigureStore } from "../figure-store";
import { listen, type Controller } from "./controller";

/** The value α takes when it is switched on with no slider to say otherwise (the paper's). */
const ALPHA_ON = 0.25;

/**
 * The controls are served disabled, which says honestly that they do nothing
 * without JavaScript. Once the script runs they are enabled at once, before
 * the figure itself wakes, so a keyboard reader tabbing down the page meets
 * every one of them (focusing one wakes the figure).
 */
export function enableControls(root: ParentNode): void {
  for (const input of root.querySelectorAll<HTMLInputElement>("input[data-control]")) input.disabled = false;
}

export class ControlsController implements Controller {
  private readonly cache = new Map<string, Element[]>();
  private stops: Array<() => void> = [];

  constructor(
    private readonly root: ParentNode,
    private readonly store: FigureStore,
    /** passed to the store's listeners with each patch */
    private readonly source: unknown,
  ) {}

  /** The elements of one kind; looked up once, since every state change syncs them. */
  private all<T extends Element>(selector: string): T[] {
    let found = this.cache.get(selector);
    if (!found) this.cache.set(selector, (found = [...this.root.querySelectorAll(selector)]));
    return found as T[];
  }

  private inputs(name: string): HTMLInputElement[] {
    return this.all<HTMLInputElement>(`input[data-control="${name}"]`);
  }

  connect(): void {
    const on = (el: HTMLElement, type: string, fn: () => void) => this.stops.push(listen(el, type, fn));
    const update = (patch: Partial<Record<keyof FigureState, unknown>>) => this.store.update(patch, this.source);
    for (const input of this.inputs("gamma")) on(input, "input", () => update({ gamma: input.valueAsNumber }));
    // The α slider stays live while α is off: moving it (a click, a drag, a key) switches α on at that value.
    for (const input of this.inputs("alpha")) on(input, "input", () => update({ alpha: input.valueAsNumber }));
    for (const box of this.inputs("alpha-on")) {
      on(box, "change", () =>
        update({ alpha: box.checked ? (this.inputs("alpha")[0]?.valueAsNumber ?? ALPHA_ON) : null }),
      );
    }
    for (const radio of this.inputs("yscale"))
      on(radio, "change", () => radio.checked && update({ yScale: radio.value }));
    for (const box of this.inputs("examples")) on(box, "change", () => update({ showExamples: box.checked }));
    this.stops.push(this.store.subscribe((state) => this.sync(state)));
    this.sync(this.store.state);
  }

  disconnect(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Writes only what changed: this runs on every input event of a drag, and each write invalidates style. */
  private sync(state: FigureState): void {
    const gammaText = formatNumber(state.gamma, { notation: "fixed", digits: 1 });
    for (const input of this.inputs("gamma")) {
      if (input.valueAsNumber !== state.gamma) input.value = String(state.gamma);
      setAttr(input, "aria-valuetext", `γ = ${gammaText}`);
    }
    for (const out of this.all("[data-output=gamma]")) setText(out, gammaText);
    const off = state.alpha === null;
    const alphaText = off ? "off" : formatNumber(state.alpha!, { notation: "fixed", digits: 2 });
    for (const input of this.inputs("alpha")) {
      if (input.hasAttribute("data-off") !== off) input.toggleAttribute("data-off", off);
      if (!off && input.valueAsNumber !== state.alpha) input.value = String(state.alpha);
      setAttr(input, "aria-valuetext", off ? "α off; move to switch it on" : `α = ${alphaText}`);
    }
    for (const box of this.inputs("alpha-on")) if (box.checked !== !off) box.checked = !off;
    for (const out of this.all("[data-output=alpha]")) setText(out, alphaText);
    for (const radio of this.inputs("yscale"))
      if (radio.checked !== (radio.value === state.yScale)) radio.checked = radio.value === state.yScale;
    for (const box of this.inputs("examples")) if (box.checked !== state.showExamples) box.checked = state.showExamples;
  }
}

/** Writes an attribute only when its value changes: an equal write still invalidates style (and mutation observers). */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
