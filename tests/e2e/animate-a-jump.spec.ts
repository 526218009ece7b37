/**
 * A jump of γ or α (End on the slider, a click across the track, α switched
 * on) plays out as a short animation through real in-between curves, unless
 * the reader prefers reduced motion or an embed says animate=0; then the
 * final state is drawn in the very next frame. Every label the reader's
 * legend row shows is recorded by a MutationObserver in the page.
 *
 * The tweens are played on the page's fake clock (Playwright's clock API),
 * stepped a frame at a time by the test: on a loaded machine a real 320 ms
 * tween may get a single frame, which proves nothing about what it draws.
 * Each of those two tests has a page of its own (its clock installed before
 * the first script); the tests on the real clock share one page, each loading
 * its address afresh with the motion preference it tests.
 */
import { expect, test, workerBrowser } from "./support/test";
import type { Locator, Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";
import { curveD, nextFrames, openFigure } from "./support/figures";
import { TWEEN_MS } from "../../src/lib/state/state-tween";

const browser = workerBrowser();
const realClock = sharedPage((b) => watchedPage(b));

/** Starts recording every text the reader's legend label takes. */
async function recordReaderLabels(figure: Locator): Promise<void> {
  await figure.locator('.legend [data-key="reader"] [data-key="label"]').evaluate((label) => {
    const seen: string[] = [];
    (window as unknown as { __labels: string[] }).__labels = seen;
    new MutationObserver(() => seen.push(label.textContent ?? "")).observe(label, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

/** Starts recording whether the figure marks itself as animating (data-animating), however briefly. */
async function recordAnimating(figure: Locator): Promise<void> {
  await figure.evaluate((el) => {
    const w = window as unknown as { __animated: boolean };
    w.__animated = el.hasAttribute("data-animating");
    new MutationObserver(() => {
      if (el.hasAttribute("data-animating")) w.__animated = true;
    }).observe(el, { attributes: true, attributeFilter: ["data-animating"] });
  });
}

async function recordedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
}

/** γ in a label such as "yours: γ = 3.42, α = 0.25". */
const gammaOf = (label: string) => Number(/γ = ([\d.]+)/.exec(label)?.[1]);

/** Pauses the page's clock: from here on, time in the page moves only when the test steps it. */
async function pauseClock(page: Page): Promise<void> {
  await page.clock.pauseAt(Date.now() + 1000);
}

/** Steps the paused clock frame by frame (16 ms) for `ms`, then lets it run again. */
async function playFor(page: Page, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 16) await page.clock.runFor(16);
  await page.clock.resume();
}

async function settle(figure: Locator): Promise<void> {
  await figure
    .page()
    .waitForFunction((el) => !el.hasAttribute("data-animating"), await figure.elementHandle(), { timeout: 5000 });
  await nextFrames(figure.page());
}

test.describe("a jump animates, unless the reader prefers reduced motion", () => {
  test("End on the γ slider slides the reader's curve through in-between γ and lands exactly on γ = 5", async () => {
    const { page, context, problems } = await watchedPage(browser.current, { reducedMotion: "no-preference" });
    await page.clock.install();
    const figure = await openFigure(page);
    await recordReaderLabels(figure);
    await recordAnimating(figure);
    await figure.getByRole("slider", { name: "focusing γ" }).focus();
    await pauseClock(page);
    await page.keyboard.press("End");
    // The slider and its output show the target at once; only the drawing moves.
    expect(await figure.locator('output[data-output="gamma"]').textContent()).toBe("5.0");
    await playFor(page, 2 * TWEEN_MS);
    expect(await page.evaluate(() => (window as unknown as { __animated: boolean }).__animated)).toBe(true);
    await settle(figure);

    const labels = await recordedLabels(page);
    const gammas = labels.map(gammaOf);
    const between = gammas.filter((g) => g > 2 && g < 5);
    expect(between.length, `labels seen: ${labels.join(" | ")}`).toBeGreaterThanOrEqual(3);
    // Monotone from 2 towards 5: no overshoot, no going back.
    for (let i = 1; i < gammas.length; i++) expect(gammas[i]!).toBeGreaterThanOrEqual(gammas[i - 1]!);
    expect(labels.at(-1)).toBe("yours: γ = 5");
    // It ends on the exact curve: at γ = 5 without α the reader's path is the γ = 5 reference's path.
    expect(await curveD(figure, "reader")).toBe(await curveD(figure, "g5"));
    expect(problems).toEqual([]);
    await context.close();
  });

  test("switching α on fades the weight from 1 down to the slider's α", async () => {
    const { page, context } = await watchedPage(browser.current, { reducedMotion: "no-preference" });
    await page.clock.install();
    const figure = await openFigure(page);
    await recordReaderLabels(figure);
    await pauseClock(page);
    await figure.getByRole("checkbox", { name: "weight α" }).check();
    await playFor(page, 2 * TWEEN_MS);
    await settle(figure);
    const alphas = (await recordedLabels(page))
      .map((l) => Number(/α = ([\d.]+)/.exec(l)?.[1] ?? NaN))
      .filter((a) => !Number.isNaN(a));
    expect(alphas.some((a) => a > 0.25 && a < 1)).toBe(true);
    expect(alphas.at(-1)).toBe(0.25);
    await context.close();
  });

  /** Presses a key on the γ slider and returns every label the reader's legend row showed in the next frame. */
  async function labelsAfterKey(
    reducedMotion: "reduce" | "no-preference",
    key: string,
  ): Promise<{ labels: string[]; animating: boolean }> {
    const { page } = realClock.current;
    await page.emulateMedia({ reducedMotion });
    const figure = await openFigure(page);
    await recordReaderLabels(figure);
    await figure.getByRole("slider", { name: "focusing γ" }).focus();
    await page.keyboard.press(key);
    await nextFrames(page);
    const result = {
      labels: await recordedLabels(page),
      animating: (await figure.getAttribute("data-animating")) !== null,
    };
    return result;
  }

  test("with reduced motion, the final state is the first and only one drawn", async () => {
    expect(await labelsAfterKey("reduce", "End")).toEqual({ labels: ["yours: γ = 5"], animating: false });
  });

  test("small steps and drags are drawn at once even with motion allowed", async () => {
    expect(await labelsAfterKey("no-preference", "ArrowRight")).toEqual({
      labels: ["yours: γ = 2.1"],
      animating: false,
    });
  });

  test("an embed with animate=0 draws a jump at once, whatever the reader's motion preference", async () => {
    const { page } = realClock.current;
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto(siteUrl("embed/focal-curves/?animate=0"));
    await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
    const figure = page.locator("focal-loss-curves").first();
    await page.waitForSelector("focal-loss-curves[data-ready]");
    await recordReaderLabels(figure);
    await figure.getByRole("slider", { name: "focusing γ" }).focus();
    await page.keyboard.press("End");
    await nextFrames(page);
    expect(await recordedLabels(page)).toEqual(["yours: γ = 5"]);
  });
});
