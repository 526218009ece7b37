/**
 * A reader's first visit to /cross-entropy/, the chapter that defines the
 * notation, with nothing cached: the braces of the piecewise definitions of
 * CE and pₜ must stand as tall as the two rows they gather, and nothing may
 * shift while the math faces arrive, even when the brace's face comes late.
 */
import { expect, test, type Page } from "@playwright/test";

/** For each piecewise formula: the brace glyph's extent and the extent of the rows it spans, in px. */
function braces(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".katex-html .minner")]
      .filter((group) => group.querySelector(".mtable"))
      .map((group) => {
        // The glyph's own box (the text run), not its span, which may be fixed wider or taller than the glyph.
        const glyph = document.createRange();
        glyph.selectNodeContents(group.querySelector(".delimsizing")!);
        const brace = glyph.getBoundingClientRect();
        const rows = [...group.querySelectorAll(".mtable > .col-align-l:first-child .vlist > span > .mord")].map(
          (row) => row.getBoundingClientRect(),
        );
        return { brace: brace.height, rows: rows.at(-1)!.bottom - rows[0]!.top, count: rows.length };
      }),
  );
}

async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { shifts: number[] }).shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shifts: number[] }).shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: "layout-shift", buffered: true });
  });
}
const shifts = (page: Page) => page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);

test.describe("a reader opens the notation chapter for the first time", () => {
  // A new context per test: an empty HTTP cache, no fonts in memory.
  test.use({ viewport: { width: 390, height: 844 } });

  test("the braces of CE and pₜ span their rows", async ({ page }) => {
    await recordShifts(page);
    await page.goto("/cross-entropy/");
    await expect.poll(async () => (await braces(page)).length).toBeGreaterThanOrEqual(2);
    for (const { brace, rows, count } of await braces(page)) {
      expect(count).toBe(2);
      // A brace drawn in a text face is about one line (20 px) beside rows about 50 px apart.
      expect(brace).toBeGreaterThanOrEqual(rows * 0.95);
    }
    expect(await shifts(page)).toEqual([]);
  });

  test("a brace face that arrives late still ends at full height, and shifts nothing", async ({ page }) => {
    // The whole formula in view while its face arrives: a shift outside the viewport would not count.
    await page.setViewportSize({ width: 390, height: 2400 });
    await recordShifts(page);
    // The face is held back until the formulas have been painted without it, then let through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/KaTeX_Size4-Regular\.[^/]*\.woff2$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/cross-entropy/", { waitUntil: "commit" });
    await expect.poll(async () => (await braces(page)).length).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
    release();
    await expect
      .poll(async () => (await braces(page)).every(({ brace, rows }) => brace >= rows * 0.95), { timeout: 15_000 })
      .toBe(true);
    expect(await shifts(page)).toEqual([]);
  });
});
