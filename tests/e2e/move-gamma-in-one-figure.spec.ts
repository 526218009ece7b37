import { expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { curveD, legendRow, nextFrames, searchParams } from "./support/figures";
import { formulaTexts, formulaValues } from "../../src/lib/views/live-formula";

const browser = workerBrowser();

const TAGS = ["focal-loss-curves", "modulating-factor-curves", "logit-loss-gradient"] as const;

async function readyAll(page: import("playwright-core").Page) {
  for (const tag of [...TAGS, "live-focal-formula"]) {
    await page.locator(tag).first().scrollIntoViewIfNeeded();
    await page.waitForSelector(`${tag}[data-ready]`);
  }
}

test.describe("a reader with several figures on one page", () => {
  test("moves γ in one figure and every figure and the formula follow", async () => {
    const { page, context, problems } = await watchedPage(browser.current);
    await page.goto(siteUrl("figures/"), { waitUntil: "load" });
    await readyAll(page);
    const logit = page.locator("logit-loss-gradient");
    const logitBefore = await logit.locator('.panel-gradient path[data-key="reader"]').getAttribute("d");
    const modulating = page.locator("modulating-factor-curves");
    await modulating.getByRole("slider", { name: "focusing γ" }).focus();
    // A native range moves a tenth of its range on PageUp: 0.5 here.
    await page.keyboard.press("PageUp");
    await page.keyboard.press("PageUp");
    await nextFrames(page);
    for (const tag of TAGS) {
      expect(await page.locator(`${tag} output[data-output="gamma"]`).textContent(), tag).toBe("3.0");
      expect(await page.locator(`${tag} input[data-control="gamma"]`).inputValue(), tag).toBe("3");
    }
    expect((await legendRow(page.locator("focal-loss-curves"), "reader")).label).toBe("yours: γ = 3");
    expect(await curveD(page.locator("focal-loss-curves"), "reader")).not.toBe(
      await curveD(page.locator("focal-loss-curves"), "g2"),
    );
    // A figure out of sight redraws when it comes back into view.
    await logit.scrollIntoViewIfNeeded();
    await nextFrames(page);
    await nextFrames(page);
    expect(await logit.locator('.panel-gradient path[data-key="reader"]').getAttribute("d")).not.toBe(logitBefore);
    const formula = page.locator("live-focal-formula");
    expect(await formula.locator('[data-tangle="gamma"]').first().textContent()).toBe("3.0");
    expect(await formula.locator('[data-result="fl"]').textContent()).toBe(
      formulaTexts(formulaValues(0.9, 3, null)).fl,
    );
    await expect.poll(() => searchParams(page)).toEqual({ gamma: "3" });

    // α switched on in the logit figure reaches the focal-curves figure.
    await logit.getByRole("checkbox", { name: "weight α" }).check();
    await page.locator("focal-loss-curves").scrollIntoViewIfNeeded();
    await nextFrames(page);
    await nextFrames(page);
    expect((await legendRow(page.locator("focal-loss-curves"), "reader")).label).toBe("yours: γ = 3, α = 0.25");
    expect(await page.locator('focal-loss-curves input[data-control="alpha-on"]').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
