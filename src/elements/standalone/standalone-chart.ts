/**
 * The base of the standalone web components (`/embed/focal-loss.js`): a chart
 * in a shadow root that draws itself from its attributes, for any HTML page
 * or deck, with no site stylesheet, no server markup and no page URL to read
 * or write. The state comes from attributes parsed by the same state parser
 * as the site's URLs, so `gamma="abc"` falls back exactly as `?gamma=abc` does.
 */
import chartsCss from "../../charts/charts.css?raw";
import { parseFigureState, type FigureState } from "../../lib/state/state";
import { tokenDeclarations, type ThemeTokens } from "../../lib/site/theme-tokens";
import { formatNumber } from "../../lib/text/format";
import { parseEmbedParams } from "../../lib/state/embed-params";

/** Injected at bundle time from global.css (see src/build/web-component-module.ts). */
declare const __THEME_TOKENS__: ThemeTokens;

export interface ChartSize {
  width: number;
  height: number;
}

/** Element attribute → figure URL parameter (attributes use HTML's hyphenated style). */
const PARAM_OF_ATTRIBUTE = { gamma: "gamma", alpha: "alpha", "y-scale": "yscale", examples: "examples" } as const;

const FRAME_CSS = `
:host { display: block; position: relative; color: var(--text); background: var(--bg); font-family: var(--font-ui); border-radius: 4px; }
:host([hidden]) { display: none; }
:host([theme="transparent"]) { background: transparent; }
.frame { padding: 0.5em; }
.controls { display: flex; flex-wrap: wrap; gap: 0.4em 1.5em; align-items: center; font-size: 0.85em; margin: 0 0 0.4em; }
.controls[hidden] { display: none; }
.controls label { display: inline-flex; align-items: center; gap: 0.4em; }
.controls input[type="range"] { accent-color: var(--curve-reader); width: min(11em, 40vw); }
.controls input[type="checkbox"] { accent-color: var(--curve-reader); }
.controls output { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 2.4em; }
.chart-frame { container: chart / inline-size; }
`;

function themeCss(): string {
  const { light, dark } = __THEME_TOKENS__;
  return (
    `:host{${tokenDeclarations(light)}color-scheme:light}` +
    `:host([theme="dark"]){${tokenDeclarations(dark)}color-scheme:dark}` +
    `@media (prefers-color-scheme: dark){:host(:not([theme="light"]):not([theme="dark"]):not([theme="transparent"])){${tokenDeclarations(dark)}color-scheme:dark}}`
  );
}

