/**
 * Debian's Chromium, the one browser every browser check drives: the
 * Playwright suites through playwright.config.ts, Lighthouse, the benchmarks
 * and the screenshot script through launchChromium(). Nothing here downloads a
 * browser; tests/support/ensure-chromium.ts installs Debian's packages or says
 * how.
 *
 * Two binaries of the same Debian source package: `chromium` (the browser, in
 * its headless mode) for Lighthouse, the benchmarks and the screenshots, which
 * measure or show what a reader's Chrome does; and `chromium-headless-shell`
 * (Chromium's headless shell, the "old" headless: the same Blink and V8, without
 * the browser's own UI layers) for the Playwright suites, as Playwright itself
 * runs its `chromium` headless since 1.49 (microsoft/playwright#33566). On this
 * 2-core host the whole browser suite took 157 s on the shell against 237 s on
 * `chromium` (two workers alone, same build, 269 tests passing on both).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

export const CHROMIUM_CANDIDATES = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
  Boolean,
) as string[];
/** The headless shell (Debian's chromium-headless-shell); $CHROME_PATH, when set, stands for both binaries. */
export const HEADLESS_SHELL_CANDIDATES = [process.env.CHROME_PATH, "/usr/bin/chromium-headless-shell"].filter(
  Boolean,
) as string[];

export const DEBIAN_PACKAGES = ["chromium", "chromium-headless-shell"] as const;

export const INSTALL_HINT =
  `Install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y ${DEBIAN_PACKAGES.join(" ")}\n` +
  "or point CHROME_PATH at an existing Chromium or Chrome binary.";

/** The first Chromium found, or null. */
export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** The headless shell, or null (the Playwright suites then run on the browser itself, slower). */
export function findHeadlessShell(): string | null {
  return HEADLESS_SHELL_CANDIDATES.find((p) => existsSync(p)) ?? null;
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

/** How the browser itself is launched: launchChromium() passes these to playwright-core. */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return {
    executablePath: findChromium() ?? "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  };
}

/** The Playwright suites' browser: the headless shell where there is one, else the browser. */
export function suiteLaunchOptions(): LaunchOptions {
  const browser = chromiumLaunchOptions();
  return { ...browser, executablePath: findHeadlessShell() ?? browser.executablePath };
}

/** Chromium for the scripts outside the Playwright runner (Lighthouse, benchmarks, screenshots). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  chromiumPath(); // no browser: fail with the command that installs one
  return chromium.launch({ ...options, ...chromiumLaunchOptions(options.args) });
}
