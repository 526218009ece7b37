import { expect, test, workerBrowser } from "./support/test";
import type { Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";
import { BUDGET_PRESETS, lossBudgets, sharePhrase } from "../../src/lib/views/loss-budget";

const browser = workerBrowser();

/** Chapter 1, where the imbalance is introduced, carries the interactive budget below its static table. */
const LAB = "why-focal-loss/";
const preset = (id: string) => BUDGET_PRESETS.find((p) => p.id === id)!.inputs;

/** The share a bar shows for a kind of example, as the reader reads it. */
const shown = (page: Page, kind: string, part: string) =>
  page
    .locator(`loss-budget .budget-row[data-kind="${kind}"] .budget-segment[data-part="${part}"]`)
    .first()
    .getAttribute("data-share");

test.describe("a reader explores the loss budget", () => {
  test("shows, with JavaScript off, the prior-initialisation budget the module computes", async () => {
    const { page, context } = await watchedPage(browser.current, { javaScriptEnabled: false });
    await page.goto(siteUrl(LAB));
    const [ce, , fl] = lossBudgets(preset("prior"), { alpha: 0.25, gamma: 2 });
    expect(await shown(page, "ce", "easyNegatives")).toBe(sharePhrase(ce!.parts.easyNegatives.share));
    expect(await shown(page, "focal", "positives")).toBe(sharePhrase(fl!.parts.positives.share));
    const reading = await page.locator("loss-budget [data-budget-reading]").first().textContent();
    expect(reading).toContain(`easy negatives carry ${(ce!.parts.easyNegatives.share * 100).toFixed(1)}%`);
    await context.close();
  });

  test("recomputes the bars, the reading and the table when the scenario and the sliders change", async () => {
    const { page, context, problems, foreignRequests } = await watchedPage(browser.current);
    await page.goto(siteUrl(LAB));
    const figure = page.locator("loss-budget").first();
    await page.locator('loss-budget[data-ready="true"]').first().waitFor();

    // A well-trained detector: the scenario menu moves every slider at once.
    await figure.locator('[data-control="preset"] select').selectOption("trained");
    const [ce, balanced, first] = lossBudgets(preset("trained"), { alpha: 0.25, gamma: 2 });
    let fl = first;
    await expect.poll(() => shown(page, "ce", "easyNegatives")).toBe(sharePhrase(ce!.parts.easyNegatives.share));
    expect(await shown(page, "balanced", "hardNegatives")).toBe(sharePhrase(balanced!.parts.hardNegatives.share));
    expect(await shown(page, "focal", "positives")).toBe(sharePhrase(fl!.parts.positives.share));
    expect(await figure.locator('[data-control="ptEasy"] input').inputValue()).toBe(String(preset("trained").ptEasy));

    // γ to its maximum with the keyboard (End), α one step down (ArrowLeft).
    await figure.locator('[data-control="gamma"] input').focus();
    await page.keyboard.press("End");
    await figure.locator('[data-control="alpha"] input').focus();
    await page.keyboard.press("ArrowLeft");
    fl = lossBudgets(preset("trained"), { alpha: 0.2, gamma: 5 })[2];
    // The row's name is the state the bars were drawn for: wait for it (the easy negatives' share reads 0.0 %
    // for both α here, so it cannot tell whether the α step has been drawn yet).
    await expect(figure.locator(".budget-row[data-kind=focal] .budget-row-name")).toHaveText(
      "Focal loss (γ = 5, α = 0.2)",
    );
    expect(await figure.locator('[data-control="gamma"] output').textContent()).toBe("5.0");
    for (const part of ["easyNegatives", "hardNegatives", "positives"] as const)
      expect(await shown(page, "focal", part)).toBe(sharePhrase(fl!.parts[part].share));

    // Fewer locations: Home takes the log slider to 10³; the menu says the scenario is now custom.
    await figure.locator('[data-control="locations"] input').focus();
    await page.keyboard.press("Home");
    await expect.poll(() => figure.locator('[data-control="locations"] output').textContent()).toBe("1,000");
    expect(await figure.locator('[data-control="preset"] select').inputValue()).toBe("custom");
    const [ceFewer] = lossBudgets({ ...preset("trained"), locations: 1000 }, { alpha: 0.2, gamma: 5 });
    await expect.poll(() => shown(page, "ce", "easyNegatives")).toBe(sharePhrase(ceFewer!.parts.easyNegatives.share));
    const countCell = await figure.locator("[data-budget-table] tbody tr").first().locator("td").first().textContent();
    expect(countCell).toBe(String(ceFewer!.parts.easyNegatives.count));

    const text = await figure.textContent();
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  test("keeps the reader's budget in the link: a reload restores it, and a hostile link falls back field by field", async () => {
    const { page, context, problems } = await watchedPage(browser.current);
    await page.goto(siteUrl(LAB));
    const figure = page.locator("loss-budget").first();
    await page.locator('loss-budget[data-ready="true"]').first().waitFor();
    await figure.locator('[data-control="preset"] select').selectOption("half");
    await figure.locator('[data-control="gamma"] input').focus();
    await page.keyboard.press("End");
    const param = (name: string) => page.evaluate((n) => new URLSearchParams(location.search).get(n), name);
    await expect.poll(() => param("budget.gamma")).toBe("5");
    expect(await param("budget.ptEasy")).toBe(String(preset("half").ptEasy));

    await page.reload();
    await page.locator('loss-budget[data-ready="true"]').first().waitFor();
    const [, , fl] = lossBudgets(preset("half"), { alpha: 0.25, gamma: 5 });
    await expect.poll(() => shown(page, "focal", "easyNegatives")).toBe(sharePhrase(fl!.parts.easyNegatives.share));
    await expect(figure.locator('[data-control="preset"] select')).toHaveValue("half");
    await expect(figure.locator('[data-control="gamma"] output')).toHaveText("5.0");

    await page.goto(siteUrl(`${LAB}?budget.gamma=${encodeURIComponent("<b>")}&budget.ptHard=2&budget.locations=1000`));
    await page.locator('loss-budget[data-ready="true"]').first().waitFor();
    const [ce] = lossBudgets({ ...preset("prior"), locations: 1000 }, { alpha: 0.25, gamma: 2 });
    await expect.poll(() => shown(page, "ce", "easyNegatives")).toBe(sharePhrase(ce!.parts.easyNegatives.share));
    await expect(figure.locator('[data-control="gamma"] output')).toHaveText("2.0");
    expect(await page.content()).not.toContain("<b>");
    expect(problems).toEqual([]);
    await context.close();
  });
});
