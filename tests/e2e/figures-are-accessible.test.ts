import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const FIGURES = ["focal-loss-curves", "modulating-factor-curves", "logit-loss-gradient", "live-focal-formula"];

describe("a reader using a screen reader or a keyboard", () => {
  it.each(["light", "dark"] as const)("finds no axe violations in the upgraded figures (%s theme)", async (colorScheme) => {
    const { page, context } = await watchedPage(browser, { colorScheme });
    await page.goto(siteUrl("figures/"), { waitUntil: "load" });
    for (const tag of FIGURES) {
      await page.locator(tag).first().scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready]`);
    }
    const results = await new AxeBuilder({ page }).include(FIGURES.join(", ")).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  });

  it("every chart has a name and a description, and every control a label", async () => {
    const { page, context } = await watchedPage(browser);
    await page.goto(siteUrl("figures/"), { waitUntil: "load" });
    for (const svg of await page.locator("svg.chart").all()) {
      expect((await svg.locator(":scope > title").textContent())?.length).toBeGreaterThan(10);
      expect((await svg.locator(":scope > desc").textContent())?.length).toBeGreaterThan(30);
    }
    const unlabelled = await page.locator(".figure-controls input").evaluateAll((inputs) =>
      inputs.filter((i) => !(i as HTMLInputElement).labels?.length && !i.getAttribute("aria-label")).map((i) => i.id));
    expect(unlabelled).toEqual([]);
    await context.close();
  });
});
