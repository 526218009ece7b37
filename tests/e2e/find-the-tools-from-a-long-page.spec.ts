/**
 * A reader at the bottom of a long chapter on a phone (#20: the header scrolled away on
 * 12,800 px pages, and the figures, calculator and scenario table were linked from nowhere):
 * the site header is still on screen, its chapter menu opens with one tap, and the tools are
 * in it, where a tap lands on them. (That every page's menu lists every chapter and tool is
 * read from the built HTML in tests/built/find-the-tools.test.ts.)
 */
import { expect, test } from "./support/test";
import type { Locator, Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";

const shared = sharedPage((browser) =>
  watchedPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }),
);

const TOOLS = [
  ["All figures", "figures/"],
  ["Loss calculator", "calculator/"],
  ["Scenario table", "scenarios/"],
] as const;

/** Whether the element is wholly inside the viewport and is what a tap at its centre hits. */
async function tappable(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const { width, height } = page.viewportSize()!;
  if (!box || box.y < 0 || box.x < 0 || box.y + box.height > height + 0.5 || box.x + box.width > width + 0.5)
    return false;
  return target.evaluate(
    (el, [x, y]) => {
      const hit = document.elementFromPoint(x!, y!);
      return hit !== null && (hit === el || el.contains(hit));
    },
    [box.x + box.width / 2, box.y + box.height / 2],
  );
}

test.describe("a reader at the end of a long chapter on a phone finds the site's navigation", () => {
  test("scrolled to the bottom of /focal-loss/, the header and its chapter menu are on screen", async () => {
    const { page } = shared.current;
    await page.goto(siteUrl("focal-loss/"));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // A long page: the reader is several screens down, and the header has come along.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(5 * 844);
    const header = page.locator(".site-header");
    await expect.poll(async () => (await header.boundingBox())?.y).toBe(0);
    const menu = page.locator(".site-menu summary");
    await expect.poll(() => tappable(page, menu)).toBe(true);
    await expect(menu).toContainText(/Chapter \d+ of \d+/);
  });

  test("one tap opens the menu, and each tool link is on screen where a tap reaches it", async () => {
    const { page } = shared.current;
    await page.locator(".site-menu summary").tap();
    await expect(page.locator(".site-menu")).toHaveAttribute("open", "");
    for (const [name] of TOOLS) {
      const link = page.locator(".site-menu-panel").getByRole("link", { name, exact: true });
      // The panel scrolls within itself if the screen is short; the page stays where the reader left it.
      await link.scrollIntoViewIfNeeded();
      await expect.poll(() => tappable(page, link), name).toBe(true);
    }
  });

  test("tapping a tool opens it", async () => {
    const { page } = shared.current;
    for (const [name, path] of TOOLS) {
      await page.goto(siteUrl("focal-loss/"));
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.locator(".site-menu summary").tap();
      await page.locator(".site-menu-panel").getByRole("link", { name, exact: true }).tap();
      await expect(page).toHaveURL(siteUrl(path));
      await expect(page.locator("h1")).toBeVisible();
    }
    expect(shared.current.problems).toEqual([]);
  });
});
