/**
 * A reader shares a figure's view as a link. One page for the file, its tests
 * in order, each loading the address it tests on it (so what it reads is a
 * fresh load of that address) with the pointer parked; the figures keep their
 * state in the URL only.
 */
import { caseTitle, expect, test } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";
import { curveD, legendRow, nextFrames, openFigure, searchParams, GALLERY } from "./support/figures";

const shared = sharedPage((browser) => watchedPage(browser));

/** The shared page, the pointer where a new page has it (the top left corner), about to load an address. */
async function fresh() {
  await shared.current.page.mouse.move(0, 0);
  return shared.current;
}

test.describe("a reader shares a view of a figure as a link", () => {
  test("moving the controls writes the URL, and reloading that URL restores the view", async () => {
    const { page, problems } = await fresh();
    const figure = await openFigure(page);
    expect(new URL(page.url()).search).toBe("");
    await figure.getByRole("slider", { name: "focusing γ" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await figure.getByRole("checkbox", { name: "weight α" }).check();
    await figure.locator('label[for$="-log"]').click();
    await figure.locator('input[data-control="examples"]').check();
    await nextFrames(page);
    // The URL is written once the reader pauses, not on every frame of a drag.
    await expect.poll(() => searchParams(page)).toEqual({ gamma: "1.8", alpha: "0.25", yscale: "log", examples: "1" });
    const drawn = await curveD(figure, "reader");

    await page.reload();
    const restored = await openFigure(page, GALLERY + new URL(await page.evaluate(() => location.href)).search);
    expect(await restored.getByRole("slider", { name: "focusing γ" }).inputValue()).toBe("1.8");
    expect(await restored.locator('output[data-output="gamma"]').textContent()).toBe("1.8");
    expect(await restored.getByRole("checkbox", { name: "weight α" }).isChecked()).toBe(true);
    expect(await restored.locator('input[value="log"]').isChecked()).toBe(true);
    expect(await restored.locator('input[data-control="examples"]').isChecked()).toBe(true);
    expect((await legendRow(restored, "reader")).label).toBe("yours: γ = 1.8, α = 0.25");
    expect(await restored.locator("svg.chart").getAttribute("class")).toContain("is-log");
    expect(await restored.locator(".examples .example").count()).toBe(4);
    expect(await curveD(restored, "reader")).toBe(drawn);

    // Back to the defaults: the parameters leave the URL again.
    await restored.getByRole("slider", { name: "focusing γ" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await restored.getByRole("checkbox", { name: "weight α" }).uncheck();
    await restored.locator('label[for$="-linear"]').click();
    await restored.locator('input[data-control="examples"]').uncheck();
    await expect.poll(() => searchParams(page)).toEqual({});
    expect(new URL(await page.evaluate(() => location.href)).search).toBe("");
    expect(problems).toEqual([]);
  });

  test("leaves other parameters and the fragment of the URL alone", async () => {
    const { page } = await fresh();
    const figure = await openFigure(page, `${GALLERY}?p=0.3#focal-curves`);
    await figure.getByRole("slider", { name: "focusing γ" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => searchParams(page)).toEqual({ p: "0.3", gamma: "2.1" });
    const url = new URL(await page.evaluate(() => location.href));
    expect(url.hash).toBe("#focal-curves");
  });

  for (const [index, row] of [
    ["gamma=-3", "2.0", "off"],
    ["gamma=abc", "2.0", "off"],
    ["alpha=2", "2.0", "off"],
    ["gamma=7&alpha=-1&yscale=cubic&examples=maybe", "2.0", "off"],
    ["gamma=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "2.0", "off"],
    ["gamma=0.5&alpha=abc", "0.5", "off"],
    ["gamma=4.5&alpha=0.75", "4.5", "0.75"],
  ].entries()) {
    test(caseTitle("?%s shows γ = %s and α = %s without an error", row, index), async () => {
      const [query, gamma, alpha] = row;
      const { page, problems } = await fresh();
      const figure = await openFigure(page, `${GALLERY}?${query}`);
      expect(await figure.locator('output[data-output="gamma"]').textContent()).toBe(gamma);
      expect(await figure.locator('output[data-output="alpha"]').textContent()).toBe(alpha);
      expect(await figure.getByRole("slider", { name: "focusing γ" }).inputValue()).toBe(String(Number(gamma)));
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/NaN|undefined|Infinity|<img/);
      expect(await page.locator("main img").count()).toBe(0);
      expect(
        await figure
          .locator(".curves path")
          .evaluateAll((ps) => ps.every((p) => (p.getAttribute("d") ?? "").length > 100)),
      ).toBe(true);
      expect(problems).toEqual([]);
    });
  }

  test("a figure far down a page upgrades only when the reader scrolls near it", async () => {
    const { page, problems } = await fresh();
    await page.setViewportSize({ width: 800, height: 600 });
    // Push the figure three screens down, before any script runs (this test's loads only).
    const spacer = await page.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        const main = document.querySelector("main");
        if (!main) return;
        observer.disconnect();
        const spacer = document.createElement("div");
        spacer.style.height = "2400px";
        main.prepend(spacer);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(siteUrl(GALLERY + "?gamma=3"), { waitUntil: "load" });
    // The element is defined and has been observed (an IntersectionObserver reports in the first rendering
    // after it observes; two frames later every report is in), and still it has not woken.
    await page.waitForFunction(() => customElements.get("focal-loss-curves") !== undefined);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    expect(
      await page
        .locator("focal-loss-curves")
        .first()
        .evaluate((el) => el.getBoundingClientRect().top),
    ).toBeGreaterThan(2000);
    expect(await page.locator("focal-loss-curves[data-ready]").count()).toBe(0);
    expect(await page.locator('output[data-output="gamma"]').first().textContent()).toBe("2.0");
    await page.locator("focal-loss-curves").first().scrollIntoViewIfNeeded();
    await page.waitForSelector("focal-loss-curves[data-ready]");
    expect(await page.locator('output[data-output="gamma"]').first().textContent()).toBe("3.0");
    expect(problems).toEqual([]);
    await spacer.dispose();
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
