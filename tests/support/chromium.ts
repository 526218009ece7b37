/**
 * Debian's Chromium, the one browser every browser check drives: the
 * Playwright suites through playwright.config.ts, Lighthouse, the benchmarks
 * and the screenshot script through launchChromium(). Nothing here downloads a
 * browser; tests/support/ensure-chromium.ts installs Debian's package or says
 * how.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

export const CHROMIUM_CANDIDATES = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
  Boolean,
) as string[];

export const INSTALL_HINT =
  "Install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y chromium\n" +
  "or point CHROME_PATH at an existing Chromium or Chrome binary.";

/** The first Chromium found, or null. */
export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function chromiumPath(): string {
  const found = findChromium();
  if (!found) {
    throw new Error(
      `No Chromium found for the browser tests (looked at $CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).\n${INSTALL_HINT}`,
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

/**
 * How every browser here is launched: the Playwright runner takes these as its
 * launchOptions (playwright.config.ts), launchChromium() passes them to
 * playwright-core for the scripts outside the runner.
 */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return {
    executablePath: findChromium() ?? "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  };
}

/** Chromium for the scripts outside the Playwright runner (Lighthouse, benchmarks, screenshots). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  chromiumPath(); // no browser: fail with the command that installs one
  return chromium.launch({ ...options, ...chromiumLaunchOptions(options.args) });
}
