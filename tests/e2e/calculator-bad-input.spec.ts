/**
 * A reader types what they should not, or pastes numbers in other notations:
 * each bad value gets its own message next to its field, the results stay at
 * the last valid values and say so, and no broken number ever shows.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { caseTitle, expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { siteUrl, watchedPage } from "./support/browser";
import {
  BROKEN_NUMBER,
  lossSummary,
  openCalculatorOnce as openOnce,
  pageText,
  scenarioCellTexts,
} from "./support/calculator";
import { sharedPage } from "./support/shared-page";
import { crossEntropy, focalLoss } from "../../src/lib/math/loss";
import { formatNumber } from "../../src/lib/text/format";

const cellsOf = scenarioCellTexts;

/** The field's message as the accessibility tree links it: aria-invalid, and the text aria-describedby points to. */
async function fieldError(
  page: Page,
  field: string,
): Promise<{ invalid: string | null; message: string; visible: boolean }> {
  const input = page.locator(`loss-calculator [data-input=${field}]`);
  const invalid = await input.getAttribute("aria-invalid");
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  const error = page.locator(`loss-calculator [data-error=${field}]`);
  const errorId = await error.getAttribute("id");
  const linked = describedBy.split(/\s+/).includes(errorId ?? "—");
  return {
    invalid,
    message: linked ? ((await error.textContent()) ?? "") : "(not linked)",
    visible: await error.isVisible(),
  };
}

