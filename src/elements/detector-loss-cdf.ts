/**
 * <detector-loss-cdf>: the paper's Figure 4 on the chapter's image, live. It
 * shares the anchors.* state with the anchor map (the page's store), so its
 * curves follow the reader's boxes, and its γ slider is the map's γ: moving
 * either draws the reader's curve over Figure 4's reference ones. The sort
 * behind the curves waits until the reader pauses.
 *
 * The build drew the default view. Working it out again in the browser (every
 * anchor labelled, every loss term sorted: about 250 ms of main thread on a
 * laptop) is put off until the view is not the default, or the reader's
 * pointer or focus comes to the figure, so a reader who only scrolls past it
 * does not pay for it.
 */
import { sharedDetectorSetup } from "../lib/detector/detector-view";
import { cdfTableRows } from "../lib/detector/anchor-map-tables";
import { shareText } from "../lib/detector/describe";
import { LiveLossCdf } from "../lib/detector/live-loss-cdf";
import { shareOfHardest } from "../lib/detector/loss-map";
import { ANCHOR_MAP_STATE, DEFAULT_ANCHOR_MAP_STATE, type AnchorMapState } from "../lib/state/anchor-map-state";
import { formatNumber } from "../lib/text/format";
import { LOSS_CDF_FRAME, renderLossCdf } from "../charts/loss-cdf";
import { defineElement } from "./define-element";
import { afterQuiet, frameCoalescer, whenNearViewport } from "./frame";
import { pageStore, type Store } from "./page-store";
import { trainedLossCdfs } from "./trained-scene-source";
import { writeTableRows } from "./table-rows";

class DetectorLossCdfElement extends HTMLElement {
  private store: Store<AnchorMapState> | undefined;
  private cdf: LiveLossCdf | undefined;
  private readonly redraw = afterQuiet(120, () => this.draw());
  private readonly syncControls = frameCoalescer(() => this.showGamma());

  connectedCallback(): void {
    if (this.store) return;
    whenNearViewport(this, () => this.init());
  }

  private init(): void {
    const store = pageStore(ANCHOR_MAP_STATE);
    this.store = store;
    this.querySelector<HTMLInputElement>('input[data-control="gamma"]')?.addEventListener("input", (e) =>
      store.update({ gamma: Number((e.target as HTMLInputElement).value) }, this),
    );
    store.subscribe(() => {
      this.syncControls();
      this.redraw();
    });
    if (!ANCHOR_MAP_STATE.equals(store.state, DEFAULT_ANCHOR_MAP_STATE)) this.draw();
    else
      for (const type of ["pointerenter", "focusin"])
        this.addEventListener(type, () => this.liveCdf(), { once: true, passive: true });
    this.dataset.ready = "";
  }

  /** The anchors, labels and sorted loss terms behind the curves, worked out on first need. */
  private liveCdf(): LiveLossCdf {
    if (!this.cdf) {
      const { boxes, gamma } = this.store!.state;
      this.cdf = new LiveLossCdf(sharedDetectorSetup());
      // The sort, now: the draw that follows a pause then costs one pass over the terms.
      this.cdf.update(boxes, gamma);
    }
    return this.cdf;
  }

  private showGamma(): void {
    const gamma = this.store!.state.gamma;
    const text = formatNumber(gamma, { notation: "fixed", digits: 1 });
    for (const el of this.querySelectorAll('[data-output="gamma"], [data-legend="gamma"]'))
      if (el.textContent !== text) el.textContent = text;
    const input = this.querySelector<HTMLInputElement>('input[data-control="gamma"]');
    if (input && document.activeElement !== input && input.value !== String(gamma)) input.value = String(gamma);
  }

  private draw(): void {
    const { boxes, gamma } = this.store!.state;
    // With the trained detector's scores (the anchor map's choice) the curves are that scene's.
    const trained = trainedLossCdfs(this.store!.state, () => this.redraw());
    if (trained === "loading") return;
    const { reference, reader } = trained ?? this.liveCdf().update(boxes, gamma);
    for (const pick of ["positives", "negatives"] as const) {
      const svg = this.querySelector<SVGSVGElement>(`svg[data-cdf="${pick}"]`);
      if (!svg) continue;
      const series = [
        ...reference.map((c) => ({ gamma: c.gamma, points: c[pick] })),
        { gamma, points: reader[pick], reader: true },
      ];
      renderLossCdf(svg, series, pick, LOSS_CDF_FRAME);
      // The scene's root is the lab's "lab-chart"; this chapter's stylesheet styles the same chart as "detector-chart".
      svg.setAttribute("class", "detector-chart");
    }
    const isReference = reference.some((c) => c.gamma === gamma);
    const tbody = this.querySelector<HTMLTableSectionElement>('tbody[data-table="cdf"]');
    if (tbody) writeTableRows(tbody, cdfTableRows(isReference ? reference : [...reference, reader], gamma));
    const summary = this.querySelector('[data-summary="cdf"]');
    if (summary)
      summary.textContent = `At your γ = ${formatNumber(gamma, { notation: "fixed", digits: 1 })} the hardest 1% of the negatives carry ${shareText(shareOfHardest(reader.negatives, 0.01))} of their loss, the hardest 20% of the positives ${shareText(shareOfHardest(reader.positives, 0.2))} of theirs.`;
    this.showGamma();
  }
}

defineElement("detector-loss-cdf", DetectorLossCdfElement);
