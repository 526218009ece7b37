/**
 * The audit's one visit to a built page, the way a reader meets it: loaded,
 * fonts in, scrolled to the end so every figure that hydrates near the
 * viewport has hydrated, then back to the top. Everything the gates read is
 * recorded from the first byte: console problems, off-origin requests,
 * Content-Security-Policy violations, layout shifts, and every script and
 * stylesheet fetched.
 */
import type { Browser, BrowserContextOptions, Page, Request } from "@playwright/test";
import { requestsInFlight, siteUrl, watchedPage, type Watched } from "../../e2e/support/browser";
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

/**
 * How long a page may go without drawing a frame before the visit counts it as
 * stalled. A frame takes well under a second even at a load average of 30.
 */
const STALL_MS = 5_000;

/**
 * `count` frames drawn, or false when the page drew none for STALL_MS. Headless
 * Chromium on this software-compositing machine sometimes stops producing
 * frames for a page for good (measured on /from-loss-to-detector/: 3 of 286
 * scroll-throughs, tests/bench/frame-stalls.ts; timers and scripts still ran, requestAnimationFrame
 * never fired again and even a screenshot timed out). Waiting on a bare frame
 * then hung the visit until the test's 540 s limit.
 */
const framesDrawn = (page: Page, count = 2) =>
  page.evaluate(
    ({ count, ms }) =>
      new Promise<boolean>((resolve) => {
        const stalled = setTimeout(() => resolve(false), ms);
        let drawn = 0;
        const next = () => (++drawn >= count ? (clearTimeout(stalled), resolve(true)) : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    { count, ms: STALL_MS },
  );

/**
 * Scrolls through the whole page in viewport steps so lazy islands load (each
 * step is drawn, so every IntersectionObserver sees it), returns to the top,
 * then waits until nothing the page asked for is still in flight, checked on
 * two frames in a row (an island that wakes on the last step has sent its
 * request by then). False when the page stopped drawing frames on the way.
 */
export async function scrollThrough(page: Page, pending: Set<Request>): Promise<boolean> {
  const step = await page.evaluate(() => Math.max(200, window.innerHeight * 0.8));
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += step) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    if (!(await framesDrawn(page))) return false;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  // A page that never settles (none today) is measured as it stands after 15 s rather than failing here.
  const deadline = Date.now() + 15_000;
  for (let quiet = 0; quiet < 2 && Date.now() < deadline;) {
    if (!(await framesDrawn(page))) return false;
    quiet = pending.size === 0 ? quiet + 1 : 0;
  }
  return true;
}

/**
 * Opens the page for its one visit. A visit whose page stops drawing frames
 * (the browser's stall described at STALL_MS) is closed and the page opened
 * once more in a fresh context, with a note in the report; a second stall
 * fails the visit at once, naming the cause, instead of hanging.
 */
export async function openPage(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const first = await openOnce(browser, path, options);
  if (first) return first;
  console.warn(`${path}: the browser stopped drawing frames for this page during the scroll-through; opening it again`);
  const second = await openOnce(browser, path, options);
  if (second) return second;
  throw new Error(`${path}: the browser stopped drawing frames for this page (no frame for ${STALL_MS} ms), twice`);
}

async function openOnce(browser: Browser, path: string, options: BrowserContextOptions): Promise<OpenedPage | null> {
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
  if (!(await scrollThrough(page, pending))) {
    await watched.context.close();
    return null;
  }
  return {
    ...watched,
    assets,
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}
