/**
 * A reader with JavaScript turned off opens each chapter on a 390 px phone:
 * the page never scrolls sideways. (Everything else a JavaScript-off reader
 * sees is read from the built HTML in tests/built/read-chapters-without-javascript.test.ts.)
 * One page, JavaScript off, goes from chapter to chapter (nothing on it runs
 * that a chapter could leave behind for the next).
 */
import { test, expect } from "@playwright/test";
import { watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";

const CHAPTERS = [
  "why-focal-loss",
  "what-is-focal-loss",
  "cross-entropy",
  "balanced-cross-entropy",
  "focal-loss",
  "ce-versus-fl",
  "final-thoughts",
];

test.describe("with JavaScript off on a 390 px phone", () => {
  const phone = sharedPage((browser) =>
    watchedPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 900 } }),
  );

  for (const slug of CHAPTERS) {
    test(`chapter ${slug} with JavaScript off fits a 390 px phone: no sideways scrolling of the page`, async () => {
      const { page } = phone.current;
      const response = await page.goto(`/${slug}/`, { waitUntil: "load" });
      expect(response?.status(), slug).toBe(200);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
