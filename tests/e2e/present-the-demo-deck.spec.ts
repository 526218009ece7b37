/**
 * A teacher opens the demo deck and presents it: reveal.js from the site, the
 * keyboard moves between slides, and each way of showing a figure works on
 * its slide (iframe embed, web component, exported SVG, background iframe).
 */
import { expect, test, workerBrowser } from "./support/test";
import type { Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";

const browser = workerBrowser();

const currentSlide = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".reveal .slides > section")].findIndex((s) => s.classList.contains("present")),
  );

test.describe("the demo deck", () => {
  test("advances and goes back with the keyboard, and every slide's figure shows", async () => {
    const { page, context, problems, foreignRequests } = await watchedPage(browser.current, {
      viewport: { width: 1440, height: 900 },
    });
    await page.goto(siteUrl("deck/"));
    await page.waitForSelector(".reveal.ready");
    expect(await currentSlide(page)).toBe(0);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlide(page)).toBe(1);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#/1"); // page.url() can lag behind reveal.js's hash update
    // The iframe embed on slide 2 finished drawing its figure.
    const frame = page.frameLocator(".present iframe.deck-frame");
    await frame.locator("html[data-ready='true']").waitFor({ timeout: 15_000 });
    expect(await frame.locator("svg.chart path.curve").count()).toBeGreaterThanOrEqual(6);

    await page.keyboard.press("Space");
    await expect.poll(() => currentSlide(page)).toBe(2);
    await page.waitForSelector(".present focal-loss-curves[data-ready]");
    expect(
      await page
        .locator(".present focal-loss-curves")
        .evaluate((el) => el.shadowRoot!.querySelectorAll("path.curve").length),
    ).toBe(6);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlide(page)).toBe(3);
    const image = page.locator(".present img.deck-image");
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlide(page)).toBe(4);
    const background = page.frameLocator(".backgrounds .slide-background.present iframe");
    await background.locator("html[data-ready='true']").waitFor({ timeout: 15_000 });

    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => currentSlide(page)).toBe(3);
    await page.keyboard.press("Home");
    await expect.poll(() => currentSlide(page)).toBe(0);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
