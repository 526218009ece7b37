/**
 * Drives Debian's Chromium through playwright-core. Nothing here downloads a
 * browser: without one the run fails with the command that installs it.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { inject } from "vitest";

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests (looked at $CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).\n" +
        "Install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y chromium\n" +
        "or point CHROME_PATH at an existing Chromium or Chrome binary.",
    );
  }
  return found;
}

/** Headless as root on a closed network: no sandbox, no GPU, and nothing that phones home. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
}

/** The URL of a site path on the test server, e.g. siteUrl("why-focal-loss/"). */
export function siteUrl(path = ""): string {
  return new URL(path.replace(/^\//, ""), inject("siteUrl")).href;
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** console errors and warnings, and uncaught page errors */
  problems: string[];
  /** requests to any origin other than the test server's */
  foreignRequests: string[];
}

/**
 * A fresh page whose console problems and off-origin requests are recorded,
 * so a test can assert there were none.
 */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  // Reduced motion by default: a test reads the state a control leads to, not a frame of the animation
  // towards it. The tests of the animation itself ask for "no-preference".
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce", ...options });
  const page = await context.newPage();
  const origin = new URL(inject("siteUrl")).origin;
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
  return { page, context, problems, foreignRequests };
}