test.describe("bad input in the loss calculator", () => {
  const calculator = sharedPage((browser) => openOnce(browser, "calculator/", "loss-calculator"));
  test.beforeEach(() => calculator.current.reset());

  const cases = [
    { field: "p", value: "", message: /p is empty\. Enter a probability from 0 to 1/ },
    { field: "p", value: "abc", message: /not a number\. Enter a probability from 0 to 1/ },
    { field: "p", value: "1e999", message: /too large to compute with\. Enter a probability/ },
    { field: "p", value: "-0.2", message: /p cannot be below 0\. Enter a probability/ },
    { field: "p", value: "1.2", message: /p cannot be above 1\. Enter a probability/ },
    { field: "p", value: "1,000.5", message: /mixes commas and points/ },
    { field: "alpha", value: "1.5", message: /α cannot be above 1\. Enter a weight from 0 to 1/ },
    { field: "alpha", value: "-0.1", message: /α cannot be below 0/ },
    { field: "alpha", value: "", message: /α is empty/ },
    { field: "gamma", value: "-1", message: /γ cannot be below 0\. Enter a number from 0 to 10/ },
    { field: "gamma", value: "11", message: /γ cannot be above 10\. Enter a number from 0 to 10/ },
    { field: "gamma", value: "1e999", message: /too large/ },
    { field: "gamma", value: "two", message: /not a number/ },
  ];

  for (const [index, row] of cases.entries()) {
    test(caseTitle("$field = $value: its message, stale results, no broken number", row, index), async () => {
      const { field, value, message } = row;
      const { page, problems } = calculator.current;
      const before = await lossSummary(page);
      await page.fill(`[data-input=${field}]`, value);

      const error = await fieldError(page, field);
      expect(error.invalid).toBe("true");
      expect(error.visible).toBe(true);
      expect(error.message).toMatch(message);
      // The last valid results stay, visibly marked as not updated.
      expect(await lossSummary(page)).toEqual(before);
      expect(await page.locator("loss-calculator").getAttribute("data-stale")).not.toBeNull();
      expect(await page.locator("loss-calculator [data-stale-note]").isVisible()).toBe(true);
      expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);

      // Fixing the field clears the message and brings the results back to life.
      await page.fill(`[data-input=${field}]`, field === "gamma" ? "1" : "0.5");
      expect((await fieldError(page, field)).invalid).toBeNull();
      expect(await page.locator(`loss-calculator [data-error=${field}]`).isVisible()).toBe(false);
      expect(await page.locator("loss-calculator").getAttribute("data-stale")).toBeNull();
      expect(await page.locator("loss-calculator [data-stale-note]").isVisible()).toBe(false);
      expect(await lossSummary(page)).not.toEqual(before);
      expect(problems).toEqual([]);
    });
  }

  test.describe("opened as a background example", () => {
    // Its own page: the address says y = 0, as a shared link to a background example does.
    const background = sharedPage((browser) => openOnce(browser, "calculator/?loss.y=0", "loss-calculator"));
    test.beforeEach(() => background.current.reset());

    for (const [index, row] of [
      { typed: " 0,95 ", p: 0.95 },
      { typed: "5e-2", p: 0.05 },
      { typed: "0.000 05", p: 0.00005 },
      { typed: "\u22120", p: 0 },
    ].entries()) {
      test(caseTitle("accepts the pasted $typed as p = $p", row, index), async () => {
        const { typed, p } = row;
        const { page } = background.current;
        await page.fill("[data-input=p]", typed);
        expect((await fieldError(page, "p")).invalid).toBeNull();
        const summary = await lossSummary(page);
        expect(summary.ce).toBe(formatNumber(crossEntropy(p, 0)));
        expect(summary.fl).toBe(formatNumber(focalLoss(p, 0, { alpha: 0.25, gamma: 2 })));
      });
    }
  });

  for (const [index, row] of [
    { p: "0", y: "1" },
    { p: "1", y: "0" },
  ].entries()) {
    test(caseTitle("p = $p with y = $y (p_t = 0): the loss is ∞, with a one-line reason", row, index), async () => {
      const { p, y } = row;
      const { page } = calculator.current;
      await page.check(`[data-input=y][value='${y}']`);
      await page.fill("[data-input=p]", p);
      expect((await fieldError(page, "p")).invalid).toBeNull();
      const summary = await lossSummary(page);
      expect(summary.ce).toBe("∞");
      expect(summary.fl).toBe("∞");
      expect(summary.ceOverFl).toBe("—");
      const explain = page.locator("loss-calculator [data-explain]");
      expect(await explain.isVisible()).toBe(true);
      expect(await explain.textContent()).toMatch(/pt = 0: the model gave the true class no probability/);
      expect(await page.locator('loss-calculator [data-step="ce"] [data-step-note]').textContent()).toMatch(
        /ln 0 is −∞/,
      );
      expect(await page.locator('loss-calculator [data-step="ceOverFl"] [data-step-note]').textContent()).toMatch(
        /not defined/,
      );
      expect(await page.locator("loss-calculator").getAttribute("data-stale")).toBeNull();
      expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
    });
  }

  test("switching α off clears an α error and computes without weighting", async () => {
    const { page } = calculator.current;
    await page.fill("[data-input=alpha]", "7");
    expect((await fieldError(page, "alpha")).invalid).toBe("true");
    await page.uncheck("[data-input=alpha-on]");
    expect((await fieldError(page, "alpha")).invalid).toBeNull();
    expect((await lossSummary(page)).fl).toBe(formatNumber(focalLoss(0.95, 1, { alpha: null, gamma: 2 })));
  });
});

