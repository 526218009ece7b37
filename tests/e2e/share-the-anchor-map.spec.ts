/**
 * A reader rearranges the anchor map and shares it: the panel's link opens the
 * same view (level and boxes), its iframe points at /embed/anchor-map/ with
 * the same state, and the panel offers no SVG or PNG (the map is a canvas).
 */
import { expect, test } from "./support/test";

const PAGE = "/from-loss-to-detector/";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the share panel's link and iframe carry the view, and the link restores it", async ({ page, context }) => {
  await page.goto(PAGE);
  const map = page.locator("anchor-map");
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute("data-ready", "");
  await map.locator('[data-control="level"]').selectOption("p4");
  const ball = map.locator('[data-stage="labels"] [data-box="2"]');
  await ball.focus();
  // Each key moves the box in the next frame: wait for its label to change before the next key, and read it after the last.
  for (const key of ["ArrowRight", "ArrowDown"]) {
    const before = (await ball.getAttribute("aria-label"))!;
    await page.keyboard.press(key);
    await expect(ball).not.toHaveAttribute("aria-label", before);
  }
  const ballLabel = (await ball.getAttribute("aria-label"))!;
  await expect(page).toHaveURL(/anchors\.level=p4/);
  await expect(page).toHaveURL(/anchors\.boxes=/);

  const panel = map.locator(".share-panel");
  await panel.locator("summary").click();
  await expect(panel.locator('[data-action="svg"], [data-action="png-slide"]')).toHaveCount(0);
  await panel.locator('[data-action="copy-link"]').click();
  await expect(panel.locator("[data-share-status]")).toHaveText("Link copied.");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toBe("#anchor-map");
  await panel.locator('[data-action="copy-iframe"]').click();
  await expect(panel.locator("[data-share-status]")).toHaveText("Iframe snippet copied.");
  const iframe = await page.evaluate(() => navigator.clipboard.readText());
  expect(iframe).toMatch(/<iframe[^>]+src="[^"]*\/embed\/anchor-map\/\?[^"]*anchors\.level=p4/);

  const other = await context.newPage();
  await other.goto(link);
  const restored = other.locator("anchor-map");
  await restored.scrollIntoViewIfNeeded();
  await expect(restored).toHaveAttribute("data-ready", "");
  await expect(restored.locator('[data-control="level"]')).toHaveValue("p4");
  await expect(restored.locator('[data-stage="labels"] [data-box="2"]')).toHaveAttribute("aria-label", ballLabel);
});

test("/embed/anchor-map/ shows the map alone, in the state its URL gives", async ({ page }) => {
  await page.goto("/embed/anchor-map/?anchors.level=p5&anchors.boxes=100.100.200.200.1");
  await page.waitForSelector("html[data-ready='true']");
  await expect(page.locator("anchor-map")).toHaveCount(1);
  await expect(page.locator(".site-header")).toHaveCount(0);
  await expect(page.locator('anchor-map [data-control="level"]')).toHaveValue("p5");
  await expect(page.locator('anchor-map [data-summary="assignment"]')).toContainText("box 1 (dog)");
});
