/** Helpers for the live-figure tests: open a page and wait for its figures to upgrade, read what a reader sees. */
import type { Locator, Page } from "playwright-core";
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

/** Waits two animation frames, so a coalesced redraw has happened. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
}

/** The page's query parameters once the figure store has written them (it waits for a drag to settle). */
export async function settledParams(page: Page, expected: Record<string, string>): Promise<Record<string, string>> {
  const read = () => Object.fromEntries(new URL(page.url()).searchParams);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && JSON.stringify(read()) !== JSON.stringify(expected)) await page.waitForTimeout(50);
  return read();
}
