/**
 * A reader sets up an example, reloads or shares the link, and finds it as
 * they left it; a hostile or broken link falls back to defaults, field by field.
 *
 * One page for the file, its tests in order, each loading the address it tests on it: what it reads is a
 * fresh load of that address (the calculators keep their state in the URL only).
 */
import { expect, test } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";
import { BROKEN_NUMBER, currentUrl, lossSummary, pageText, scenarioCells } from "./support/calculator";
import { crossEntropy, focalLoss } from "../../src/lib/math/loss";
import { formatNumber } from "../../src/lib/text/format";

const shared = sharedPage((browser) => watchedPage(browser));

test.describe("the loss calculator keeps its state in the URL", () => {
  test("restores p, class, α and γ after a reload", async () => {
    const { page, problems } = shared.current;
    await page.goto(siteUrl("calculator/#top"));
    await page.waitForSelector("loss-calculator[data-ready]");
    await page.fill("[data-input=p]", "0.3");
    await page.check("[data-input=y][value='0']");
    await page.fill("[data-input=alpha]", "0.6");
    await page.fill("[data-input=gamma]", "3.5");
    // The URL is written once the reader pauses typing.
    await expect.poll(async () => (await currentUrl(page)).searchParams.get("loss.gamma")).toBe("3.5");
    const url = await currentUrl(page);
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
  });

  test("α off survives a reload, and going back to the article's example clears the URL", async () => {
    const { page } = shared.current;
    await page.goto(siteUrl("calculator/"));
    await page.waitForSelector("loss-calculator[data-ready]");
    await page.uncheck("[data-input=alpha-on]");
    await expect.poll(async () => (await currentUrl(page)).searchParams.get("loss.alpha")).toBe("off");
    await page.reload();
    await page.waitForSelector("loss-calculator[data-ready]");
    expect(await page.isChecked("[data-input=alpha-on]")).toBe(false);
    expect(await page.isDisabled("[data-input=alpha]")).toBe(true);
    await page.getByRole("button", { name: "Back to the article’s example" }).click();
    await expect.poll(async () => (await currentUrl(page)).search).toBe("");
    expect((await lossSummary(page)).fl).toBe(formatNumber(focalLoss(0.95, 1, { alpha: 0.25, gamma: 2 })));
  });

  test("a hostile or broken link falls back field by field, and nothing from it reaches the page", async () => {
    const { page, problems } = shared.current;
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
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
  });
});

test.describe("the scenario table keeps its state in the URL", () => {
  test("restores α, γ and the edited rows after a reload", async () => {
    const { page, problems } = shared.current;
    await page.goto(siteUrl("scenarios/"));
    await page.waitForSelector("scenario-calculator[data-ready]");
    await page.uncheck("scenario-calculator [data-input=alpha-on]");
    await page.fill("scenario-calculator [data-input=gamma]", "3");
    const rows = page.locator("scenario-calculator [data-rows] > tr");
    await rows.nth(1).locator("[data-row-input=p]").fill("0.2");
    await rows.nth(3).locator("[data-action=remove-row]").click();
    await page.click("scenario-calculator [data-action=add-row]");
    await expect
      .poll(async () => (await currentUrl(page)).searchParams.get("table.rows"))
      .toBe("1:0.95,0:0.2,1:0.05,1:0.99,0:0.01,1:0.5");
    const url = await currentUrl(page);
    expect(url.searchParams.get("table.alpha")).toBe("off");
    expect(url.searchParams.get("table.gamma")).toBe("3");
    expect(url.searchParams.get("table.rows")).toBe("1:0.95,0:0.2,1:0.05,1:0.99,0:0.01,1:0.5");
    const before = await scenarioCells(page);

    await page.reload();
    await page.waitForSelector("scenario-calculator[data-ready]");
    expect(await page.isChecked("scenario-calculator [data-input=alpha-on]")).toBe(false);
    expect(await page.inputValue("scenario-calculator [data-input=gamma]")).toBe("3");
    expect(await rows.count()).toBe(6);
    expect(await rows.nth(1).locator("[data-row-input=p]").inputValue()).toBe("0.2");
    expect(await rows.nth(1).locator("[data-row-input=y]").inputValue()).toBe("0");
    const after = await scenarioCells(page);
    expect(after).toEqual(before);
    expect(after[1]!.fl).toBe(formatNumber(focalLoss(0.2, 0, { alpha: null, gamma: 3 })));
    expect(problems).toEqual([]);
  });

  test("a hostile rows parameter keeps the readable rows and shows nothing of the rest", async () => {
    const { page } = shared.current;
    const rows = encodeURIComponent("1:0.7,<script>alert(1)</script>,0:2,x:0.5,0:0.4");
    await page.goto(siteUrl(`scenarios/?table.rows=${rows}&table.gamma=1e999`));
    await page.waitForSelector("scenario-calculator[data-ready]");
    const cells = await scenarioCells(page);
    expect(cells).toHaveLength(2);
    expect(cells[0]!.fl).toBe(formatNumber(focalLoss(0.7, 1, { alpha: 0.25, gamma: 2 })));
    expect(cells[1]!.fl).toBe(formatNumber(focalLoss(0.4, 0, { alpha: 0.25, gamma: 2 })));
    expect(await pageText(page)).not.toMatch(/alert|BROKEN|NaN|Infinity|undefined/);
  });
});