let sheet: CSSStyleSheet | null = null;
/** One constructed stylesheet shared by every instance. */
function sharedSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(themeCss() + chartsCss + FRAME_CSS);
  }
  return sheet;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export abstract class StandaloneChart extends HTMLElement {
  static readonly observedAttributes = ["gamma", "alpha", "y-scale", "examples", "controls", "theme", "font-scale"];

  /** The chart's accessible name, for the <svg>. */
  protected abstract readonly label: string;
  /** Draws (or redraws, in place) the chart for a state at a size. */
  protected abstract draw(svg: SVGSVGElement, state: FigureState, size: ChartSize): void;
  /** The class of the <svg>, which the chart CSS keys on. */
  protected abstract readonly chartClass: string;

  readonly #root: ShadowRoot;
  readonly #svg: SVGSVGElement;
  readonly #controls: HTMLElement;
  #pending = false;
  #observer: ResizeObserver | null = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [sharedSheet()];
    const frame = document.createElement("div");
    frame.className = "frame";
    frame.part.add("frame");
    this.#controls = this.#buildControls();
    const chartFrame = document.createElement("div");
    chartFrame.className = "chart-frame";
    this.#svg = document.createElementNS(SVG_NS, "svg");
    frame.append(this.#controls, chartFrame);
    chartFrame.append(this.#svg);
    this.#root.append(frame);
  }

  /** The validated state the attributes describe. */
  get state(): FigureState {
    const params = new URLSearchParams();
    for (const [attribute, param] of Object.entries(PARAM_OF_ATTRIBUTE)) {
      const value = this.getAttribute(attribute);
      if (value === null) continue;
      // `examples` is a boolean attribute: present (and not "0"/"false") means on.
      params.set(param, attribute === "examples" ? (/^(0|false|off|no)$/i.test(value.trim()) ? "0" : "1") : value);
    }
    return parseFigureState(params);
  }

  connectedCallback(): void {
    this.#svg.setAttribute("class", this.chartClass);
    this.#svg.setAttribute("role", "img");
    this.#svg.setAttribute("aria-label", this.label);
    this.#observer = new ResizeObserver(() => this.#schedule());
    this.#observer.observe(this.#svg.parentElement!);
    this.#render();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(): void {
    this.#schedule();
  }

  /** One redraw per frame, however many attributes change in it. */
  #schedule(): void {
    if (this.#pending || !this.isConnected) return;
    this.#pending = true;
    requestAnimationFrame(() => {
      this.#pending = false;
      this.#render();
    });
  }

  #render(): void {
    const state = this.state;
    this.#syncControls(state);
    // Layout size, not getBoundingClientRect: in a reveal.js slide (scaled by a transform or
    // zoom) the chart then scales with the slide, like the slide's own text.
    const { clientWidth, clientHeight } = this.#svg;
    if (clientWidth < 10 || clientHeight < 10) return;
    // font-scale draws the chart smaller and lets the viewBox scale it up: larger text and lines for a projector.
    const scale = this.#fontScale();
    this.draw(this.#svg, state, { width: Math.round(clientWidth / scale), height: Math.round(clientHeight / scale) });
    this.toggleAttribute("data-ready", true);
    this.dispatchEvent(new CustomEvent("focal-loss:drawn", { detail: { state } }));
  }

  /** The font-scale attribute, validated like the embed's fontScale parameter (0.75 to 3, else 1). */
  #fontScale(): number {
    const raw = this.getAttribute("font-scale");
    return raw === null ? 1 : parseEmbedParams(new URLSearchParams({ fontScale: raw })).fontScale;
  }

  #buildControls(): HTMLElement {
    const controls = document.createElement("div");
    controls.className = "controls";
    controls.part.add("controls");
    const gamma = this.#range("γ", "gamma", 0, 5, 0.1);
    const alphaOn = document.createElement("input");
    alphaOn.type = "checkbox";
    alphaOn.dataset.control = "alpha-on";
    const alphaLabel = document.createElement("label");
    alphaLabel.append(alphaOn, " α");
    const alpha = this.#range("", "alpha", 0, 1, 0.01);
    controls.append(gamma, alphaLabel, alpha);
    controls.addEventListener("input", (event) => {
      const input = event.target as HTMLInputElement;
      if (input.dataset.control === "gamma") this.setAttribute("gamma", input.value);
      if (input.dataset.control === "alpha") this.setAttribute("alpha", input.value);
    });
    controls.addEventListener("change", (event) => {
      const input = event.target as HTMLInputElement;
      if (input.dataset.control !== "alpha-on") return;
      const slider = this.#root.querySelector<HTMLInputElement>('[data-control="alpha"]');
      this.setAttribute("alpha", input.checked ? (slider?.value ?? "0.25") : "off");
    });
    return controls;
  }

  #range(text: string, name: "gamma" | "alpha", min: number, max: number, step: number): HTMLLabelElement {
    const label = document.createElement("label");
    const input = document.createElement("input");
    Object.assign(input, { type: "range", min: String(min), max: String(max), step: String(step) });
    input.dataset.control = name;
    input.setAttribute("aria-label", name === "gamma" ? "focusing γ" : "class weight α");
    const output = document.createElement("output");
    output.dataset.output = name;
    if (text) label.append(text);
    label.append(input, output);
    return label;
  }

  #syncControls(state: FigureState): void {
    this.#controls.hidden = !this.hasAttribute("controls") || /^(0|false|off|no)$/i.test(this.getAttribute("controls") ?? "");
    const q = <T extends Element>(s: string) => this.#root.querySelector<T>(s);
    const gamma = q<HTMLInputElement>('[data-control="gamma"]');
    const alpha = q<HTMLInputElement>('[data-control="alpha"]');
    const alphaOn = q<HTMLInputElement>('[data-control="alpha-on"]');
    const gammaText = formatNumber(state.gamma, { notation: "fixed", digits: 1 });
    if (gamma && gamma.valueAsNumber !== state.gamma) gamma.value = String(state.gamma);
    gamma?.setAttribute("aria-valuetext", `γ = ${gammaText}`);
    const gammaOut = q('[data-output="gamma"]');
    if (gammaOut) gammaOut.textContent = gammaText;
    if (alphaOn) alphaOn.checked = state.alpha !== null;
    if (alpha) {
      alpha.disabled = state.alpha === null;
      if (state.alpha !== null && alpha.valueAsNumber !== state.alpha) alpha.value = String(state.alpha);
    }
    const alphaOut = q('[data-output="alpha"]');
    if (alphaOut) alphaOut.textContent = state.alpha === null ? "off" : formatNumber(state.alpha, { notation: "fixed", digits: 2 });
  }
}
