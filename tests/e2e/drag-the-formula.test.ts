import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";
import { nextFrames, settledParams } from "./support/figures";
import { formulaTexts, formulaValues } from "../../src/lib/live-formula";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function openFormula(page: import("playwright-core").Page, query = "") {
  await page.goto(siteUrl(`figures/${query}`), { waitUntil: "load" });
  const formula = page.locator("live-focal-formula").first();
  await formula.scrollIntoViewIfNeeded();
  await page.waitForSelector("live-focal-formula[data-ready]");
  return formula;
}

describe("a reader plays with the numbers in the focal-loss formula", () => {
  it("steps γ, α and p_t with the keyboard; the loss and the ratio follow the module", async () => {
    const { page, context, problems } = await watchedPage(browser);
    const formula = await openFormula(page);
    const gamma = formula.locator('[data-tangle="gamma"]').first();
    await expect(gamma.getAttribute("role")).resolves.toBe("slider");
    await expect(gamma.getAttribute("aria-valuenow")).resolves.toBe("2");
    await gamma.focus();
    await page.keyboard.press("ArrowLeft");
    await nextFrames(page);
    await expect(gamma.textContent()).resolves.toBe("1.9");
    await expect(gamma.getAttribute("aria-valuetext")).resolves.toBe("γ = 1.9");

    const alpha = formula.locator('[data-tangle="alpha"]').first();
    await expect(alpha.textContent()).resolves.toBe("1");
    await alpha.focus();
    await page.keyboard.press("PageDown");
    await nextFrames(page);
    await expect(alpha.textContent()).resolves.toBe("0.90");

    const pt = formula.locator('[data-tangle="pt"]').first();
    await pt.focus();
    await page.keyboard.press("ArrowRight");
    await nextFrames(page);
    for (const el of await formula.locator('[data-tangle="pt"]').all()) await expect(el.textContent()).resolves.toBe("0.91");
    const expected = formulaTexts(formulaValues(0.91, 1.9, 0.9));
    await expect(formula.locator('[data-result="fl"]').textContent()).resolves.toBe(expected.fl);
    await expect(formula.locator('[data-result="ce"]').textContent()).resolves.toBe(expected.ce);
    await expect(formula.locator('[data-result="factor"]').textContent()).resolves.toBe(expected.factor);
    // γ and α are the page's figure state: the URL carries them, p_t stays local.
    expect(await settledParams(page, { gamma: "1.9", alpha: "0.9" })).toEqual({ gamma: "1.9", alpha: "0.9" });

    // Delete turns α weighting off again.
    await alpha.focus();
    await page.keyboard.press("Delete");
    await nextFrames(page);
    await expect(alpha.textContent()).resolves.toBe("1");
    expect(await settledParams(page, { gamma: "1.9" })).toEqual({ gamma: "1.9" });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("drags γ to the right and to the left with the pointer, clamped to [0, 5]", async () => {
    const { page, context } = await watchedPage(browser);
    const formula = await openFormula(page, "?gamma=1");
    const gamma = formula.locator('[data-tangle="gamma"]').first();
    await expect(gamma.textContent()).resolves.toBe("1.0");
    const box = (await gamma.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    // 6 px per 0.1: 60 px to the right is +1.0
    await page.mouse.move(box.x + box.width / 2 + 60, y, { steps: 6 });
    await nextFrames(page);
    await expect(gamma.textContent()).resolves.toBe("2.0");
    await page.mouse.move(box.x + box.width / 2 - 400, y, { steps: 6 });
    await page.mouse.up();
    await nextFrames(page);
    await expect(gamma.textContent()).resolves.toBe("0.0");
    await expect(formula.locator('[data-result="factor"]').textContent()).resolves.toBe("1");
    await expect(page.locator('focal-loss-curves output[data-output="gamma"]').textContent()).resolves.toBe("0.0");
    await context.close();
  });
});