test.describe("bad input in the scenario table", () => {
  const table = sharedPage((browser) => openOnce(browser, "scenarios/", "scenario-calculator"));
  test.beforeEach(() => table.current.reset());

  for (const [index, row] of [
    { value: "", message: /p is empty/ },
    { value: "abc", message: /not a number/ },
    { value: "1e999", message: /too large/ },
    { value: "-0.5", message: /p cannot be below 0/ },
    { value: "2", message: /p cannot be above 1/ },
    { value: "1,2,3", message: /mixes commas and points/ },
  ].entries()) {
    test(
      caseTitle("a row's p = $value: the message in that row, the numbers kept and marked stale", row, index),
      async () => {
        const { value, message } = row;
        const { page, problems } = table.current;
        const before = await cellsOf(page);
        const input = page.locator("scenario-calculator [data-rows] > tr").nth(2).locator("[data-row-input=p]");
        await input.fill(value);
        expect(await input.getAttribute("aria-invalid")).toBe("true");
        const errorId = (await input.getAttribute("aria-describedby"))!;
        const error = page.locator(`#${errorId}`);
        expect(await error.isVisible()).toBe(true);
        expect(await error.textContent()).toMatch(message);
        expect(await error.textContent()).toMatch(/Enter a probability from 0 to 1/);
        expect(await cellsOf(page)).toEqual(before);
        expect(await page.locator("scenario-calculator").getAttribute("data-stale")).not.toBeNull();
        expect(await page.locator("scenario-calculator [data-stale-note]").isVisible()).toBe(true);
        expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
        await input.fill("0,5");
        expect(await input.getAttribute("aria-invalid")).toBeNull();
        expect(await page.locator("scenario-calculator").getAttribute("data-stale")).toBeNull();
        expect(await cellsOf(page)).not.toEqual(before);
        expect(problems).toEqual([]);
      },
    );
  }

  for (const [index, row] of [
    { field: "alpha", value: "1.5", message: /α cannot be above 1/ },
    { field: "alpha", value: "-1", message: /α cannot be below 0/ },
    { field: "gamma", value: "-0.5", message: /γ cannot be below 0/ },
    { field: "gamma", value: "10.5", message: /γ cannot be above 10/ },
    { field: "gamma", value: "", message: /γ is empty/ },
  ].entries()) {
    test(caseTitle("$field = $value: its message, the table kept and marked stale", row, index), async () => {
      const { field, value, message } = row;
      const { page } = table.current;
      const before = await cellsOf(page);
      await page.fill(`scenario-calculator [data-input=${field}]`, value);
      const input = page.locator(`scenario-calculator [data-input=${field}]`);
      expect(await input.getAttribute("aria-invalid")).toBe("true");
      const error = page.locator(`scenario-calculator [data-error=${field}]`);
      expect((await input.getAttribute("aria-describedby"))!.split(" ")).toContain(await error.getAttribute("id"));
      expect(await error.textContent()).toMatch(message);
      expect(await cellsOf(page)).toEqual(before);
      expect(await page.locator("scenario-calculator [data-stale-note]").isVisible()).toBe(true);
      expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
    });
  }
});

test.describe("error states stay accessible", () => {
  // One page for both themes: the light test leaves it on the scenario table showing its errors, and the dark one
  // switches the system's scheme there (the palette is light-dark(), so the page repaints in place) before it
  // opens the loss calculator again.
  const errors = sharedPage((browser) => watchedPage(browser, { colorScheme: "light" }));

  async function lossCalculatorWithErrors(page: Page) {
    await page.goto(siteUrl("calculator/"));
    await page.waitForSelector("loss-calculator[data-ready]");
    await page.fill("[data-input=p]", "2");
    await page.fill("[data-input=gamma]", "x");
    expect(
      (await new AxeBuilder({ page }).include("loss-calculator").setLegacyMode().analyze()).violations.map((v) => v.id),
    ).toEqual([]);
  }

  async function scenarioTableWithErrors(page: Page) {
    await page.goto(siteUrl("scenarios/"));
    await page.waitForSelector("scenario-calculator[data-ready]");
    await page.locator("scenario-calculator [data-rows] > tr").nth(1).locator("[data-row-input=p]").fill("x");
    await page.fill("scenario-calculator [data-input=alpha]", "5");
    await scenarioTableAxe(page);
  }

  async function scenarioTableAxe(page: Page) {
    expect(
      (await new AxeBuilder({ page }).include("scenario-calculator").setLegacyMode().analyze()).violations.map(
        (v) => v.id,
      ),
    ).toEqual([]);
  }

  test(caseTitle("axe finds nothing wrong with both calculators showing errors (%s theme)", "light", 0), async () => {
    const { page } = errors.current;
    await lossCalculatorWithErrors(page);
    await scenarioTableWithErrors(page);
  });

  test(caseTitle("axe finds nothing wrong with both calculators showing errors (%s theme)", "dark", 1), async () => {
    const { page } = errors.current;
    await page.emulateMedia({ colorScheme: "dark" });
    // Still the table the light test left, with its errors: now in the dark palette.
    expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
    await expect(page.locator("scenario-calculator")).toHaveAttribute("data-stale");
    await scenarioTableAxe(page);
    await lossCalculatorWithErrors(page);
  });
});
