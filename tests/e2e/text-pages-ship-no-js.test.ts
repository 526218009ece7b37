import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe("a text-only page costs no JavaScript beyond the theme script", () => {
  it("loads no script files and has one small inline script", async () => {
    const { page, context } = await watchedPage(browser);
    const scripts: string[] = [];
    page.on("request", (r) => { if (r.resourceType() === "script") scripts.push(r.url()); });
    await page.goto(siteUrl(), { waitUntil: "networkidle" });
    expect(scripts).toEqual([]);
    const inline = await page.locator("script:not([src])").evaluateAll((s) => s.map((e) => e.textContent ?? ""));
    expect(inline).toHaveLength(1);
    expect(Buffer.byteLength(inline[0]!)).toBeLessThan(2048);
    await context.close();
  });

  it("the built index has exactly the theme script", () => {
    const html = readFileSync("dist/index.html", "utf8");
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});
