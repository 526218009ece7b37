/**
 * A teacher on the deck's last slide clicks into the live background chart
 * (to point at it, or to drag γ), then presses the clicker's keys: the slides
 * still move. A key a control in the chart really uses (the focused γ slider
 * stepping with the arrows) stays with it until Escape hands the keys back,
 * in the background iframe and in the web component on the deck's own page.
 */
import { expect, test, type Page } from "@playwright/test";

const currentSlide = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".reveal .slides > section")].findIndex((s) => s.classList.contains("present")),
  );

test.use({ viewport: { width: 1920, height: 1080 } });

async function openLastSlide(page: Page) {
  // Walked to, as a presenter does (reveal.js loads a background iframe as its slide comes near).
  await page.goto("/deck/");
  await expect(page.locator(".reveal.ready")).toBeAttached();
  await page.keyboard.press("End");
  await expect.poll(() => currentSlide(page)).toBe(4);
  const chart = page.frameLocator(".backgrounds .slide-background.present iframe");
  await expect(chart.locator("html[data-ready='true']")).toBeAttached({ timeout: 15_000 });
  return chart;
}

test.describe("a presenter keeps the deck's keys after clicking the live chart", () => {
  test("after a click on the plot, the arrow keys and a clicker's PageUp/PageDown change slides", async ({ page }) => {
    const chart = await openLastSlide(page);
    await chart
      .locator("svg.chart")
      .first()
      .click({ position: { x: 600, y: 400 } });
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => currentSlide(page)).toBe(3);
    await page.keyboard.press("PageDown");
    await expect.poll(() => currentSlide(page)).toBe(4);

    // Once more after dragging γ with the mouse: the click leaves no control holding the keys.
    const slider = chart.locator("input[type=range]").first();
    await slider.click();
    await page.keyboard.press("PageUp");
    await expect.poll(() => currentSlide(page)).toBe(3);
  });

  test("a γ slider reached with the keyboard keeps its arrows; Escape gives them back to the deck", async ({
    page,
  }) => {
    const chart = await openLastSlide(page);
    const slider = chart.locator("input[type=range]").first();
    await slider.focus();
    const before = await slider.inputValue();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => slider.inputValue()).not.toBe(before);
    expect(await currentSlide(page)).toBe(4);

    await page.keyboard.press("Escape");
    await expect(slider).not.toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => currentSlide(page)).toBe(3);
  });

  test("on the web component's slide, a focused γ slider keeps its arrows and Escape gives them back", async ({
    page,
  }) => {
    await page.goto("/deck/#/2");
    await expect(page.locator(".reveal.ready")).toBeAttached();
    await expect.poll(() => currentSlide(page)).toBe(2);
    const element = page.locator(".present focal-loss-curves");
    await expect(element).toHaveAttribute("data-ready", /.*/);
    const slider = element.locator('input[data-control="gamma"]');
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(element).toHaveAttribute("gamma", "1.1");
    // reveal.js cannot see a slider inside a shadow root: without the element keeping the key, the slide moved too.
    expect(await currentSlide(page)).toBe(2);

    await page.keyboard.press("Escape");
    await expect(slider).not.toBeFocused();
    // Escape handed the keys back and did not open reveal.js's overview.
    await expect(page.locator(".reveal.overview")).toHaveCount(0);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => currentSlide(page)).toBe(1);

    // After dragging γ with the mouse the next key is the deck's.
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlide(page)).toBe(2);
    await slider.click();
    await page.keyboard.press("PageDown");
    await expect.poll(() => currentSlide(page)).toBe(3);
  });
});
