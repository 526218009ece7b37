/**
 * A teacher drops an embed into a slide or a page and it fits its frame (#20: the embeds were
 * 20 px wider than their frame, so the calculator could be nudged sideways): no embed route is
 * wider than the window it is opened in, on a phone or a laptop, nor than the iframe its own
 * copied snippet sizes, nor than the deck's live iframe.
 */
import { expect, test } from "./support/test";
import type { Frame, Page } from "@playwright/test";
import { EMBEDDABLE } from "../../src/lib/embed/embed-registry";
import { siteUrl, watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";

// One page for the file: each test navigates it to the addresses it checks.
const shared = sharedPage((browser) => watchedPage(browser));

/** How far the document reaches past the width it is shown in (0 or less: nothing to scroll sideways). */
const sidewaysOverflow = (target: Page | Frame) =>
  target.evaluate(() => {
    const root = document.documentElement;
    return Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth;
  });

const WINDOWS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];

test.describe("an embed fits its frame", () => {
  for (const entry of EMBEDDABLE) {
    test(`/embed/${entry.id}/ is no wider than a 390 or 1440 px window, nor than its snippet's ${entry.size.width} × ${entry.size.height} iframe`, async () => {
      const { page, problems } = shared.current;
      for (const viewport of WINDOWS) {
        await page.setViewportSize(viewport);
        await page.goto(siteUrl(`embed/${entry.id}/`));
        await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
        expect(await sidewaysOverflow(page), `at ${viewport.width} px`).toBeLessThanOrEqual(0);
      }

      // In an iframe of the size the share panel's snippet gives it, on an otherwise empty page of the site.
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(siteUrl("404.html"));
      await page.evaluate(
        ({ url, size }) => {
          document.body.innerHTML = "";
          const frame = document.createElement("iframe");
          frame.src = url;
          frame.width = String(size.width);
          frame.height = String(size.height);
          frame.style.border = "0";
          document.body.append(frame);
        },
        { url: siteUrl(`embed/${entry.id}/`), size: entry.size },
      );
      const frame = page.frameLocator("iframe");
      await frame.locator("html[data-ready='true']").waitFor({ timeout: 15_000 });
      const inner = page.frames().find((f) => f.url().includes(`/embed/${entry.id}/`))!;
      expect(await inner.evaluate(() => document.documentElement.clientWidth)).toBe(entry.size.width);
      expect(await sidewaysOverflow(inner)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    });
  }

  test("the deck's live iframe is no wider than its frame at 1920 × 1080", async () => {
    const { page } = shared.current;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(siteUrl("deck/"));
    const iframe = page.locator("iframe.deck-frame");
    // The slide that holds it: reveal.js shows one slide at a time, and the iframe loads when it is shown.
    const slide = await iframe.evaluate((f) =>
      [...document.querySelectorAll(".slides > section")].indexOf(f.closest(".slides > section")!),
    );
    expect(slide).toBeGreaterThanOrEqual(0);
    await page.goto(siteUrl(`deck/#/${slide}`));
    await expect(iframe).toBeVisible();
    await page.frameLocator("iframe.deck-frame").locator("html[data-ready='true']").waitFor({ timeout: 15_000 });
    const inner = page.frames().find((f) => f.url().includes("/embed/"))!;
    const frameWidth = await iframe.evaluate((f: HTMLIFrameElement) => f.clientWidth);
    expect(await inner.evaluate(() => document.documentElement.clientWidth)).toBe(frameWidth);
    expect(await sidewaysOverflow(inner)).toBeLessThanOrEqual(0);
  });
});
