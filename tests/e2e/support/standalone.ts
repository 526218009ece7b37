/**
 * What a standalone figure element drew, read through its shadow root, and the
 * reader's curve the site's own chart function draws for the same state, so a
 * test of any page that hosts the element (a plain page, a deck on another
 * origin, a file opened from disk) compares against the chart code itself.
 */
import type { FrameLocator, Locator } from "@playwright/test";
import { focalCurvesScene } from "../../../src/charts/focal-curves";
import type { SvgNode } from "../../../src/charts/scene";
import { focalCurvesData } from "../../../src/lib/views/figure-data";
import { parseFigureState } from "../../../src/lib/state/state";

export function findNode(n: SvgNode, test: (n: SvgNode) => boolean): SvgNode | undefined {
  if (test(n)) return n;
  for (const child of n.children ?? []) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return undefined;
}

/** What the element drew: its size, the reader's path and legend text, read through its shadow root. */
export function drawn(page: { locator(selector: string): Locator } | FrameLocator, selector = "focal-loss-curves") {
  return page.locator(selector).evaluate((el) => {
    const svg = el.shadowRoot!.querySelector("svg.chart")!;
    return {
      width: Number(svg.getAttribute("width")),
      height: Number(svg.getAttribute("height")),
      curves: svg.querySelectorAll("path.curve").length,
      readerPath: svg.querySelector("path.curve.is-reader")?.getAttribute("d") ?? null,
      readerLabel: svg.querySelector(".legend-row.is-reader .legend-label")?.textContent ?? null,
      readerStroke: getComputedStyle(svg.querySelector("path.curve.is-reader")!).stroke,
      background: getComputedStyle(el).backgroundColor,
    };
  });
}

/** The reader's path the site's own chart function draws for these attributes at this size. */
export function expectedReaderPath(query: string, width: number, height: number): string {
  const state = parseFigureState(query);
  const scene = focalCurvesScene(focalCurvesData(state), {
    width,
    height,
    yScale: state.yScale,
    crosshair: null,
    examples: [],
  });
  return String(findNode(scene, (n) => n.tag === "path" && String(n.attrs?.class).includes("is-reader"))!.attrs!.d);
}
