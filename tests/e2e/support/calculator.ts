/** What the calculator tests share: reading the page the way a reader sees it. */
import type { Page } from "@playwright/test";

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
