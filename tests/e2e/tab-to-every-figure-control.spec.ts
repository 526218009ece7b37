/**
 * A keyboard reader tabs down /focal-loss/ from the top: every control of
 * the figure is on the way, although the figure has not woken yet (it wakes
 * when a control takes focus), and the keys work at once.
 */
import { test, expect } from "@playwright/test";

test.use({ viewport: { width: 1280, height: 720 } });

test("tabbing down the chapter reaches the γ slider, the α switch and the α slider, and they work", async ({
  page,
}) => {
  await page.goto("/focal-loss/");
  const figure = page.locator("focal-loss-curves").first();
  // Below the fold the figure has not woken, but its controls are already enabled.
  await expect(figure).not.toHaveAttribute("data-ready");
  for (const control of await figure.locator("input[data-control]").all()) await expect(control).toBeEnabled();

  const gamma = figure.locator('input[data-control="gamma"]');
  for (let tabs = 0; tabs < 300 && !(await gamma.evaluate((el) => el === document.activeElement)); tabs++)
    await page.keyboard.press("Tab");
  await expect(gamma).toBeFocused();
  await expect(figure).toHaveAttribute("data-ready");
  await page.keyboard.press("ArrowRight");
  await expect(figure.locator('output[data-output="gamma"]')).toHaveText("2.1");

  await page.keyboard.press("Tab");
  await expect(figure.locator('input[data-control="alpha-on"]')).toBeFocused();
  await page.keyboard.press("Space");
  await expect(figure.locator('output[data-output="alpha"]')).toHaveText("0.25");

  await page.keyboard.press("Tab");
  await expect(figure.locator('input[data-control="alpha"]')).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(figure.locator('output[data-output="alpha"]')).toHaveText("0.26");
});
