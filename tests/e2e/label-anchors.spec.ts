/**
 * A reader labels RetinaNet's anchors on the detector chapter's picture: drags
 * and nudges a box, sees the counts and the map change, shares the view by its
 * URL, survives a broken link, and reads the default numbers with JavaScript off.
 * Written for @playwright/test (baseURL set by its config).
 *
 * The tests with JavaScript share one page, in order, each loading its address
 * afresh on it with the pointer parked where a new page has it.
 */
import { expect, test, type Page } from "@playwright/test";
import { watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";

const PAGE = "/from-loss-to-detector/";
const summary = (page: Page) => page.locator('anchor-map [data-summary="assignment"]');

// As the page fixture's context: no reduced-motion emulation.
const shared = sharedPage((browser) => watchedPage(browser, { reducedMotion: "no-preference" }));

async function ready(page: Page, query = ""): Promise<void> {
  await page.mouse.move(0, 0);
  await page.goto(`${PAGE}${query}`);
  const map = page.locator("anchor-map");
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute("data-ready", "");
}

test("dragging the dog's box changes the counts and the map", async () => {
  const { page } = shared.current;
  await ready(page);
  const before = await summary(page).innerText();
  const canvas = page.locator('[data-stage="labels"] canvas');
  const pixelsBefore = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const dog = page.locator('[data-stage="labels"] [data-box="1"] .gt-rect');
  const box = (await dog.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 160, { steps: 8 });
  await page.mouse.up();
  await expect(summary(page)).not.toHaveText(before);
  expect(await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(pixelsBefore);
  await expect(page).toHaveURL(/anchors\.boxes=/);
});

test("the corner square resizes a box, following the pointer off the square", async () => {
  const { page } = shared.current;
  await ready(page);
  const dog = page.locator('[data-stage="labels"] [data-box="1"]');
  const size = async () => {
    const m = /(\d+) by (\d+) pixels at \((\d+), (\d+)\)/.exec((await dog.getAttribute("aria-label")) ?? "");
    expect(m).not.toBeNull();
    return m!.slice(1).map(Number);
  };
  const [w, h, x, y] = await size();
  const handle = (await dog.locator("[data-handle]").boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  // Up and left (the bottom-right corner sits on the image's edge), off the square at once.
  await page.mouse.move(handle.x - 60, handle.y - 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(size).not.toEqual([w, h, x, y]);
  const [w2, h2, x2, y2] = await size();
  expect([x2, y2]).toEqual([x, y]);
  expect(w2).toBeLessThan(w! - 20);
  expect(h2).toBeLessThan(h! - 10);
});

test("a box dragged off the picture follows the pointer to the picture's edge", async () => {
  const { page } = shared.current;
  await ready(page);
  const dog = page.locator('[data-stage="labels"] [data-box="1"]');
  const overlay = (await page.locator('[data-stage="labels"] [data-overlay]').boundingBox())!;
  const box = (await dog.locator(".gt-rect").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Out past the overlay's left edge: the moves there still belong to the drag.
  await page.mouse.move(overlay.x - 150, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(dog).toHaveAttribute("aria-label", /pixels at \(0, \d+\)/);
});

test("arrow keys move a focused box and Shift + arrows resize it", async () => {
  const { page } = shared.current;
  await ready(page);
  const ball = page.locator('[data-stage="labels"] [data-box="2"]');
  await ball.focus();
  const label = await ball.getAttribute("aria-label");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator('[data-stage="labels"] [data-box="2"]')).toBeFocused();
  await expect(page.locator('[data-stage="labels"] [data-box="2"]')).not.toHaveAttribute("aria-label", label!);
  await page.keyboard.press("Shift+ArrowDown");
  await expect(page.locator('[data-stage="labels"] [data-box="2"]')).toHaveAttribute("aria-label", /26 by 34 pixels/);
});

test("the URL restores the view, and bad values fall back with no error", async () => {
  const { page } = shared.current;
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await ready(page, "?anchors.level=p5&anchors.loss=ce&anchors.boxes=100.100.200.200.1");
  await expect(page.locator('[data-control="level"]')).toHaveValue("p5");
  await expect(page.locator('[data-control="loss"]')).toHaveValue("ce");
  await expect(summary(page)).toContainText("box 1 (dog)");
  await ready(page, "?anchors.level=p9&anchors.gamma=NaN&anchors.boxes=<script>&anchors.alpha=7");
  await expect(page.locator('[data-control="level"]')).toHaveValue("all");
  await expect(summary(page)).toContainText("box 4 (person)");
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("shows the default image and the counts per level", async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('[data-stage="labels"] img[data-cells]')).toBeVisible();
    await expect(page.locator('[data-table="levels"] tr')).toHaveCount(6);
    await expect(page.locator('[data-table="levels"]')).toContainText("80,640");
    await expect(summary(page)).toContainText("107,415 anchors");
  });
});
