/**
 * Pages of the built site for the browser tests. The browser itself is
 * Playwright's worker-scoped `browser` fixture, launched from
 * playwright.config.ts (Debian's Chromium, nothing downloaded); the site is
 * served once per run by its webServer at SITE_URL.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request } from "@playwright/test";

/** The root of the served site, e.g. http://127.0.0.1:4xxxx/ (set by playwright.config.ts). */
export function siteRoot(): string {
  const url = process.env.SITE_URL;
  if (!url) throw new Error("SITE_URL is not set: run the browser tests through playwright.config.ts");
  return url;
}

/** The URL of a site path on the test server, e.g. siteUrl("why-focal-loss/"). */
export function siteUrl(path = ""): string {
  return new URL(path.replace(/^\//, ""), siteRoot()).href;
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** console errors and warnings, and uncaught page errors */
  problems: string[];
  /** requests to any origin other than the test server's */
  foreignRequests: string[];
}

/** Records console problems and off-origin requests of a page, so a test can assert there were none. */
export function watch(page: Page): Pick<Watched, "problems" | "foreignRequests"> {
  const origin = new URL(siteRoot()).origin;
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  return { problems, foreignRequests };
}

/**
 * A fresh page in a context of its own whose console problems and off-origin
 * requests are recorded. The caller closes the context (the test fixture
 * closes any left open).
 */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  // Reduced motion by default: a test reads the state a control leads to, not a frame of the animation
  // towards it. The tests of the animation itself ask for "no-preference".
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
    baseURL: siteRoot(),
    ...options,
  });
  const page = await context.newPage();
  return { page, context, ...watch(page) };
}

/** Every request the page (and its frames) has sent and not yet seen finish or fail. */
export function requestsInFlight(page: Page): Set<Request> {
  const pending = new Set<Request>();
  page.on("request", (r) => pending.add(r));
  page.on("requestfinished", (r) => pending.delete(r));
  page.on("requestfailed", (r) => pending.delete(r));
  return pending;
}
