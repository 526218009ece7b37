/**
 * Chart text follows the page's type scale (issue #20): on a 390-px phone no
 * chart text is drawn under 12 px, on a 1440-px laptop none under 14 px. Every
 * chart on the page is measured as shown, after its figure has woken and drawn
 * at its own size: ticks, axis titles, legends and their readouts, band and
 * worked-example labels, bar labels and values, the lab's and the detector
 * chapter's charts, the anchor map's box names, and the loss-budget bars'
 * shares (HTML, not SVG).
 */
import { expect, test, type Page } from "@playwright/test";

const PAGES = [
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
];

const READERS = [
  { name: "phone", viewport: { width: 390, height: 844 }, least: 12 },
  { name: "laptop", viewport: { width: 1440, height: 900 }, least: 14 },
];

/** Brings every chart into view once, so each figure wakes (islands hydrate when visible) and draws. */
async function wakeEveryChart(page: Page) {
  const charts = page.locator("svg:has(text), .budget-bars");
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    if (await chart.isVisible()) await chart.scrollIntoViewIfNeeded();
  }
}

/** Every visible piece of chart text drawn smaller than `least` CSS px (what it says and its size), and how many were measured. */
function measureText(page: Page, least: number) {
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

for (const reader of READERS) {
  test.describe(`on a ${reader.name}, no chart text is under ${reader.least} px`, () => {
    test.use({ viewport: reader.viewport });
    for (const path of PAGES) {
      test(path, async ({ page }) => {
        await page.goto(path);
        await wakeEveryChart(page);
        // Live figures redraw at their own size (and text scale) once awake: wait for that state, not for time.
        await expect.poll(async () => (await measureText(page, reader.least)).under).toEqual([]);
        // Something was measured: the page's charts have text at all.
        expect((await measureText(page, reader.least)).measured).toBeGreaterThan(0);
      });
    }
  });
}
