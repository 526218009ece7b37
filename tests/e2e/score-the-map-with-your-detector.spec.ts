/**
 * A reader scores chapter 6's anchor map with the detector trained in chapter
 * 10 instead of the stated score model: the map shows the lab's held-out
 * scene, its numbers are the ones the chapter's prose quotes for that run, the
 * URL restores the choice, bad stored data falls back to the default run with
 * a message, and a run the reader steps in chapter 10 is the one the map shows.
 *
 * The tests with JavaScript share one page, each loading its address afresh:
 * the run stepped in chapter 10 comes right after the first test (neither
 * trains before it, and it checks that nothing is stored yet), the tests of a
 * stored record after it (each sets or removes the record before the page's
 * scripts run, on its own loads only).
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";

const PAGE = "/from-loss-to-detector/";
const LAB = "/train-a-detector/";
const KEY = "focal-loss.trained-detector";

// As the page fixture's context: no reduced-motion emulation.
const shared = sharedPage((browser) => watchedPage(browser, { reducedMotion: "no-preference" }));

async function openMap(page: Page, query = ""): Promise<Locator> {
  await page.goto(`${PAGE}${query}`);
  const map = page.locator("anchor-map");
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute("data-ready", "");
  return map;
}

/** A cell of the budget table: row `loss` (0 CE, 1 balanced CE, 2 FL), column 2 + k = share of the loss (positives, easy, hard). */
const budgetCell = (map: Locator, row: number, cell: number) =>
  map.locator('tbody[data-table="budget"] tr').nth(row).locator("td").nth(cell);
const prose = (page: Page, name: string) => page.locator(`[data-trained-number="${name}"]`).first();

test("switching the scores to the trained detector redraws the map and its numbers, and the URL restores it", async () => {
  const { page } = shared.current;
  const map = await openMap(page);
  const statedCeEasy = (await budgetCell(map, 0, 2).textContent())!;
  const statedLoss = (await map.locator('[data-summary="loss"]').textContent())!;
  await expect(map.locator('[data-stage="loss"]')).toBeVisible();
  await expect(map.locator('[data-lab-stage="loss"]')).toBeHidden();

  await map.locator('select[data-control="scores"]').selectOption("default");
  await expect(map).toHaveAttribute("data-scores", "trained");
  await expect(map).toHaveAttribute("data-run", "default");
  await expect(map.locator("[data-run-note]")).toContainText("The default run of chapter 10 (seed 1,");
  await expect(map.locator("[data-run-note]")).toContainText("trained with focal loss");
  await expect(map.locator('[data-lab-stage="loss"]')).toBeVisible();
  await expect(map.locator('[data-stage="loss"]')).toBeHidden();
  await expect(map.locator('select[data-control="level"]')).toBeHidden();
  await expect(map.locator('[data-summary="assignment"]')).toContainText("768 anchors on the 64 × 64 scene");
  await expect(map.locator('[data-summary="loss"]')).not.toHaveText(statedLoss);
  // The live figure and the chapter's build-time prose compute the same run's shares.
  await expect(budgetCell(map, 0, 2)).toHaveText((await prose(page, "fm-ce-easy-loss").textContent())!);
  await expect(budgetCell(map, 2, 2)).toHaveText((await prose(page, "fm-fl-easy-loss").textContent())!);
  await expect(budgetCell(map, 0, 5)).toHaveText((await prose(page, "fm-ce-easy-grad").textContent())!);
  // Figure 4 follows the map's source: its γ = 0 row, hardest 1% of the negatives.
  const cdf = page.locator("detector-loss-cdf");
  await cdf.scrollIntoViewIfNeeded();
  const cdfCell = cdf.locator('tbody[data-table="cdf"] tr').first().locator("td").nth(5);
  await expect(cdfCell).toHaveText((await prose(page, "cdf-neg-top1-g0").textContent())!);
  await expect(page).toHaveURL(/anchors\.scores=default/);

  await map.locator('select[data-control="model"]').selectOption("ce");
  await expect(budgetCell(map, 0, 2)).toHaveText((await prose(page, "cm-ce-easy-loss").textContent())!);
  await expect(map.locator("[data-run-note]")).toContainText("trained with cross-entropy");
  await expect(page).toHaveURL(/anchors\.model=ce/);

  // The link restores the source and the model.
  const restored = await openMap(page, new URL(page.url()).search);
  await expect(restored.locator('select[data-control="scores"]')).toHaveValue("default");
  await expect(restored.locator('select[data-control="model"]')).toHaveValue("ce");
  await expect(restored).toHaveAttribute("data-scores", "trained");
  await expect(budgetCell(restored, 0, 2)).toHaveText((await prose(page, "cm-ce-easy-loss").textContent())!);

  // And back to the stated model: the park and its numbers as they were.
  await restored.locator('select[data-control="scores"]').selectOption("stated");
  await expect(restored).toHaveAttribute("data-scores", "stated");
  await expect(restored.locator('[data-stage="loss"]')).toBeVisible();
  await expect(budgetCell(restored, 0, 2)).toHaveText(statedCeEasy);
  await expect(restored.locator('[data-summary="loss"]')).toHaveText(statedLoss);
});

