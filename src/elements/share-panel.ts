/**
 * <share-panel>: copy a link, an iframe or a web-component snippet for the
 * figure it sits in, and download it as SVG, PNG or one HTML file for offline use. It finds its chart as the
 * `svg.chart` inside the nearest <figure> (or the embed page's figure), reads
 * the figure's state from the page URL (which the figure keeps current), and
 * never writes anything from the URL into the page.
 */
import { embeddable, figureQuery, type EmbeddableFigure } from "../lib/embed/embed-registry";
import { iframeSnippet, webComponentSnippet } from "../lib/embed/embed-snippets";
import { copyText, downloadBlob, offerManualCopy } from "./clipboard";
import { defineElement } from "./define-element";
import { flushUrlWrites } from "./url-sync";

/*
 * The SVG/PNG exporters are loaded on the first download: most readers never
 * use them, and they were most of the panel's weight on every figure page.
 * (The snippet writers stay static and small, so a copy runs straight from the
 * click, within the clipboard's user-activation window.)
 */
const svgExport = () => import("./export-svg");
const pngExport = () => import("./export-png");
const pgfplotsExport = () => import("./export-pgfplots");
const offlineExport = () => import("./export-offline");

/** The slide size most decks use. */
const SLIDE = { width: 1920, height: 1080 } as const;

/** Figure URL parameters → the standalone element's attributes (the element's names are HTML-style). */
const ATTRIBUTE_FOR_PARAM: Record<string, string> = { yscale: "y-scale" };

class SharePanel extends HTMLElement {
  #figure: EmbeddableFigure | undefined;
  #status: HTMLElement | null = null;
  #fallback: HTMLTextAreaElement | null = null;

  connectedCallback(): void {
    this.#figure = embeddable(this.dataset.figure ?? "");
    this.#status = this.querySelector("[data-share-status]");
    this.#fallback = this.querySelector("[data-share-fallback]");
    if (!this.#figure) return;
    for (const el of this.querySelectorAll<HTMLElement>("[data-share-js]")) el.hidden = false;
    this.addEventListener("click", this.#onClick);
  }

  disconnectedCallback(): void {
    this.removeEventListener("click", this.#onClick);
  }

  #onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-action]");
    if (!button || !this.contains(button)) return;
    void this.#run(button.dataset.action ?? "", button);
  };

  async #run(action: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      switch (action) {
        case "copy-link":
          return await this.#copy(this.#pageLink(), "Link copied.");
        case "copy-iframe":
          return await this.#copy(
            iframeSnippet(this.#figure!, this.dataset.title ?? "", this.#embedUrl()),
            "Iframe snippet copied.",
          );
        case "copy-element":
          return await this.#copy(this.#elementSnippet(), "Web component snippet copied.");
        case "svg":
          return await this.#downloadSvg();
        case "png-slide":
          return await this.#downloadPng("slide");
        case "png-2x":
          return await this.#downloadPng("2x");
        case "offline":
          return await this.#downloadOffline();
        case "pdf":
          window.open(this.#embedUrl({ print: "1", controls: "0", animate: "0" }), "_blank");
          return this.#say("Opened with the print dialog: choose Save as PDF for a vector PDF of this view.");
        case "pgfplots":
          return await this.#copy(
            (await pgfplotsExport()).pgfplotsForView(this.#state()),
            "PGFPlots code copied: paste it into a LaTeX or Beamer document with \\usepackage{pgfplots}.",
          );
      }
    } catch (error) {
      this.#say(`That did not work: ${error instanceof Error ? error.message : "unknown error"}.`);
    } finally {
      button.disabled = false;
    }
  }

  #say(text: string): void {
    if (this.#status) this.#status.textContent = text;
  }

  /** The figure's own parameters from the page URL (only the names it owns, nothing else). */
  #state(): URLSearchParams {
    flushUrlWrites();
    return figureQuery(this.#figure!, location.search);
  }

