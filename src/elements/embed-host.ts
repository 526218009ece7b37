/**
 * The embed page's host script: applies the presentation parameters, tells
 * the parent page when the figure has finished drawing, and, in fluid mode,
 * how tall it is. The figure's own element reads its own parameters (γ, α, …).
 *
 * Messages to the parent (any origin may embed the figure; nothing private is sent):
 *   { type: "focal-loss:ready",  figure, state }   once, after the first complete draw
 *   { type: "focal-loss:resize", figure, height }  in fluid mode, whenever the content height changes
 *   { type: "focal-loss:key",    key }             a presenter's key no control here used (./forward-deck-keys.ts)
 */
import { embeddable, figureQuery } from "../lib/embed/embed-registry";
import { EMBED_STATE, embedRootAttributes, type EmbedParams } from "../lib/state/embed-params";
import { forwardUnusedKeys } from "./forward-deck-keys";

export const READY_MESSAGE = "focal-loss:ready";
export const RESIZE_MESSAGE = "focal-loss:resize";

const root = document.documentElement;

function applyParams(params: EmbedParams): void {
  for (const [name, value] of Object.entries(embedRootAttributes(params))) root.setAttribute(name, value);
  // data-theme is what global.css's palettes key on; "auto" leaves it to prefers-color-scheme.
  if (params.theme === "dark") root.dataset.theme = "dark";
  else if (params.theme === "light" || params.theme === "transparent") root.dataset.theme = "light";
  else delete root.dataset.theme;
  // A number parsed and range-checked by the embed state table, never URL text.
  root.style.setProperty("--embed-font-scale", String(params.fontScale));
}

function postToParent(message: Record<string, unknown>): void {
  if (window.parent === window) return;
  window.parent.postMessage(message, "*");
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves when the figure's element is defined, its chart is drawn, fonts are in and running animations have finished. */
async function figureDrawn(tag: string | undefined): Promise<void> {
  if (tag) {
    // The element may be defined by a script that loads later in the page; wait for it, but not forever.
    await Promise.race([customElements.whenDefined(tag), new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  await document.fonts.ready;
  await nextFrame();
  await nextFrame();
  await Promise.allSettled(document.getAnimations().map((a) => a.finished));
  await nextFrame();
}

function observeHeight(figure: string): void {
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    root.dataset.contentHeight = String(height);
    postToParent({ type: RESIZE_MESSAGE, figure, height });
  };
  new ResizeObserver(report).observe(document.body);
  report();
}

/**
 * print=1: a page exactly the figure's size, then the browser's print dialog,
 * whose "Save as PDF" keeps the chart's paths and text as vectors. The size is
 * the registry's numbers, never URL text; a constructed sheet needs no inline style.
 */
function printAtFigureSize(size: { width: number; height: number }): void {
  const page = new CSSStyleSheet();
  page.replaceSync(`@page { size: ${size.width}px ${size.height}px; margin: 0; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
  window.print();
}

async function start(): Promise<void> {
  const params = EMBED_STATE.parse(location.search);
  applyParams(params);
  const id = root.dataset.figure ?? "";
  const entry = embeddable(id);
  if (params.fluid) observeHeight(id);
  await figureDrawn(entry?.tag);
  root.dataset.ready = "true";
  const state = entry ? Object.fromEntries(figureQuery(entry, location.search)) : {};
  postToParent({ type: READY_MESSAGE, figure: id, state });
  if (params.print && entry) printAtFigureSize(entry.size);
}

forwardUnusedKeys();
void start();
