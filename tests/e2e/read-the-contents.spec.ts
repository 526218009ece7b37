/**
 * A reader follows the contents. What every page of the contents shows (one
 * heading, rendered math in KaTeX's fonts, previous and next links along the
 * contents) and the index's numbered list are checked on the audit's one visit
 * to each page (tests/audit/every-page.spec.ts, steps "the contents" and "a
 * page of the contents"); here, the address no page answers.
 */
import { expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";

const browser = workerBrowser();

test.describe("a reader opens the index and follows the contents", () => {
  test("an unknown address shows the 404 page with a way back", async () => {
    const { page, context } = await watchedPage(browser.current);
    const response = await page.goto(siteUrl("no-such-chapter/"));
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await context.close();
  });
});
