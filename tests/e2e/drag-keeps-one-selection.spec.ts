/**
 * A reader drags one box after another on the anchor map (and mixes the
 * keyboard in): only the box last pressed or focused is highlighted, in both
 * panels, and it is the box the arrow keys then move.
 */
import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";

const PAGE = "/from-loss-to-detector/";

async function ready(page: Page): Promise<void> {
  await page.goto(PAGE);
  const map = page.locator("anchor-map");
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute("data-ready", "");
}

async function dragBox(page: Page, index: number, dx: number): Promise<void> {
  const rect = page.locator(`[data-stage="labels"] [data-box="${index}"] .gt-rect`);
  const box = (await rect.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
}

async function expectOnlySelected(page: Page, index: number): Promise<void> {
  for (const stage of ["labels", "loss"]) {
    const selected = page.locator(`[data-stage="${stage}"] .gt-box.is-selected`);
    await expect(selected, `${stage}: one box selected`).toHaveCount(1);
    await expect(selected, `${stage}: the box dragged last, ${index}, is the one selected`).toHaveAttribute(
      "data-box",
      String(index),
    );
  }
}

test("dragging box after box leaves exactly one box selected, the one dragged last", async ({ page }) => {
  await ready(page);
  for (const index of [1, 0, 3, 1]) {
    await dragBox(page, index, 24);
    await expectOnlySelected(page, index);
    await expect(page.locator(`[data-stage="labels"] [data-box="${index}"]`)).toBeFocused();
  }
});

test("after the keyboard focused one box, dragging another moves the selection, the focus and the arrow keys to it", async ({
  page,
}) => {
  await ready(page);
  const ball = page.locator('[data-stage="labels"] [data-box="2"]');
  await ball.focus();
  await expectOnlySelected(page, 2);
  const ballLabel = (await ball.getAttribute("aria-label"))!;
  await dragBox(page, 0, -16);
  await expectOnlySelected(page, 0);
  const person = page.locator('[data-stage="labels"] [data-box="0"]');
  await expect(person).toBeFocused();
  const personLabel = (await person.getAttribute("aria-label"))!;
  await page.keyboard.press("ArrowRight");
  await expect(person).not.toHaveAttribute("aria-label", personLabel);
  await expect(ball).toHaveAttribute("aria-label", ballLabel);
  await expectOnlySelected(page, 0);
});
