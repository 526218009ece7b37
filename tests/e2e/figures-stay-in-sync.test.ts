import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";
import { curveD, legendRow, nextFrames, settledParams } from "./support/figures";
import { formulaTexts, formulaValues } from "../../src/lib/views/live-formula";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const TAGS = ["focal-loss-curves", "modulating-factor-curves", "logit-loss-gradient"] as const;

async function readyAll(page: import("playwright-core").Page) {
  for (const tag of [...TAGS, "live-focal-formula"]) {
    await page.locator(tag).first().scrollIntoViewIfNeeded();
    await page.waitForSelector(`${tag}[data-ready]`);
  }
}

describe("a reader with several figures on one page", () => {
  it("moves γ in one figure and every figure and the formula follow", async () => {
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(siteUrl("figures/"), { waitUntil: "load" });
    await readyAll(page);
    const logit = page.locator("logit-loss-gradient");
    const logitBefore = await logit.locator('.panel-gradient path[data-key="reader"]').getAttribute("d");
    const modulating = page.locator("modulating-factor-curves");
    await modulating.locator('input[data-control="gamma"]').focus();
    // A native range moves a tenth of its range on PageUp: 0.5 here.
    await page.keyboard.press("PageUp");
    await page.keyboard.press("PageUp");
    await nextFrames(page);
    for (const tag of TAGS) {
      await expect(page.locator(`${tag} output[data-output="gamma"]`).textContent(), tag).resolves.toBe("3.0");
      await expect(page.locator(`${tag} input[data-control="gamma"]`).inputValue(), tag).resolves.toBe("3");
    }
    expect((await legendRow(page.locator("focal-loss-curves"), "reader")).label).toBe("yours: γ = 3");
    expect(await curveD(page.locator("focal-loss-curves"), "reader")).not.toBe(await curveD(page.locator("focal-loss-curves"), "g2"));
    // A figure out of sight redraws when it comes back into view.
    await logit.scrollIntoViewIfNeeded();
    await nextFrames(page);
    await nextFrames(page);
    expect(await logit.locator('.panel-gradient path[data-key="reader"]').getAttribute("d")).not.toBe(logitBefore);
    const formula = page.locator("live-focal-formula");
    await expect(formula.locator('[data-tangle="gamma"]').first().textContent()).resolves.toBe("3.0");
    await expect(formula.locator('[data-result="fl"]').textContent()).resolves.toBe(formulaTexts(formulaValues(0.9, 3, null)).fl);
    expect(await settledParams(page, { gamma: "3" })).toEqual({ gamma: "3" });

    // α switched on in the logit figure reaches the focal-curves figure.
    await logit.locator('input[data-control="alpha-on"]').check();
    await page.locator("focal-loss-curves").scrollIntoViewIfNeeded();
    await nextFrames(page);
    await nextFrames(page);
    expect((await legendRow(page.locator("focal-loss-curves"), "reader")).label).toBe("yours: γ = 3, α = 0.25");
    expect(await page.locator('focal-loss-curves input[data-control="alpha-on"]').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
