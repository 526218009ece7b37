/**
 * The audit's one visit to a built page, the way a reader meets it: loaded,
 * fonts in, scrolled to the end so every figure that hydrates near the
 * viewport has hydrated, then back to the top. Everything the gates read is
 * recorded from the first byte: console problems, off-origin requests,
 * Content-Security-Policy violations, layout shifts, and every script and
 * stylesheet fetched.
 */
import type { Browser, BrowserContextOptions, Page, Request } from "@playwright/test";
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

/** Every request the page (and its frames) has sent and not yet seen finish or fail. */
function requestsInFlight(page: Page): Set<Request> {
  const pending = new Set<Request>();
  page.on("request", (r) => pending.add(r));
  page.on("requestfinished", (r) => pending.delete(r));
  page.on("requestfailed", (r) => pending.delete(r));
  return pending;
}

const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Scrolls through the whole page in viewport steps so lazy islands load (each
 * step is drawn, so every IntersectionObserver sees it), returns to the top,
 * then waits until nothing the page asked for is still in flight, checked on
 * two frames in a row (an island that wakes on the last step has sent its
 * request by then).
 */
export async function scrollThrough(page: Page, pending: Set<Request>): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight * 0.8);
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await frame();
      await frame();
    }
    window.scrollTo(0, 0);
  });
  // A page that never settles (none today) is measured as it stands after 15 s rather than failing here.
  const deadline = Date.now() + 15_000;
  for (let quiet = 0; quiet < 2 && Date.now() < deadline;) {
    await twoFrames(page);
    quiet = pending.size === 0 ? quiet + 1 : 0;
  }
}

export async function openPage(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const watched = await watchedPage(browser, { reducedMotion: "reduce", ...options });
  const { page } = watched;
  const assets = recordAssets(page);
  const pending = requestsInFlight(page);
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
  await scrollThrough(page, pending);
  return {
    ...watched,
    assets,
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}