test("a run stepped in chapter 10 is the one chapter 6's map scores with", async () => {
  const { page } = shared.current;
  await page.goto(LAB);
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY), "nothing stored before the step").toBeNull();
  const lab = page.locator('detector-lab[data-ready="true"]');
  await lab.scrollIntoViewIfNeeded();
  await lab.getByRole("button", { name: "Step", exact: true }).click();
  await expect(lab).toHaveAttribute("data-trained", "true", { timeout: 60_000 });
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), KEY)).not.toBeNull();

  const map = await openMap(page, "?anchors.scores=yours");
  await expect(map).toHaveAttribute("data-run", "yours");
  await expect(map.locator("[data-source-problem]")).toBeHidden();
  await expect(map.locator("[data-run-note]")).toContainText(
    /^Your run of .+ \(seed 1, γ 2\.0, α 0\.25, prior on, 1 of 200 steps\)/,
  );
  // One step from the prior is far from the default run's 200: the shares are not the prose's.
  await expect(budgetCell(map, 2, 2)).not.toHaveText((await prose(page, "fm-fl-easy-loss").textContent())!);
  await expect(budgetCell(map, 2, 2)).toHaveText(/^(\d+\.\d%|< 0\.1%)$/);
});

const stored: [string, string | null, RegExp][] = [
  ["nothing stored", null, /^No run of yours is stored in this browser yet .*, so the map shows the default run\.$/],
  [
    "a record that is not JSON",
    "{seed: 3",
    /^The stored run cannot be used \(it is not a record this site wrote\), so the map/,
  ],
  [
    "a record with a bad seed",
    JSON.stringify({
      v: 1,
      seed: -4,
      gamma: 2,
      alpha: 0.25,
      prior: true,
      steps: 5,
      planned: 200,
      savedAt: 0,
      ce: "",
      focal: "",
    }),
    /^The stored run cannot be used \(its seed is out of range\), so the map shows the default run\.$/,
  ],
];
for (const [what, value, message] of stored)
  test(`"your run" with ${what} shows the default run and says why`, async () => {
    const { page } = shared.current;
    const record = await page.addInitScript(
      ([key, v]) => {
        if (v === null) localStorage.removeItem(key!);
        else localStorage.setItem(key!, v);
      },
      [KEY, value] as const,
    );
    const map = await openMap(page, "?anchors.scores=yours");
    await expect(map).toHaveAttribute("data-run", "default");
    await expect(map.locator("[data-source-problem]")).toHaveText(message);
    await expect(map.locator("[data-run-note]")).toContainText("The default run of chapter 10");
    await expect(map.locator('[data-summary="loss"]')).not.toContainText("NaN");
    await record.dispose();
  });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the passage shows the default run's scene as a still picture, and the live map keeps the park", async ({
    page,
  }) => {
    await page.goto(PAGE);
    const still = page.locator(".anchor-map-still");
    await still.scrollIntoViewIfNeeded();
    await expect(still.locator('[data-lab-stage="loss"] img[data-lab-cells]')).toBeVisible();
    await expect(still.locator('[data-lab-stage="labels"] img[data-lab-scene]')).toBeVisible();
    await expect(page.locator('anchor-map [data-lab-stage="loss"]')).toBeHidden();
    await expect(page.locator('anchor-map [data-stage="loss"]')).toBeVisible();
    await expect(prose(page, "settings")).toHaveText("seed 1, γ 2.0, α 0.25, prior on, 200 steps");
    await expect(prose(page, "fm-fl-easy-loss")).toHaveText(/^(\d+\.\d%|< 0\.1%)$/);
  });
});
