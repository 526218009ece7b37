/**
 * Diagnostic, not a gate: how often headless Chromium stops drawing frames for
 * a page during the audit's scroll-through (tests/audit/support/open-page.ts
 * reopens such a page once). Each visit loads the page, waits for its fonts
 * and scrolls through it in 0.8-viewport steps, two frames a step, two visits
 * at a time in one browser, as the audit's two workers do. A frame that does
 * not come within 5 s is a stall; a stalled visit then waits 30 s more to
 * see whether frames ever resume, and tries a screenshot.
 *
 * Seen on 2026-12-01 (Chromium 156, no GPU) on /from-loss-to-detector/: 2
 * stalls in 126 visits, 1 in 160 on an older build without the anchor map's
 * worker, none in 100 with the worker's script blocked. No stall recovered.
 *
 *   npm run build && node tests/bench/frame-stalls.ts [--visits 60] [--dist DIR] [--block GLOB] [path]
 */
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer } from "../e2e/support/static-server.ts";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const VISITS = Math.max(2, Number(option("--visits")) || 60);
const DIST = option("--dist") ?? "dist";
const BLOCK = option("--block");
const valued = new Set(["--visits", "--dist", "--block"]);
const PATH = args.find((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? "")) ?? "/from-loss-to-detector/";
const STALL_MS = 5_000;

interface Visit {
  stalledAt: number | null;
  framesBeforeStall: number;
  recovered: string;
  slowestFrameMs: number;
  pageHeight: number;
}

const server = await startStaticServer(DIST, "/", 0);
const browser = await launchChromium();

async function visit(): Promise<Visit & { screenshot: string }> {
  const context = await browser.newContext({ reducedMotion: "reduce", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (BLOCK) await page.route(BLOCK, (route) => route.abort());
  await page.goto(new URL(PATH.replace(/^\//, ""), server.url).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const result = await page.evaluate(async (ms): Promise<Visit> => {
    const waits: number[] = [];
    const frame = () =>
      new Promise<boolean>((resolve) => {
        const asked = performance.now();
        const stalled = setTimeout(() => resolve(false), ms);
        requestAnimationFrame(() => {
          clearTimeout(stalled);
          waits.push(performance.now() - asked);
          resolve(true);
        });
      });
    const step = Math.max(200, innerHeight * 0.8);
    let stalledAt: number | null = null;
    for (let y = 0; y < document.documentElement.scrollHeight && stalledAt === null; y += step) {
      scrollTo(0, y);
      if (!(await frame()) || !(await frame())) stalledAt = y;
    }
    let recovered = "";
    if (stalledAt !== null) {
      const asked = performance.now();
      recovered = await new Promise<string>((resolve) => {
        requestAnimationFrame(() => resolve(`after ${Math.round(performance.now() - asked)} ms`));
        setTimeout(() => resolve("not in 30 s"), 30_000);
      });
    }
    return {
      stalledAt,
      framesBeforeStall: waits.length,
      recovered,
      slowestFrameMs: Math.round(Math.max(0, ...waits)),
      pageHeight: document.documentElement.scrollHeight,
    };
  }, STALL_MS);
  let screenshot = "";
  if (result.stalledAt !== null)
    screenshot = await page.screenshot({ timeout: 20_000 }).then(
      () => "taken",
      () => "timed out",
    );
  await context.close();
  return { ...result, screenshot };
}

const visits: Awaited<ReturnType<typeof visit>>[] = [];
for (let i = 0; i < VISITS; i += 2) visits.push(...(await Promise.all([visit(), visit()])));
await browser.close();
await server.close();

const stalls = visits.filter((v) => v.stalledAt !== null);
console.info(
  `${PATH} in ${DIST}${BLOCK ? `, ${BLOCK} blocked` : ""}: ${stalls.length} stall(s) in ${visits.length} visits`,
);
for (const v of stalls)
  console.info(
    `  stalled at y = ${v.stalledAt} (page ${v.pageHeight} px, ${v.framesBeforeStall} frames drawn before); ` +
      `frames again: ${v.recovered}; screenshot: ${v.screenshot}`,
  );
const slowest = visits.map((v) => v.slowestFrameMs).sort((a, b) => a - b);
console.info(`slowest frame per visit: median ${slowest[slowest.length >> 1]} ms, max ${slowest.at(-1)} ms`);
