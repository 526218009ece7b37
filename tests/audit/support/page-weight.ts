/**
 * Measures what a page costs the reader: every script and stylesheet the
 * browser fetched (module imports and lazy chunks included, since the page is
 * scrolled through so islands hydrate), plus inline <script> and <style>,
 * each gzipped as a static host would serve it.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";

export const gzipBytes = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

/** The theme script's exact text (src/components/theme-script.js), to count it apart. */
const themeScript = readFileSync("src/components/theme-script.js", "utf8");

export interface FetchedAssets {
  scripts: Map<string, number>;
  styles: Map<string, number>;
  /** bodies still being read, awaited before the weight is summed */
  reading: Set<Promise<void>>;
}

/** Starts recording scripts and stylesheets (gzip bytes by URL) the page fetches. Attach before navigating. */
export function recordAssets(page: Page): FetchedAssets {
  const assets: FetchedAssets = { scripts: new Map(), styles: new Map(), reading: new Set() };
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    const read = response
      .body()
      .catch(() => null)
      .then((body) => {
        if (body) (type === "script" ? assets.scripts : assets.styles).set(response.url(), gzipBytes(body));
        assets.reading.delete(read);
      });
    assets.reading.add(read);
  });
  return assets;
}

export interface MeasuredWeight {
  jsGzip: number;
  themeScriptGzip: number;
  cssGzip: number;
  interactive: boolean;
  /** inline (non-JSON) scripts on the page, and how many of them are exactly the theme script */
  inlineScripts: number;
  themeScripts: number;
  /** what the JavaScript was, for the report */
  scriptUrls: string[];
  interactiveElements: string[];
}

export async function measureWeight(page: Page, assets: FetchedAssets): Promise<MeasuredWeight> {
  await Promise.all([...assets.reading]);
  const inline = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll("script:not([src])")]
      .filter((s) => !/json/.test(s.getAttribute("type") ?? ""))
      .map((s) => s.textContent ?? ""),
    styles: [...document.querySelectorAll("style")].map((s) => s.textContent ?? ""),
    // Anything a reader can operate besides the theme toggle, and every custom element (figures, calculators).
    interactive: [
      ...[
        ...document.querySelectorAll("input, select, textarea, button:not([data-theme-toggle]), [contenteditable]"),
      ].map((e) => e.tagName.toLowerCase()),
      ...[...document.querySelectorAll("*")].filter((e) => e.tagName.includes("-")).map((e) => e.tagName.toLowerCase()),
    ],
  }));
  const themeInline = inline.scripts.filter((s) => s === themeScript);
  const otherInline = inline.scripts.filter((s) => s !== themeScript);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    jsGzip: sum([...assets.scripts.values()]) + sum(otherInline.map(gzipBytes)),
    themeScriptGzip: sum(themeInline.map(gzipBytes)),
    cssGzip: sum([...assets.styles.values()]) + sum(inline.styles.map(gzipBytes)),
    interactive: inline.interactive.length > 0,
    inlineScripts: inline.scripts.length,
    themeScripts: themeInline.length,
    scriptUrls: [...assets.scripts.keys()],
    interactiveElements: [...new Set(inline.interactive)],
  };
}
