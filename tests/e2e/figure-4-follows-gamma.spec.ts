/**
 * A reader moves γ beside the paper's Figure 4 on the detector chapter: the
 * curve in the reader's colour is redrawn for that γ while Figure 4's own
 * curves stay, the legend and the table say which γ it is, and the anchor
 * map, which shares the γ, follows.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";

/** The chapter at `query`, scrolled to Figure 4 once it has woken: the figure and its negatives' chart. */
async function openFigure4(page: Page, query = "") {
  await page.goto(`/from-loss-to-detector/${query}`);
  const figure = page.locator("detector-loss-cdf");
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-ready", "");
  return { figure, negatives: figure.locator('svg[data-cdf="negatives"]') };
}

test("moving γ redraws the reader's loss CDF and nothing else", async ({ page }) => {
  const { figure, negatives } = await openFigure4(page);
  const readerPath = () => negatives.locator("path.is-reader").getAttribute("d");
  const referencePath = () => negatives.locator("path.gamma-2").getAttribute("d");
  const before = await readerPath();
  const reference = await referencePath();
  // The default γ is 2: the reader's curve is Figure 4's γ = 2 curve.
  expect(before).toBe(reference);

  await figure.locator('input[data-control="gamma"]').fill("0.5");
  await expect(figure.locator('[data-legend="gamma"]')).toHaveText("0.5");
  await expect.poll(readerPath).not.toBe(before);
  // At γ = 0.5 the curve is Figure 4's γ = 0.5 curve, computed the same way.
  await expect.poll(readerPath).toBe(await negatives.locator("path.gamma-05").getAttribute("d"));
  expect(await referencePath()).toBe(reference);
  await expect(figure.locator('tbody[data-table="cdf"] tr.is-reader th')).toHaveText("0.5 (yours)");

  await figure.locator('input[data-control="gamma"]').fill("3.7");
  await expect(figure.locator('tbody[data-table="cdf"] tr')).toHaveCount(5);
  await expect(figure.locator('tbody[data-table="cdf"] tr.is-reader th')).toHaveText("3.7 (yours)");
  await expect(page).toHaveURL(/anchors\.gamma=3\.7/);
  const map = page.locator("anchor-map");
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute("data-ready", "");
  await expect(map.locator('[data-output="gamma"]')).toHaveText("3.7");
});

test("a link's γ is drawn as the figure wakes, without a move from the reader", async ({ page }) => {
  // The default view is the build's drawing; any other view is worked out when the figure wakes.
  const { figure, negatives } = await openFigure4(page, "?anchors.gamma=0.5");
  await expect(figure.locator('[data-legend="gamma"]')).toHaveText("0.5");
  expect(await negatives.locator("path.is-reader").getAttribute("d")).toBe(
    await negatives.locator("path.gamma-05").getAttribute("d"),
  );
  await expect(figure.locator('tbody[data-table="cdf"] tr.is-reader th')).toHaveText("0.5 (yours)");
});