  #pageLink(): string {
    flushUrlWrites();
    const url = new URL(location.href);
    // The panel sits beside its <figure> inside the figure's element (a figure's caption must be its last child).
    const figureId = (
      this.closest("figure") ?? this.closest(".live-figure, [data-share-scope]")?.querySelector("figure")
    )?.id;
    if (figureId) url.hash = figureId;
    return url.href;
  }

  #embedUrl(presentation: Record<string, string> = {}): string {
    const url = new URL(this.dataset.embedPath ?? "", location.href);
    const query = this.#state();
    for (const [name, value] of Object.entries(presentation)) query.set(name, value);
    url.search = query.toString();
    return url.href;
  }

  #elementAttributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (const [name, value] of this.#state()) attributes[ATTRIBUTE_FOR_PARAM[name] ?? name] = value;
    return attributes;
  }

  #elementSnippet(): string {
    const moduleUrl = new URL(this.dataset.modulePath ?? "", location.href).href;
    return webComponentSnippet(this.#figure!, moduleUrl, this.#elementAttributes());
  }

  async #downloadOffline(): Promise<void> {
    const scriptUrl = new URL(this.dataset.classicPath ?? "", location.href).href;
    const html = await (
      await offlineExport()
    ).offlineHtml(this.#figure!, this.dataset.title ?? "", this.#elementAttributes(), scriptUrl, this.#pageLink());
    downloadBlob(`${this.#fileStem()}-offline.html`, "text/html", html);
    this.#say("Offline HTML downloaded: it opens from disk, or as an iframe or background in a local deck.");
  }

  async #copy(text: string, done: string): Promise<void> {
    try {
      await copyText(text);
      this.#say(done);
      if (this.#fallback) this.#fallback.hidden = true;
    } catch {
      // No clipboard permission (an iframe, an old browser): show the text selected, ready for Ctrl+C.
      if (!this.#fallback) throw new Error("the clipboard is not available");
      offerManualCopy(this.#fallback, text);
      this.#say("Press Ctrl+C (⌘C) to copy the selected text.");
    }
  }

  #chart(): SVGSVGElement {
    const scope = this.closest(".live-figure, figure, [data-embed-figure]") ?? document;
    const chart = scope.querySelector<SVGSVGElement>("svg.chart");
    if (!chart) throw new Error("no chart to export");
    return chart;
  }

  #fileStem(): string {
    const parts = [this.#figure!.id];
    for (const [name, value] of this.#state()) parts.push(`${name}-${value.replace(/[^\w.]+/g, "")}`);
    return parts.join("-");
  }

  async #downloadSvg(): Promise<void> {
    const chart = this.#chart();
    const { backgroundOf, standaloneSvg } = await svgExport();
    const text = await standaloneSvg(chart, { background: backgroundOf(chart) });
    downloadBlob(`${this.#fileStem()}.svg`, "image/svg+xml", text);
    this.#say("SVG downloaded.");
  }

  async #downloadPng(size: "slide" | "2x"): Promise<void> {
    const chart = this.#chart();
    const box = chart.getBoundingClientRect();
    const [{ backgroundOf, standaloneSvg }, { svgToPng }] = await Promise.all([svgExport(), pngExport()]);
    const background = backgroundOf(chart);
    let canvas: { width: number; height: number };
    let drawn: { width: number; height: number };
    if (size === "2x") {
      canvas = { width: Math.round(box.width * 2), height: Math.round(box.height * 2) };
      drawn = canvas;
    } else {
      // Fit the chart inside the slide, keeping its shape; the rest is background.
      const scale = Math.min(SLIDE.width / box.width, SLIDE.height / box.height);
      canvas = SLIDE;
      drawn = { width: Math.round(box.width * scale), height: Math.round(box.height * scale) };
    }
    // The SVG is drawn at its final pixel size, so the text is rasterised sharp rather than scaled up.
    const svg = await standaloneSvg(chart, { background, ...drawn });
    const png = await svgToPng(svg, { ...canvas, background });
    downloadBlob(`${this.#fileStem()}-${canvas.width}x${canvas.height}.png`, "image/png", png);
    this.#say(`PNG (${canvas.width} × ${canvas.height}) downloaded.`);
  }
}

defineElement("share-panel", SharePanel);
