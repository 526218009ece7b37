/**
 * The browser suites: tests/e2e (what readers do) and tests/audit (the
 * per-page quality gates), on Debian's Chromium (nothing is downloaded),
 * one browser per worker, three workers on two cores (see `workers`), and the built dist/
 * served once for the whole run.
 */
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { suiteLaunchOptions } from "./tests/support/chromium";

// One port per run, chosen by the runner and inherited by its workers through the environment
// (several engineers share the machine, so no fixed port).
process.env.SITE_PORT ??= String(20_000 + (process.pid % 20_000));
const base = process.env.BASE_PATH ?? "/";
process.env.SITE_URL ??= `http://127.0.0.1:${process.env.SITE_PORT}${base}`;

// The project's Node (the "node" dev dependency, 24) runs the server script, which is TypeScript.
const node = existsSync("node_modules/.bin/node") ? "node_modules/.bin/node" : "node";

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.spec.ts",
  // Three on two cores: a worker waits on its page's rendering often enough that a third keeps the CPU busy
  // (the whole browser suite alone on the headless shell: 157 s with two workers, 139 s with three; in the
  // clean-clone CI, beside the single-core stages, 189 s and 174 s).
  workers: 3,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A test's whole budget. Far above what any test needs on an idle machine (the slowest e2e test takes
  // a few seconds); at a load average of 30 an axe run on the calculators took over a minute, and a
  // slow machine must not fail a correct test.
  timeout: 120_000,
  // A loaded machine answers later, never differently: web-first assertions wait up to 10 s.
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: ".ci-report/browser.json" }],
    ["./tests/audit/support/table-reporter.ts"],
  ],
  outputDir: "test-results",
  use: {
    baseURL: process.env.SITE_URL,
    browserName: "chromium",
    headless: true,
    // Debian's Chromium headless shell ($CHROME_PATH, else /usr/bin/chromium-headless-shell, else
    // /usr/bin/chromium; tests/support/chromium.ts says why), closed-network flags.
    launchOptions: suiteLaunchOptions(),
    viewport: { width: 1280, height: 900 },
    trace: "off",
    screenshot: "off",
    video: "off",
  },
  // The audit's long per-page visits first, the many short e2e tests after: the workers finish together.
  projects: [
    { name: "audit", testDir: "tests/audit", timeout: 180_000 },
    { name: "e2e", testDir: "tests/e2e" },
  ],
  webServer: {
    command: `${node} tests/e2e/support/serve-dist.ts`,
    url: process.env.SITE_URL,
    env: { SITE_PORT: process.env.SITE_PORT, BASE_PATH: base },
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    timeout: 30_000,
  },
});
