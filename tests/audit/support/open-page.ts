/**
 * The audit's one visit to a built page, the way a reader meets it: loaded,
 * fonts in, scrolled to the end so every figure that hydrates near the
 * viewport has hydrated, then back to the top. Everything the gates read is
 * recorded from the first byte: console problems, off-origin requests,
 * Content-Security-Policy violations, layout shifts, and every script and
 * stylesheet fetched.
 */
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { siteUrl, watchedPage, type Watched } from "../../e2e/support/browser";
import { recordLayoutShifts } from "./layout-shift";
import { recordAssets, type FetchedAssets } from "./page-weight";

export interface OpenedPage extends Watched {
  assets: FetchedAssets;
  /** CSP violations reported by the page (directive and blocked URI). */
  cspViolations(): Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Scrolls through the whole page in viewport steps so lazy islands load, then returns to the top. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight * 0.8);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
    }
    window.scrollTo(0, 0);
  });
  // The slide deck keeps loading its iframes for a while; a page that never
  // settles is measured as it stands after 15 s rather than failing here.
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
}

export async function openPage(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const watched = await watchedPage(browser, { reducedMotion: "reduce", ...options });
  const { page } = watched;
  const assets = recordAssets(page);
  await recordLayoutShifts(page);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations!.push(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  const response = await page.goto(siteUrl(path), { waitUntil: "load" });
  if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
  await page.evaluate(() => document.fonts.ready);
  await scrollThrough(page);
  return {
    ...watched,
    assets,
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}
