/**
 * First step of `npm test`: make sure there is a Chromium to drive. Without
 * one, install Debian's package when we can (as root, with apt-get), and
 * otherwise stop with the exact commands to run. Nothing downloads a browser
 * build of its own.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium, INSTALL_HINT } from "./chromium.ts";

if (!findChromium()) {
  const root = process.getuid?.() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.info("No Chromium found: installing Debian's chromium package");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
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
}
