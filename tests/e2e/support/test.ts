/**
 * What the ported browser tests share: Playwright's `test` and `expect`, the
 * worker's browser for helpers that open pages of their own, and the titles
 * of tables of cases.
 */
import { test, expect, type Browser } from "@playwright/test";

export { test, expect };
export { caseTitle } from "../../support/case-title";

/**
 * The worker's browser (Playwright's `browser` fixture: one per worker),
 * for module-level helpers: `const browser = workerBrowser();` then
 * `watchedPage(browser.current, …)`.
 */
export function workerBrowser(): { current: Browser } {
  const holder = {} as { current: Browser };
  test.beforeAll(({ browser }) => {
    holder.current = browser;
  });
  return holder;
}
