import { expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";

const browser = workerBrowser();

test.describe("a reader opens the index and follows the contents", () => {
  test("lists the chapters in order, and every link opens a chapter with rendered math", async () => {
    const { page, problems, foreignRequests, context } = await watchedPage(browser.current);
    await page.goto(siteUrl(), { waitUntil: "load" });
    expect(await page.title()).toContain("Focal Loss");
    const links = await page
      .locator(".toc-list a")
      .evaluateAll((as) =>
        as.map((a) => ({ href: (a as HTMLAnchorElement).href, number: a.querySelector(".toc-number")?.textContent })),
      );
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect(links.map((l) => Number(l.number))).toEqual(links.map((_l, i) => i + 1));

    for (const link of links) {
      const response = await page.goto(link.href, { waitUntil: "load" });
      expect(response?.status(), link.href).toBe(200);
      expect(await page.locator("h1").count()).toBe(1);
      expect(await page.locator(".katex").count(), `KaTeX on ${link.href}`).toBeGreaterThan(0);
      expect(await page.locator(".katex-error").count(), `KaTeX errors on ${link.href}`).toBe(0);
      // KaTeX's fonts came from this site and actually loaded.
      const katexFontLoaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.includes("KaTeX") && f.status === "loaded");
      });
      expect(katexFontLoaded, `KaTeX font on ${link.href}`).toBe(true);
    }
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  test("chapters link to each other with previous and next", async () => {
    // Eleven chapters, some with heavy figures: each step needs only the next page's document, not its images.
    test.slow();
    const { page, context } = await watchedPage(browser.current);
    await page.goto(siteUrl(), { waitUntil: "load" });
    const first = await page.locator(".toc-list a").first().getAttribute("href");
    const count = await page.locator(".toc-list a").count();
    await page.goto(new URL(first!, page.url()).href);
    for (let i = 1; i < count; i++) {
      const before = page.url();
      await page.locator('a[rel="next"]').click();
      await page.waitForURL((u) => u.href !== before, { waitUntil: "domcontentloaded" });
    }
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
    await context.close();
  });

  test("an unknown address shows the 404 page with a way back", async () => {
    const { page, context } = await watchedPage(browser.current);
    const response = await page.goto(siteUrl("no-such-chapter/"));
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await context.close();
  });
});
