import { expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";

const browser = workerBrowser();

const background = (page: import("playwright-core").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe("a reader switches between light and dark", () => {
  test("follows the system preference when nothing is saved", async () => {
    const { page, context } = await watchedPage(browser.current, { colorScheme: "dark" });
    await page.goto(siteUrl());
    expect(await background(page)).toBe("rgb(20, 22, 26)");
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background(page)).toBe("rgb(251, 250, 247)");
    await context.close();
  });

  test("toggles with the button and keeps the choice across a reload and other pages", async () => {
    const { page, context, problems } = await watchedPage(browser.current, { colorScheme: "light" });
    await page.goto(siteUrl());
    const toggle = page.locator("[data-theme-toggle]");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await background(page)).toBe("rgb(20, 22, 26)");

    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await background(page)).toBe("rgb(20, 22, 26)");

    const firstChapter = await page.locator(".toc-list a").first().getAttribute("href");
    await page.goto(new URL(firstChapter!, page.url()).href);
    expect(await background(page)).toBe("rgb(20, 22, 26)");

    // Keyboard works too: focus the toggle and press Enter.
    await page.locator("[data-theme-toggle]").focus();
    await page.keyboard.press("Enter");
    expect(await background(page)).toBe("rgb(251, 250, 247)");
    expect(problems).toEqual([]);
    await context.close();
  });
});
