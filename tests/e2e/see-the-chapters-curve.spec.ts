/**
 * Each chapter highlights the curve it is about (issue #20): on /cross-entropy/
 * the thick curve is cross-entropy (γ = 0), with the reader's focal-loss curve
 * thinner beside it; on /focal-loss/ the reader's own curve is the thick one.
 */
import { expect, test, type Page } from "@playwright/test";

/** The drawn stroke width of a curve of the first live focal-curves figure, once it has woken. */
async function strokeWidth(page: Page, curve: string): Promise<number> {
  const figure = page.locator("focal-loss-curves").first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-ready");
  return figure
    .locator(`svg.chart path.curve.${curve}`)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth));
}

test("on /cross-entropy/ cross-entropy is the thick curve, the reader's focal loss thinner", async ({ page }) => {
  await page.goto("/cross-entropy/");
  expect(await strokeWidth(page, "curve-g0")).toBeGreaterThan(await strokeWidth(page, "is-reader"));
});

test("on /focal-loss/ the reader's curve is the thick one", async ({ page }) => {
  await page.goto("/focal-loss/");
  expect(await strokeWidth(page, "is-reader")).toBeGreaterThan(await strokeWidth(page, "curve-g0"));
});
