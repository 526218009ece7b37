/**
 * A reader uses a control and sees what it does without scrolling away from it (#20): in the
 * lab, Train and the training-loss chart share the screen on a laptop and, once the reader
 * scrolls to the charts, on a phone (the Train bar sticks under the header); on a phone the loss
 * calculator's inputs and its four results fit one screen; a phone shows the bar charts on their
 * side with their text at the page's size.
 */
import { expect, test, workerBrowser } from "./support/test";
import type { Locator, Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";

const browser = workerBrowser();

/** Whether the whole of the element's box is inside the viewport (and not behind the sticky site header). */
async function fullyOnScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const header = await page.locator(".site-header").boundingBox();
  const viewport = page.viewportSize()!;
  if (!box) return false;
  const top = header ? header.y + header.height : 0;
  return (
    box.y >= top - 1 &&
    box.y + box.height <= viewport.height + 1 &&
    box.x >= 0 &&
    box.x + box.width <= viewport.width + 1
  );
}

test.describe("a control and its result share the screen", () => {
  test("laptop 1440×900: the lab's Train button and its training-loss chart are on screen together", async () => {
    const { page, context } = await watchedPage(browser.current, { viewport: { width: 1440, height: 900 } });
    await page.goto(siteUrl("imbalance-lab/"));
    const train = page.locator("imbalance-lab [data-action=play]");
    await train.scrollIntoViewIfNeeded();
    await page.locator("imbalance-lab .figure-title").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -80));
    await expect.poll(() => fullyOnScreen(page, train)).toBe(true);
    expect(await fullyOnScreen(page, page.locator("imbalance-lab [data-chart=loss]"))).toBe(true);
    await context.close();
  });

  test("phone 390×844: scrolled down to the training-loss chart, Train is still on screen above it", async () => {
    const { page, context } = await watchedPage(browser.current, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(siteUrl("imbalance-lab/"));
    const chart = page.locator("imbalance-lab [data-chart=loss]");
    await chart.evaluate((e) => e.scrollIntoView({ block: "center" }));
    const train = page.locator("imbalance-lab [data-action=play]");
    await expect.poll(() => fullyOnScreen(page, train)).toBe(true);
    expect(await fullyOnScreen(page, chart)).toBe(true);
    // The bar is above the chart, not over it.
    const bar = (await page.locator("imbalance-lab .lab-bar").boundingBox())!;
    const plot = (await chart.boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(plot.y + 1);
    await context.close();
  });

  test("phone 390×844: the calculator's γ input and its FL result fit one screen", async () => {
    const { page, context } = await watchedPage(browser.current, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await page.goto(siteUrl("calculator/"));
    await page.locator("loss-calculator").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -70));
    await expect.poll(() => fullyOnScreen(page, page.locator("loss-calculator [data-input=p]"))).toBe(true);
    expect(await fullyOnScreen(page, page.locator("loss-calculator [data-input=gamma]"))).toBe(true);
    expect(await fullyOnScreen(page, page.locator("loss-calculator [data-result=fl]"))).toBe(true);
    await context.close();
  });

  test("phone 390×844: a bar chart's labels and values are at least 12 px and inside the column", async () => {
    const { page, context } = await watchedPage(browser.current, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await page.goto(siteUrl("final-thoughts/"));
    const chart = page.locator("svg.bar-chart-rows").first();
    await expect(chart).toBeVisible();
    await expect(page.locator("svg.bar-chart-columns").first()).toBeHidden();
    const texts = await chart.evaluate((svg: SVGSVGElement) =>
      [...svg.querySelectorAll("text")].map((t) => {
        const box = t.getBoundingClientRect();
        const scale = t.getScreenCTM()!.a;
        return { size: parseFloat(getComputedStyle(t).fontSize) * scale, right: box.right, left: box.left };
      }),
    );
    expect(texts.length).toBeGreaterThan(7);
    for (const t of texts) {
      expect(t.size).toBeGreaterThanOrEqual(11.9);
      expect(t.left).toBeGreaterThanOrEqual(0);
      expect(t.right).toBeLessThanOrEqual(390);
    }
    await context.close();
  });
});
