/**
 * First step of `npm test`: make sure there is a Chromium to drive. Without
 * Debian's chromium or its headless shell (the Playwright suites' browser,
 * tests/support/chromium.ts), install the packages when we can (as root, with
 * apt-get), and otherwise stop with the exact command to run; a machine with
 * the browser but not the shell runs the suites on the browser, slower, and
 * says so. Nothing downloads a browser build of its own.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { DEBIAN_PACKAGES, findChromium, findHeadlessShell, INSTALL_HINT } from "./chromium.ts";

if (!findChromium() || !findHeadlessShell()) {
  const root = process.getuid?.() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.info(`Installing Debian's ${DEBIAN_PACKAGES.join(" and ")} packages for the browser tests`);
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", ...DEBIAN_PACKAGES], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!findChromium()) {
    console.error(
      `No Chromium found for the browser tests (looked at $CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).\n${INSTALL_HINT}`,
    );
    process.exit(1);
  }
  if (!findHeadlessShell())
    console.warn(
      `No Chromium headless shell (/usr/bin/chromium-headless-shell): the browser suites run on ${findChromium()}, about 1.5× slower.\n${INSTALL_HINT}`,
    );
}
