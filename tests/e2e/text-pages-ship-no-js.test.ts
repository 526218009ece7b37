import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

// Pages with text, math and build-time tables and charts but no interactive island. (The index has
// the live hero figure and chapter 1 the live loss budget; every chapter now ends with the "Check
// yourself" island, so chapters 2 and 4 are tested below for loading that island alone.)
const TEXT_PAGES = [
  { path: "no-such-page/", file: "dist/404.html" },
];
const SELF_CHECK_ONLY_PAGES = [
  { path: "what-is-focal-loss/", file: "dist/what-is-focal-loss/index.html" },
  { path: "balanced-cross-entropy/", file: "dist/balanced-cross-entropy/index.html" },
];

describe("a text-only page costs no JavaScript beyond the theme script", () => {
  it.each(TEXT_PAGES)("$path loads no script files and has one small inline script", async ({ path }) => {
    const { page, context } = await watchedPage(browser);
    const scripts: string[] = [];
    page.on("request", (r) => { if (r.resourceType() === "script") scripts.push(r.url()); });
    await page.goto(siteUrl(path), { waitUntil: "networkidle" });
    expect(await page.locator("h1").count()).toBe(1);
    expect(scripts).toEqual([]);
    const inline = await page.locator("script:not([src])").evaluateAll((s) => s.map((e) => e.textContent ?? ""));
    expect(inline).toHaveLength(1);
    expect(Buffer.byteLength(inline[0]!)).toBeLessThan(2048);
    await context.close();
  });

  it.each(TEXT_PAGES)("the built $file has exactly the theme script", ({ file }) => {
    const html = readFileSync(file, "utf8");
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it.each(SELF_CHECK_ONLY_PAGES)("$file has the theme script and only the Check yourself island's module", ({ file }) => {
    const html = readFileSync(file, "utf8");
    const external = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(external).toHaveLength(1);
    expect(external[0]).toMatch(/\/SelfCheck\.astro_astro_type_script[^/]*\.js$/);
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  it("the index, with its live hero figure, loads only the figure's modules", async () => {
    const { page, context, problems } = await watchedPage(browser);
    const scripts: string[] = [];
    page.on("request", (r) => { if (r.resourceType() === "script") scripts.push(r.url()); });
    await page.goto(siteUrl(), { waitUntil: "networkidle" });
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) expect(new URL(url).origin).toBe(new URL(siteUrl()).origin);
    expect(problems).toEqual([]);
    await context.close();
  });
});
