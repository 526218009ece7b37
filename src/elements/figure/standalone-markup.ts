/**
 * The markup a figure element builds for itself where the server rendered
 * none (the standalone module on any page or deck): the same controls and
 * chart frame as FigureControls.astro and LiveFigureShell.astro, in a shadow
 * root with the chart CSS and the site's palettes, so it needs no stylesheet
 * of the site. Only the standalone module loads this file.
 */
import chartsCss from "../../charts/charts.css?raw";
import { ALPHA, GAMMA } from "../../lib/state/ranges";
import { STANDALONE_STATE } from "../../lib/state/embed-params";
import { tokenDeclarations, type ThemeTokens } from "../../lib/site/theme-tokens";
import { shareKeysWithPage } from "../forward-deck-keys";
import { FIGURE1_GAMMAS } from "../../lib/math/loss";
import { formatNumber } from "../../lib/text/format";

/** Injected at bundle time from global.css (src/build/web-component-module.ts). */
declare const __THEME_TOKENS__: ThemeTokens;

/** The attributes that only change how the standalone element looks (the state's are in attribute-store.ts). */
export const PRESENTATION_ATTRIBUTES = ["controls", "theme", "font-scale"] as const;

export interface ChartIdentity {
  /** the chart's accessible name */
  label: string;
  /** the <svg>'s class, which the chart CSS keys on */
  className: string;
}

const FRAME_CSS = `
:host { display: block; position: relative; color: var(--text); background: var(--bg); font-family: var(--font-ui); border-radius: 4px; }
:host([hidden]) { display: none; }
:host([theme="transparent"]) { background: transparent; }
.frame { padding: 0.5em; }
.controls { display: flex; flex-wrap: wrap; gap: 0.4em 1.5em; align-items: center; font-size: 0.85em; margin: 0 0 0.4em; }
.controls[hidden] { display: none; }
.controls label { display: inline-flex; align-items: center; gap: 0.4em; }
.controls input[type="range"] { accent-color: var(--curve-reader); width: min(11em, 40vw); }
.controls input[type="range"][data-off] { accent-color: var(--text-muted); }
.controls input[type="checkbox"] { accent-color: var(--curve-reader); }
.range-with-ticks { --thumb: 16px; display: inline-flex; flex-direction: column; position: relative; padding-bottom: 1.2em; }
.range-with-ticks input[type="range"] { width: min(15em, 60vw); margin-inline: 0; }
.range-tick-labels { position: absolute; left: 0; right: 0; bottom: 0; height: 1.2em; line-height: 1.2em; font-size: 0.85em; color: var(--text-muted); font-variant-numeric: tabular-nums; }
.range-tick-labels span { position: absolute; left: calc(var(--thumb) / 2 + var(--at) * (100% - var(--thumb))); transform: translateX(-50%); }
.controls output { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 2.4em; }
.chart-frame { container: chart / inline-size; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
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

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  data: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, data);
  return node;
}

function range(
  name: "gamma" | "alpha",
  label: string,
  { min, max, step }: { min: number; max: number; step: number },
): HTMLInputElement {
  const input = el(
    "input",
    { type: "range", min: String(min), max: String(max), step: String(step) },
    { control: name },
  );
  input.setAttribute("aria-label", label);
  return input;
}

/**
 * The γ slider with the paper's γ values marked and printed under it, as on the site
 * (FigureControls.astro): browsers draw a datalist's marks but not its labels.
 */
function gammaWithTicks(): HTMLElement {
  const input = range("gamma", "focusing γ", GAMMA);
  const at = (g: number) => String((g - GAMMA.min) / (GAMMA.max - GAMMA.min));
  const tick = (g: number) => formatNumber(g, { notation: "fixed", digits: g % 1 === 0 ? 0 : 1 });
  // An id is scoped to its shadow root, so every instance can use the same one.
  const list = el("datalist", { id: "gamma-ticks" });
  list.append(...FIGURE1_GAMMAS.map((g) => el("option", { value: String(g), label: tick(g) })));
  input.setAttribute("list", "gamma-ticks");
  const labels = el("span", { className: "range-tick-labels" });
  labels.setAttribute("aria-hidden", "true");
  for (const g of FIGURE1_GAMMAS) {
    const label = el("span", { textContent: tick(g) });
    label.style.setProperty("--at", at(g));
    labels.append(label);
  }
  const wrap = el("span", { className: "range-with-ticks" });
  wrap.append(input, labels, list);
  return wrap;
}

/** Builds the shadow root's controls, chart frame and live region. */
export function buildStandaloneMarkup(host: HTMLElement, chart: ChartIdentity): ShadowRoot {
  const root = host.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [sharedSheet()];
  // On a deck's page the deck keeps its keys, but not those a control in here is using.
  shareKeysWithPage(root);
  const frame = el("div", { className: "frame" });
  frame.part.add("frame");
  const controls = el("div", { className: "controls" });
  controls.part.add("controls");
  const gamma = el("label");
  gamma.append("γ", gammaWithTicks(), el("output", {}, { output: "gamma" }));
  const alphaOn = el("label");
  alphaOn.append(el("input", { type: "checkbox" }, { control: "alpha-on" }), " α");
  const alpha = el("label");
  alpha.append(range("alpha", "class weight α", ALPHA), el("output", {}, { output: "alpha" }));
  controls.append(gamma, alphaOn, alpha);
  const chartFrame = el("div", { className: "chart-frame" }, { chartFrame: "" });
  chartFrame.setAttribute("aria-label", chart.label);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", chart.className);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", chart.label);
  chartFrame.append(svg);
  const live = el("p", { className: "visually-hidden" }, { crosshairLive: "" });
  live.setAttribute("aria-live", "polite");
  frame.append(controls, chartFrame, live);
  root.append(frame);
  applyPresentation(host, root);
  return root;
}

/** The controls attribute shows the sliders; font-scale (validated like the embed's fontScale) sets the chart scale. */
export function applyPresentation(host: HTMLElement, root: ShadowRoot): void {
  const controls = root.querySelector<HTMLElement>(".controls");
  const shown = host.getAttribute("controls");
  if (controls) controls.hidden = shown === null || /^(0|false|off|no)$/i.test(shown.trim());
  const scale = STANDALONE_STATE.fromAttributes((name) =>
    name === "font-scale" ? host.getAttribute(name) : null,
  ).fontScale;
  root.querySelector<HTMLElement>(".frame")?.style.setProperty("--chart-scale", String(scale));
}
