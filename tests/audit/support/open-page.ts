/**
 * Opens a built page the way a reader meets it: loaded, scrolled to the end so
 * every figure that hydrates near the viewport has hydrated, then back to the top.
 * Also records Content-Security-Policy violations, which a strict policy turns
 * into blocked scripts and styles the reader never sees.
 */
import type { Browser, BrowserContextOptions } from "playwright-core";
import { siteUrl, watchedPage, type Watched } from "../../e2e/support/browser";

export interface OpenedPage extends Watched {
  /** CSP violations reported by the page (directive and blocked URI). */
  cspViolations(): Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Scrolls through the whole page in viewport steps so lazy islands load, then returns to the top. */
export async function scrollThrough(page: Watched["page"]): Promise<void> {
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

export async function openPage(browser: Browser, path: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const watched = await watchedPage(browser, { reducedMotion: "reduce", ...options });
  await watched.page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const response = await watched.page.goto(siteUrl(path), { waitUntil: "load" });
  if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
  await scrollThrough(watched.page);
  return {
    ...watched,
    cspViolations: () => watched.page.evaluate(() => window.__cspViolations ?? []),
  };
}
