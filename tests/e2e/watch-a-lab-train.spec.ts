/**
 * A reader trains a lab and watches it learn (#20: on a phone Train changed only a step counter
 * with the charts a screen below, on a laptop Train and the loss chart never shared the screen,
 * and the lab's data and boundaries ran off their plot). In both labs the Train bar sticks under
 * the header: with the training-loss chart in view, Train is on screen too, and a tap on it grows
 * the curve where the reader is looking. The data plot keeps its points and boundaries inside its
 * axes. (The imbalance lab's positions alone, at 1440 and 390 wide, are in
 * see-a-control-and-its-result.spec.ts.)
 */
import { expect, test, workerBrowser } from "./support/test";
import type { Locator, Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";

const browser = workerBrowser();

const LABS = [
  { path: "imbalance-lab/", tag: "imbalance-lab" },
  { path: "train-a-detector/", tag: "detector-lab" },
] as const;

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Whether the whole of the element's box is inside the viewport and not behind the sticky site header. */
async function fullyOnScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const header = await page.locator(".site-header").boundingBox();
  const { width, height } = page.viewportSize()!;
  if (!box) return false;
  const top = header ? header.y + header.height : 0;
  return box.y >= top - 1 && box.y + box.height <= height + 1 && box.x >= 0 && box.x + box.width <= width + 1;
}

const lossChart = (page: Page, tag: string) => page.locator(`${tag} svg[data-chart="loss"]`);
const yourLoss = (page: Page, tag: string) => lossChart(page, tag).locator('path[data-series="yours"]');

test.describe("a reader watches a lab train", () => {
  test("laptop 1440×900: in the detector lab, scrolled to the training-loss chart, Train is on screen with it", async () => {
    const { page, context } = await watchedPage(browser.current, { viewport: { width: 1440, height: 900 } });
    await page.goto(siteUrl("train-a-detector/"));
    const chart = lossChart(page, "detector-lab");
    await chart.evaluate((e) => e.scrollIntoView({ block: "center" }));
    await expect.poll(() => fullyOnScreen(page, chart)).toBe(true);
    expect(await fullyOnScreen(page, page.locator("detector-lab [data-action=play]"))).toBe(true);
    await context.close();
  });

  for (const lab of LABS) {
    test(`phone 390×844: in /${lab.path}, a tap on Train grows the training-loss curve on screen beside the button`, async () => {
      test.setTimeout(180_000);
      const { page, context, problems } = await watchedPage(browser.current, PHONE);
      await page.goto(siteUrl(lab.path));
      await page.locator(`${lab.tag}[data-ready="true"]`).waitFor();
      const chart = lossChart(page, lab.tag);
      await chart.evaluate((e) => e.scrollIntoView({ block: "center" }));
      const train = page.locator(`${lab.tag} [data-action=play]`);
      await expect.poll(() => fullyOnScreen(page, train)).toBe(true);
      const before = await yourLoss(page, lab.tag).getAttribute("d");

      await train.tap();
      await expect(train).toHaveText("Pause");
      // The curve the reader is looking at is redrawn by the run (a new run starts from step 0, then grows).
      await expect.poll(() => yourLoss(page, lab.tag).getAttribute("d"), { timeout: 120_000 }).not.toBe(before);
      await expect
        .poll(async () => Number(await page.locator(`${lab.tag} [data-step]`).textContent()), { timeout: 120_000 })
        .toBeGreaterThan(0);
      // The button and the changing chart are both still in view.
      expect(await fullyOnScreen(page, chart)).toBe(true);
      expect(await fullyOnScreen(page, train)).toBe(true);
      expect((await yourLoss(page, lab.tag).getAttribute("d"))?.length).toBeGreaterThan(0);
      await train.tap();
      await expect(train).toHaveText("Train");
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  for (const lab of LABS)
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ])
      test(`${viewport.width}×${viewport.height}: Reset in /${lab.path} empties the models' readouts without moving them`, async () => {
        const { page, context, problems } = await watchedPage(browser.current, { viewport });
        await page.goto(siteUrl(lab.path));
        await page.locator(`${lab.tag}[data-ready="true"]`).waitFor();
        const values = page.locator(`${lab.tag} .lab-readout strong`);
        await values.first().scrollIntoViewIfNeeded();
        // Each value's place in its row (the lab's note above may change its line count, which moves the rows as a whole).
        const boxes = () =>
          values.evaluateAll((els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              const row = e.closest(".lab-readout")!.getBoundingClientRect();
              return [Math.round(r.x - row.x), Math.round(r.y - row.y), Math.round(r.width)];
            }),
          );
        const before = await boxes();
        await page.locator(`${lab.tag} [data-action=reset]`).click();
        // The built run's numbers give way to "—" (no loss yet), and every value keeps its box.
        await expect(page.locator(`${lab.tag} .lab-readout [data-loss]`).first()).toHaveText("—");
        expect(await boxes()).toEqual(before);
        expect(problems).toEqual([]);
        await context.close();
      });

  test("the imbalance lab's data and its decision boundaries stay inside the plot's axes, as built and after training", async () => {
    test.setTimeout(180_000);
    const { page, context } = await watchedPage(browser.current, { viewport: { width: 1440, height: 900 } });
    await page.goto(siteUrl("imbalance-lab/"));
    await page.locator('imbalance-lab[data-ready="true"]').waitFor();
    const plane = page.locator('imbalance-lab svg[data-chart="plane"]');

    /** The marks that fall outside the box the two axis lines draw (in the chart's own units), by name. */
    const outside = () =>
      plane.evaluate((svg: SVGSVGElement) => {
        const [y, x] = ["axis-y", "axis-x"].map((a) =>
          svg.querySelector<SVGLineElement>(`.${a} .axis-domain`)!.getBBox(),
        );
        const box = { left: y!.x, right: x!.x + x!.width, top: y!.y, bottom: x!.y };
        const marks = [...svg.querySelectorAll<SVGGraphicsElement>(".dots, .boundary")].filter(
          (m) => (m.getAttribute("d") ?? "") !== "",
        );
        const out = marks
          .map((m) => ({ name: m.getAttribute("class")!, b: m.getBBox() }))
          .filter(
            ({ b }) =>
              b.x < box.left - 0.5 ||
              b.x + b.width > box.right + 0.5 ||
              b.y < box.top - 0.5 ||
              b.y + b.height > box.bottom + 0.5,
          )
          .map(({ name, b }) => `${name}: x ${b.x}–${b.x + b.width}, y ${b.y}–${b.y + b.height}`);
        return { drawn: marks.length, box, out };
      });

    const built = await outside();
    // Both classes of points and both models' boundaries are drawn, and none of them leaves the plot.
    expect(built.drawn).toBe(4);
    expect(built.box.right - built.box.left).toBeGreaterThan(100);
    expect(built.out).toEqual([]);

    // A new run from step 0, with the boundaries it draws on the way; paused, they are looked at again.
    const before = await plane.locator('.boundary[data-series="yours"]').getAttribute("d");
    const train = page.locator("imbalance-lab [data-action=play]");
    await train.click();
    await expect
      .poll(() => plane.locator('.boundary[data-series="yours"]').getAttribute("d"), { timeout: 120_000 })
      .not.toBe(before);
    await expect
      .poll(async () => Number(await page.locator("imbalance-lab [data-step]").textContent()), { timeout: 120_000 })
      .toBeGreaterThan(60);
    await train.click();
    await expect(train).toHaveText("Train");
    expect((await outside()).out).toEqual([]);
    await context.close();
  });
});
