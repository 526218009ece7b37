/**
 * A reader with JavaScript turned off opens each chapter on a 390 px phone:
 * the page never scrolls sideways. (Everything else a JavaScript-off reader
 * sees is read from the built HTML in tests/built/read-chapters-without-javascript.test.ts.)
 */
import { test, expect } from "@playwright/test";

const CHAPTERS = [
  "why-focal-loss",
  "what-is-focal-loss",
  "cross-entropy",
  "balanced-cross-entropy",
  "focal-loss",
  "ce-versus-fl",
  "final-thoughts",
];

test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });

for (const slug of CHAPTERS) {
  test(`chapter ${slug} with JavaScript off fits a 390 px phone: no sideways scrolling of the page`, async ({
    page,
  }) => {
    const response = await page.goto(`/${slug}/`, { waitUntil: "load" });
    expect(response?.status(), slug).toBe(200);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
