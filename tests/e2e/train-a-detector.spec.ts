import { expect, test, workerBrowser } from "./support/test";
import type { Locator, Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";
import { readFileSync } from "node:fs";

const browser = workerBrowser();

/** The committed five-seed runs (npm run detector:seeds), which the page must show and the browser must reproduce. */
interface SeedSide {
  outcomes: { seed: number; ce: number; focal: number; chance: number }[];
}
const seedFile = JSON.parse(readFileSync("src/lib/detector-lab/data/seed-spread.json", "utf8")) as {
  prior: SeedSide;
  noPrior: SeedSide;
};

const CHAPTER = "train-a-detector/";
const lab = (page: Page) => page.locator("detector-lab");
const ready = (page: Page) => page.locator('detector-lab[data-ready="true"]').waitFor();
const boxCount = (svg: Locator) => svg.locator("g.detection").count();
const scoresOf = async (svg: Locator) =>
  (await svg.locator("g.detection").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-score")))).map(Number);
const threshold = (page: Page) => lab(page).locator('[data-control="threshold"]');
const ap3 = (v: number) => v.toFixed(3);

test.describe("a reader uses the detectors", () => {
  test("reads, with JavaScript off, the detections of both models and the five-seed spread from the committed runs", async () => {
    const { page, context } = await watchedPage(browser.current, { javaScriptEnabled: false });
    await page.goto(siteUrl(CHAPTER));
    const pictures = lab(page).locator("[data-detections-panel] .detections-scene svg");
    await expect(pictures).toHaveCount(6);
    // Every box drawn carries a score at or above the stated threshold; each picture shows its scene and its objects.
    expect(await threshold(page).locator("output").textContent()).toBe("0.50");
    for (const svg of await pictures.all()) {
      for (const s of await scoresOf(svg)) expect(s).toBeGreaterThanOrEqual(0.5);
      expect(await svg.locator("image").count()).toBe(1);
      expect(await svg.locator("rect.truth-box").count()).toBeGreaterThan(0);
      expect(Number(await svg.getAttribute("data-detections"))).toBe(await boxCount(svg));
    }
    // The seed table is the committed file's, seed by seed.
    const rows = lab(page).locator("[data-seeds-table] tbody tr");
    await expect(rows).toHaveCount(seedFile.prior.outcomes.length);
    for (const [i, o] of seedFile.prior.outcomes.entries()) {
      const cells = await rows.nth(i).locator("th, td").allTextContents();
      expect(cells.slice(0, 4)).toEqual([String(o.seed), ap3(o.ce), ap3(o.focal), ap3(o.chance)]);
    }
    const mean = (k: "ce" | "focal") =>
      seedFile.prior.outcomes.reduce((s, o) => s + o[k], 0) / seedFile.prior.outcomes.length;
    await expect(lab(page).locator("[data-seeds-summary]")).toContainText(`cross-entropy ${ap3(mean("ce"))}`);
    await expect(lab(page).locator("[data-seeds-summary]")).toContainText(`focal loss ${ap3(mean("focal"))}`);
    await context.close();
  });

  test("the threshold filters the boxes at once; a trained model scores a new scene the reader asks for", async () => {
    const { page, context, problems, foreignRequests } = await watchedPage(browser.current);
    await page.goto(siteUrl(CHAPTER));
    await ready(page);
    const svg = lab(page).locator('svg[data-chart="det-yours-0"]');
    const atHalf = await boxCount(svg);
    // Home: the lowest threshold (the paper's 0.05 floor) shows at least as many boxes; End: the highest, at most as many.
    await threshold(page).locator("input").focus();
    await page.keyboard.press("Home");
    await expect(threshold(page).locator("output")).toHaveText("0.05");
    await expect(lab(page).locator("[data-threshold-text]")).toHaveText("0.05");
    await expect
      .poll(async () => (await scoresOf(svg)).every((s) => s >= 0.05) && (await boxCount(svg)) >= atHalf)
      .toBe(true);
    await page.keyboard.press("End");
    await expect(threshold(page).locator("output")).toHaveText("0.95");
    await expect
      .poll(async () => (await scoresOf(svg)).every((s) => s >= 0.95) && (await boxCount(svg)) <= atHalf)
      .toBe(true);
    await expect(lab(page).locator('[data-det-text="det-yours-0"]')).toContainText("0.95");

    // Before any training the reader has no model of their own to use.
    const fresh = lab(page).getByRole("button", { name: "Score a new scene" });
    await expect(fresh).toBeDisabled();
    await lab(page).getByRole("button", { name: "Step", exact: true }).click();
    await expect(lab(page)).toHaveAttribute("data-trained", "true", { timeout: 60_000 });
    await expect(lab(page).locator("[data-step]")).toHaveText("1");
    await fresh.click();
    const box = lab(page).locator("[data-new-scene]");
    await expect(box).toHaveAttribute("data-scene", "1", { timeout: 60_000 });
    await expect(box.locator("[data-new-scene-result]")).toBeVisible();
    await expect(box.locator("[data-new-scene-note]")).toHaveText("New scene 1, scored after 1 training steps.");
    for (const series of ["ce", "yours"]) {
      await expect(box.locator(`svg[data-chart="det-${series}-new"] image`)).toHaveCount(1);
      await expect(box.locator(`[data-scene-scores="${series}"]`)).toHaveText(
        /^Its objects?: \d\.\d\d(, \d\.\d\d)*; likeliest background anchor: \d\.\d\d\.$/,
      );
    }
    await fresh.click();
    await expect(box).toHaveAttribute("data-scene", "2", { timeout: 60_000 });

    // The worker's own time per training step, shown to the reader.
    await expect(lab(page).locator("[data-speed]")).toHaveText(
      /^In your browser: \d+ ms a step for both models \([\d.,]+ steps a second\)\.$/,
    );
    expect(Number(await lab(page).getAttribute("data-ms-per-step"))).toBeGreaterThan(0);
    expect(await lab(page).textContent()).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  test("runs five seeds in a worker: the first seed's AP is the committed run's, and the page stays responsive", async () => {
    // The no-prior setting at 100 steps is one of the committed spreads: the browser must reproduce it exactly.
    test.setTimeout(400_000);
    const { page, context, problems } = await watchedPage(browser.current);
    await page.goto(siteUrl(`${CHAPTER}?det.prior=0&det.steps=100`));
    await ready(page);
    const panel = lab(page).locator("[data-seeds-panel]");
    await panel.getByRole("button", { name: "Run 5 seeds" }).click();
    await expect(panel).toHaveAttribute("data-seeds", "running");
    await expect(panel.locator("[data-seeds-status]")).toHaveText(/^Seed 1: step \d+ of 100\./, { timeout: 120_000 });
    // While the seeds train, the page answers: the threshold slider moves and its boxes follow.
    await threshold(page).locator("input").focus();
    await page.keyboard.press("ArrowRight");
    await expect(threshold(page).locator("output")).toHaveText("0.55");
    await expect(panel).toHaveAttribute("data-seeds-done", "1", { timeout: 360_000 });
    const first = seedFile.noPrior.outcomes[0]!;
    const cells = await panel.locator("[data-seeds-table] tbody tr").first().locator("th, td").allTextContents();
    expect(cells.slice(0, 4)).toEqual([String(first.seed), ap3(first.ce), ap3(first.focal), ap3(first.chance)]);
    await expect(panel.locator("[data-seeds-status]")).toHaveText(/ms a step for both models/);
    await panel.getByRole("button", { name: "Stop the seeds" }).click();
    await expect(panel).toHaveAttribute("data-seeds", "stopped");
    expect(problems).toEqual([]);
    await context.close();
  });
});
