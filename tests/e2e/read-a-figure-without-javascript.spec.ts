import { expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { GALLERY } from "./support/figures";
import { focalLossOfPt } from "../../src/lib/math/loss";
import { formatNumber } from "../../src/lib/text/format";

const browser = workerBrowser();

test.describe("a reader without JavaScript still sees the figures", () => {
  test("the focal-loss figure is drawn, labelled, and its data table and readings are there", async () => {
    const { page, context } = await watchedPage(browser.current, { javaScriptEnabled: false });
    await page.goto(siteUrl(GALLERY), { waitUntil: "load" });
    const figure = page.locator("focal-loss-curves").first();
    expect(await figure.getAttribute("data-ready")).toBeNull();
    const svg = figure.locator("svg.chart");
    expect(await svg.locator("title").textContent()).toMatch(/Focal loss against the probability/);
    expect(await svg.isVisible()).toBe(true);
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(150);
    const paths = await svg
      .locator(".curves path")
      .evaluateAll((ps) => ps.map((p) => (p as SVGPathElement).getTotalLength()));
    expect(paths).toHaveLength(6);
    for (const length of paths) expect(length).toBeGreaterThan(300);
    for (const label of ["γ = 0", "γ = 0.5", "γ = 1", "γ = 2", "γ = 5", "yours: γ = 2"]) {
      expect(await svg.locator(".legend-label", { hasText: label }).count()).toBeGreaterThan(0);
    }
    expect(await svg.locator(".axis-x .axis-title").textContent()).toBe("probability of ground truth class");
    expect(await svg.locator(".axis-y .axis-title").textContent()).toBe("loss");

    await figure.locator("summary", { hasText: "Show data" }).click();
    const cell = figure.locator('td[data-col="reader"][data-x="0.9"]');
    expect(await cell.isVisible()).toBe(true);
    expect(await cell.textContent()).toBe(formatNumber(focalLossOfPt(0.9, { gamma: 2, alpha: null }), { digits: 4 }));
    // The readings are typeset at build time: p_t is KaTeX, CE/FL at p_t = 0.9 for γ = 2 is (1 − 0.9)^−2 = 100.
    const reading = figure.locator('[data-reading] [data-reading-variant="focusing"]').first();
    expect(await reading.isVisible()).toBe(true);
    expect(await reading.locator(".katex annotation").textContent()).toBe("p_t = 0.9");
    expect(await reading.locator('[data-reading-number="ratioAtPt09"]').textContent()).toBe("100");
    expect(await figure.locator('[data-reading] [data-reading-variant="cross-entropy"]').first().isVisible()).toBe(
      false,
    );
    // The controls are there but say they cannot work.
    expect(await figure.getByRole("slider", { name: "focusing γ" }).isDisabled()).toBe(true);
    await context.close();
  });

  test("the figure keeps its size when the script upgrades it (no layout shift)", async () => {
    const sizes: Array<{ width: number; height: number; top: number }> = [];
    for (const javaScriptEnabled of [false, true]) {
      const { page, context } = await watchedPage(browser.current, { javaScriptEnabled });
      await page.goto(siteUrl(GALLERY), { waitUntil: "load" });
      if (javaScriptEnabled) await page.waitForSelector("focal-loss-curves[data-ready]");
      // Measured from the figure's own top: the header's theme button appears with JavaScript and moves the whole page.
      const box = (await page.locator("focal-loss-curves svg.chart").first().boundingBox())!;
      const figureTop = (await page.locator("focal-loss-curves").first().boundingBox())!.y;
      sizes.push({ width: box.width, height: box.height, top: box.y - figureTop });
      await context.close();
    }
    expect(sizes[1]).toEqual(sizes[0]);
  });
});
