/**
 * Runs Lighthouse (the npm package, through its Node API) against pages of the
 * built site, in a Chromium launched by playwright-core with a DevTools port
 * Lighthouse connects to. One browser, one page at a time.
 */
import { createServer } from "node:net";
import type { Browser } from "playwright-core";
import lighthouse, { desktopConfig, type Config, type Flags } from "lighthouse";
// The function Lighthouse itself evaluates in the page to fill lhr.environment.benchmarkIndex.
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";
import { launchChromium } from "../support/chromium";
import { calibratedCpuSlowdown, type CategoryScores } from "../support/lighthouse-thresholds";

/** A free TCP port for Chromium's remote-debugging endpoint. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface LighthouseBrowser {
  browser: Browser;
  port: number;
}

/** Chromium with the same closed-network flags as the e2e tests, plus a DevTools port. */
export async function launchForLighthouse(): Promise<LighthouseBrowser> {
  const port = await freePort();
  const browser = await launchChromium({ args: [`--remote-debugging-port=${port}`, "--headless=new"] });
  return { browser, port };
}

/**
 * The preset: Lighthouse's default, mobile (Moto G Power-sized screen, 4x CPU
 * slowdown, 150 ms RTT and 1.6 Mbit/s, simulated), the stricter of the two and
 * the one PageSpeed Insights headlines. The CPU slowdown is calibrated to the
 * host before each page (calibratedCpuSlowdown): 4× on a host as fast as
 * Lighthouse assumes, less on a slower one. LH_PRESET=desktop switches to the
 * desktop preset for a local comparison; CI runs the default.
 */
export const LIGHTHOUSE_PRESET = process.env.LH_PRESET === "desktop" ? "desktop" : "mobile";

const config: Config | undefined = LIGHTHOUSE_PRESET === "desktop" ? desktopConfig : undefined;

export interface LighthouseRun {
  scores: CategoryScores;
  /** the host's benchmark index, measured just before the run, and the CPU slowdown it called for */
  benchmarkIndex: number;
  cpuSlowdown: number;
  /** audits that lost points, for the report */
  failingAudits: string[];
  metrics: { fcp: number; lcp: number; tbt: number; cls: number };
}

/**
 * The host's Lighthouse benchmark index right now, just before the real run: the slowdown for it is
 * calibrated from it, so a slow or momentarily busy host emulates the same phone as a fast idle one.
 * Measured by the very function Lighthouse runs for lhr.environment.benchmarkIndex (its page function
 * computeBenchmarkIndex, about a second of script), in a tab of the same browser on a small page of the
 * site, instead of a whole Lighthouse run (an SEO-only audit of that page) that reported the same number.
 */
export async function measureBenchmarkIndex(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(pageFunctions.computeBenchmarkIndex);
  } finally {
    await page.close();
  }
}

export async function runLighthouse(
  { browser, port }: LighthouseBrowser,
  url: string,
  calibrationUrl: string,
): Promise<LighthouseRun> {
  const benchmarkIndex =
    LIGHTHOUSE_PRESET === "mobile" ? await measureBenchmarkIndex(browser, calibrationUrl) : Number.NaN;
  // The desktop preset applies no CPU slowdown, so there is nothing to calibrate.
  const cpuSlowdown = LIGHTHOUSE_PRESET === "mobile" ? calibratedCpuSlowdown(benchmarkIndex) : 1;
  const flags: Flags = {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    ...(LIGHTHOUSE_PRESET === "mobile" ? { throttling: { cpuSlowdownMultiplier: cpuSlowdown } } : {}),
  };
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failingAudits = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter(
        (audit) =>
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== "informative" &&
          audit.scoreDisplayMode !== "manual",
      )
      .map((audit) => `${category.id}/${audit.id} (${audit.displayValue ?? audit.score})`),
  );
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    benchmarkIndex,
    cpuSlowdown,
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
    },
    failingAudits,
    metrics: {
      fcp: numeric("first-contentful-paint"),
      lcp: numeric("largest-contentful-paint"),
      tbt: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
    },
  };
}
