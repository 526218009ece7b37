/** Helpers for the live-figure tests: open a page and wait for its figures to upgrade, read what a reader sees. */
import type { Locator, Page } from "@playwright/test";
import { siteUrl } from "./browser";

export const GALLERY = "figures/";

/** Opens a page and waits until the first live figure of that tag has upgraded and drawn. */
export async function openFigure(page: Page, path = GALLERY, tag = "focal-loss-curves"): Promise<Locator> {
  await page.goto(siteUrl(path), { waitUntil: "load" });
  const figure = page.locator(tag).first();
  await figure.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${tag}[data-ready]`);
  return figure;
}

/** The text of the legend row of a curve ("reader", "g0", ...): its label and, with a crosshair, its value. */
export async function legendRow(figure: Locator, key: string): Promise<{ label: string; value: string }> {
  const row = figure.locator(`.legend [data-key="${key}"]`);
  return {
    label: (await row.locator('[data-key="label"]').textContent()) ?? "",
    value: (await row.locator('[data-key="value"]').textContent()) ?? "",
  };
}

/** The `d` of a curve's path. */
export async function curveD(figure: Locator, key: string): Promise<string> {
  return (await figure.locator(`.curves path[data-key="${key}"]`).getAttribute("d")) ?? "";
}

/** Lets the page render `count` animation frames (two by default: a coalesced redraw has happened). */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((ok) => {
        let left = n;
        const frame = () => (--left <= 0 ? ok() : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      }),
    count,
  );
}

/**
 * The page's query parameters as the page itself sees them (page.url() learns
 * of history.replaceState late); poll it: the figure store writes them once a drag settles.
 */
export async function searchParams(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
}

/**
 * Scrolls an element to the middle of the viewport and lets that scroll be laid out, before a test
 * measures it for the pointer: scrolled only "into view", it can sit under the sticky site header,
 * which would then take the pointer.
 */
export async function centreForPointer(target: Locator): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await nextFrames(target.page());
}
