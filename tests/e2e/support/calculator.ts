/** What the calculator tests share: reading the page the way a reader sees it, and one page for many cases. */
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { expect } from "./test";
import { siteUrl, watchedPage } from "./browser";
import { fieldStates, restoreFields } from "./form-state";

/** All text on the page, hidden readings for screen readers included, minus scripts. */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const s of clone.querySelectorAll("script, style")) s.remove();
    return clone.textContent ?? "";
  });
}

/** Text a reader must never see: a broken number. */
export const BROKEN_NUMBER = /NaN|undefined|Infinity/;

/** The loss calculator's summary values, by key (ce, balancedCe, fl, ceOverFl). */
export async function lossSummary(page: Page): Promise<Record<string, string>> {
  return page
    .locator("loss-calculator [data-result]")
    .evaluateAll((dds) =>
      Object.fromEntries(dds.map((d) => [(d as HTMLElement).dataset.result!, d.textContent ?? ""])),
    );
}

/** The typeset text of one step's formula (KaTeX's HTML), with spacing removed. */
export async function stepMathText(page: Page, step: string): Promise<string> {
  const text = await page.locator(`loss-calculator [data-step="${step}"] .calc-step-math .katex-html`).textContent();
  return (text ?? "").replace(/\s+/g, "");
}

/** The text KaTeX itself gives for some HTML, spacing removed, read in the page so both sides parse alike. */
export async function htmlText(page: Page, html: string): Promise<string> {
  return page.evaluate((h) => {
    const div = document.createElement("div");
    div.innerHTML = h;
    return (div.querySelector(".katex-html")?.textContent ?? "").replace(/\s+/g, "");
  }, html);
}

/** The scenario table's computed cells, row by row: name, pt, ce, balancedCe, fl, ceOverFl (as shown). */
export async function scenarioCells(page: Page): Promise<Array<Record<string, string>>> {
  return page
    .locator("scenario-calculator [data-rows] > tr")
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Object.fromEntries(
          [...tr.querySelectorAll<HTMLElement>("[data-cell]")].map((c) => [
            c.dataset.cell!,
            (c.textContent ?? "").trim(),
          ]),
        ),
      ),
    );
}

/**
 * The address as the page sees it. Playwright's page.url() learns of
 * history.replaceState through an event that can arrive after the next step.
 */
export async function currentUrl(page: Page): Promise<URL> {
  return new URL(await page.evaluate(() => location.href));
}

/** The loss calculator's fields, and the scenario table's (its α and γ and every row's). */
export const LOSS_FIELDS = "loss-calculator [data-input]";
export const SCENARIO_FIELDS = "scenario-calculator [data-input], scenario-calculator [data-row-input]";

/** Every computed cell of the scenario table, as shown. */
export const scenarioCellTexts = (page: Page) =>
  page.locator("scenario-calculator [data-rows] [data-cell]").allTextContents();

/**
 * A calculator page opened once (for a sharedPage), with what it showed on
 * opening, and `reset()`, which puts every field back and waits until the
 * results are those again, fresh (each case starts where a first visit does).
 */
export async function openCalculatorOnce(
  browser: Browser,
  path: string,
  element: "loss-calculator" | "scenario-calculator",
  options: BrowserContextOptions = {},
) {
  const watched = await watchedPage(browser, options);
  const { page } = watched;
  await page.goto(siteUrl(path));
  await page.waitForSelector(`${element}[data-ready]`);
  const fields = element === "loss-calculator" ? LOSS_FIELDS : SCENARIO_FIELDS;
  const results = (): Promise<unknown> => (element === "loss-calculator" ? lossSummary(page) : scenarioCellTexts(page));
  const saved = await fieldStates(page, fields);
  const opened = await results();
  const reset = async () => {
    await restoreFields(page, fields, saved);
    await expect.poll(results, "back to the results shown on opening").toEqual(opened);
    await expect(page.locator(element)).not.toHaveAttribute("data-stale");
  };
  return { ...watched, reset };
}
