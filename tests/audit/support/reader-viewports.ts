/**
 * What a reader on a phone and on a laptop reads, checked on the audit's one
 * visit by resizing the page it already loaded (a reader turning a phone or
 * widening a window meets the same redraw), instead of loading each page
 * again per viewport:
 * - chart text follows the page's type scale (issue #20): on a 390-px phone no
 *   chart text is drawn under 12 px, on a 1440-px laptop none under 14 px;
 * - on the phone, every table's key column (the one that carries the result)
 *   lies inside the viewport, "Show data" tables included, opened as a reader opens them.
 * The pages and tables each check covers are listed here; the audit asserts.
 */
import { expect, type Page } from "@playwright/test";

export const LAPTOP = { name: "laptop", viewport: { width: 1440, height: 900 }, least: 14 } as const;
export const PHONE = { name: "phone", viewport: { width: 390, height: 844 }, least: 12 } as const;
export type Reader = typeof LAPTOP | typeof PHONE;

/** The pages whose chart text is measured (as their labels: "/focal-loss/"). */
export const CHART_TEXT_PAGES = new Set([
  "/what-is-focal-loss/",
  "/why-focal-loss/",
  "/cross-entropy/",
  "/focal-loss/",
  "/ce-versus-fl/",
  "/from-loss-to-detector/",
  "/imbalance-lab/",
  "/final-thoughts/",
  "/figures/",
  "/embed/focal-curves/",
]);

/** Tables whose key columns must lie inside a phone's viewport, by page. */
export const PHONE_TABLES: Record<string, { table: string; key: string[] }[]> = {
  "/ce-versus-fl/": [{ table: ".scenario-table", key: ['[data-col="fl"]', '[data-col="ceOverFl"]'] }],
  "/balanced-cross-entropy/": [{ table: ".loss-budget", key: ['[data-col="share"]'] }],
  "/final-thoughts/": [
    { table: ".ratio-table", key: ['[data-col="fg-ratio"]', '[data-col="bg-ratio"]'] },
    { table: ".focal-star-table", key: ['[data-col="star"]'] },
  ],
  "/imbalance-lab/": [{ table: ".first-step-table", key: ["td:nth-last-child(2)", "td:last-child"] }],
  "/why-focal-loss/": [{ table: "[data-budget-table]", key: ["td:last-child"] }],
  "/scenarios/": [{ table: ".scen-table", key: ['[data-cell="fl"]', '[data-cell="ceOverFl"]'] }],
};

/** Pages all of whose "Show data" tables (the reader's column included) must fit a phone. */
export const PHONE_SHOW_DATA_PAGES = new Set(["/focal-loss/", "/cross-entropy/", "/figures/"]);

/** Resizes the page and waits two frames, so resize observers have run and scheduled their redraws. */
export async function resizeTo(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Brings every visible chart into view once, so each figure wakes and draws at the current size (islands
 * hydrate and figures redraw when visible). In the page itself, two frames per chart scrolled to, so every
 * IntersectionObserver sees it: one round trip instead of two per chart.
 */
export async function wakeEveryChart(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (const chart of document.querySelectorAll("svg:has(text), .budget-bars")) {
      if (!chart.checkVisibility({ checkVisibilityCSS: true })) continue;
      const box = chart.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth) continue;
      chart.scrollIntoView({ block: "nearest", inline: "nearest" });
      await frame();
      await frame();
    }
  });
}

/** Every visible piece of chart text drawn smaller than `least` CSS px (what it says and its size), and how many were measured. */
export function measureChartText(page: Page, least: number): Promise<{ under: string[]; measured: number }> {
  return page.evaluate((least) => {
    const under: string[] = [];
    let measured = 0;
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
    };
    for (const text of document.querySelectorAll<SVGTextElement>("svg text")) {
      if (!text.textContent?.trim() || !shown(text)) continue;
      const m = text.getScreenCTM();
      if (!m) continue;
      const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
      measured++;
      if (px < least - 0.05)
        under.push(`${text.getAttribute("class") ?? "text"} "${text.textContent.trim()}" ${px.toFixed(1)} px`);
    }
    for (const el of document.querySelectorAll(".budget-segment, .budget-row-outside")) {
      if (!el.textContent?.trim() || !shown(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      measured++;
      if (px < least - 0.05) under.push(`${el.className} "${el.textContent.trim()}" ${px.toFixed(1)} px`);
    }
    return { under, measured };
  }, least);
}

export interface CellEdges {
  left: number;
  right: number;
  width: number;
}

/** Every cell's left and right edge, in CSS px, for a key selector in the first table matching `table`. */
export function cellEdges(page: Page, table: string, key: string): Promise<CellEdges[]> {
  return page
    .locator(table)
    .first()
    .evaluate(
      (t, key) =>
        [...t.querySelectorAll(`tbody ${key}`)].map((cell) => {
          const box = cell.getBoundingClientRect();
          return { left: box.left, right: box.right, width: box.width };
        }),
      key,
    );
}

/**
 * Opens the disclosure a table sits in, the way a reader opens it, when it is
 * closed; returns a function that closes it again, so the page goes on as loaded.
 */
export async function openDisclosureOf(page: Page, table: string): Promise<() => Promise<void>> {
  const details = page.locator(`details:has(${table})`).first();
  if (!(await details.count()) || (await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    return async () => {};
  await details.locator("> summary").click();
  await expect(details).toHaveAttribute("open", "");
  return async () => {
    await details.locator("> summary").click();
    await expect(details).not.toHaveAttribute("open", "");
  };
}

/**
 * Each "Show data" table of the page opened in turn once its figure has woken
 * (a click while the figure upgrades can land on a page that is still moving),
 * its body cells' edges read, and closed again.
 */
export async function showDataCells(
  page: Page,
): Promise<{ table: number; cells: { left: number; right: number }[] }[]> {
  const tables = page.locator(".figure-data");
  const count = await tables.count();
  const read: { table: number; cells: { left: number; right: number }[] }[] = [];
  for (let i = 0; i < count; i++) {
    const details = tables.nth(i);
    await details.scrollIntoViewIfNeeded();
    await expect(
      details.locator(
        "xpath=ancestor::*[self::focal-loss-curves or self::modulating-factor-curves or self::logit-loss-gradient][1]",
      ),
    ).toHaveAttribute("data-ready", /.*/);
    await details.locator("summary").click();
    await expect(details.locator("table")).toBeVisible();
    const cells = await details
      .locator("tbody td")
      .evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect()).map((b) => ({ left: b.left, right: b.right })));
    read.push({ table: i, cells });
    await details.locator("summary").click();
    await expect(details.locator("table")).toBeHidden();
  }
  return read;
}
