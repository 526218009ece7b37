/**
 * A reader on a slow connection sees a long page painted while it is still
 * arriving: Chromium may paint with the parser inside the site header. The
 * chapter menu must already be where it ends up, whatever of the header has
 * arrived (the audit once caught it 60 px to the right until the theme toggle
 * was parsed: a layout shift on /focal-loss-in-your-code/).
 */
import { expect, test } from "./support/test";

const PATH = "/focal-loss-in-your-code/";

test("the header's menu is where it ends up before the rest of the header has arrived", async ({ page, request }) => {
  const html = await (await request.get(PATH)).text();
  const header = html.indexOf('class="site-header"');
  const cut = html.indexOf("</nav>", header) + "</nav>".length;
  expect(header, "the page has the site header").toBeGreaterThan(0);
  expect(html.slice(cut, cut + 400), "the theme toggle comes after the menu").toContain("data-theme-toggle");
  // Its right edge: the face its text is set in may differ between two loads (font-display: optional), its place may not.
  const menuRight = async () => {
    const box = await page.locator(".site-menu summary").boundingBox();
    return box && box.x + box.width;
  };

  // The page as it stands when the parser has read the header up to the end of its menu.
  await page.route(`**${PATH}`, (route) => route.fulfill({ contentType: "text/html", body: html.slice(0, cut) }));
  await page.goto(PATH);
  await expect(page.locator("[data-theme-toggle]")).toHaveCount(0);
  const early = await menuRight();

  await page.unroute(`**${PATH}`);
  await page.goto(PATH);
  await expect(page.locator("[data-theme-toggle]")).toBeVisible();
  expect(early).not.toBeNull();
  expect(await menuRight()).toBeCloseTo(early!, 1);
});
