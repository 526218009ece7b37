/**
 * A reader sets up an example, reloads or shares the link, and finds it as
 * they left it; a hostile or broken link falls back to defaults, field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";
import { BROKEN_NUMBER, lossSummary, pageText } from "./support/calculator";
import { crossEntropy, focalLoss } from "../../src/lib/loss";
import { formatNumber } from "../../src/lib/format";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe("the loss calculator keeps its state in the URL", () => {
  it("restores p, class, α and γ after a reload", async () => {
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(siteUrl("calculator/#top"));
    await page.waitForSelector("loss-calculator[data-ready]");
    await page.fill("[data-input=p]", "0.3");
    await page.check("[data-input=y][value='0']");
    await page.fill("[data-input=alpha]", "0.6");
    await page.fill("[data-input=gamma]", "3.5");
    const url = new URL(page.url());
    expect(url.searchParams.get("loss.p")).toBe("0.3");
    expect(url.searchParams.get("loss.y")).toBe("0");
    expect(url.searchParams.get("loss.alpha")).toBe("0.6");
    expect(url.searchParams.get("loss.gamma")).toBe("3.5");
    expect(url.hash).toBe("#top");
    const before = await lossSummary(page);

    await page.reload();
    await page.waitForSelector("loss-calculator[data-ready]");
    expect(await page.inputValue("[data-input=p]")).toBe("0.3");
    expect(await page.isChecked("[data-input=y][value='0']")).toBe(true);
    expect(await page.inputValue("[data-input=alpha]")).toBe("0.6");
    expect(await page.inputValue("[data-input=gamma]")).toBe("3.5");
    const after = await lossSummary(page);
    expect(after).toEqual(before);
    expect(after.fl).toBe(formatNumber(focalLoss(0.3, 0, { alpha: 0.6, gamma: 3.5 })));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("α off survives a reload, and going back to the article's example clears the URL", async () => {
    const { page, context } = await watchedPage(browser);
    await page.goto(siteUrl("calculator/"));
    await page.waitForSelector("loss-calculator[data-ready]");
    await page.uncheck("[data-input=alpha-on]");
    expect(new URL(page.url()).searchParams.get("loss.alpha")).toBe("off");
    await page.reload();
    await page.waitForSelector("loss-calculator[data-ready]");
    expect(await page.isChecked("[data-input=alpha-on]")).toBe(false);
    expect(await page.isDisabled("[data-input=alpha]")).toBe(true);
    await page.click("[data-action=reset]");
    expect(new URL(page.url()).search).toBe("");
    expect((await lossSummary(page)).fl).toBe(formatNumber(focalLoss(0.95, 1, { alpha: 0.25, gamma: 2 })));
    await context.close();
  });

  it("a hostile or broken link falls back field by field, and nothing from it reaches the page", async () => {
    const { page, context, problems } = await watchedPage(browser);
    let dialogs = 0;
    page.on("dialog", (d) => { dialogs++; void d.dismiss(); });
    const hostile = encodeURIComponent("<img src=x onerror=alert(1)>");
    await page.goto(siteUrl(`calculator/?loss.p=${hostile}&loss.y=0&loss.alpha=2&loss.gamma=NaN`));
    await page.waitForSelector("loss-calculator[data-ready]");
    expect(await page.inputValue("[data-input=p]")).toBe("0.95");
    expect(await page.isChecked("[data-input=y][value='0']")).toBe(true);
    expect(await page.inputValue("[data-input=alpha]")).toBe("0.25");
    expect(await page.inputValue("[data-input=gamma]")).toBe("2");
    expect((await lossSummary(page)).ce).toBe(formatNumber(crossEntropy(0.95, 0)));
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
