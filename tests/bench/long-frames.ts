/**
 * Diagnostic, not a gate: the long animation frames of a page as it loads, or
 * as it is scrolled through the way the audit scrolls it, from the browser's
 * own Long Animation Frame entries, with the scripts each frame ran and how
 * much of it was rendering. Used to find what a page does on waking that the
 * build has already done (README, Performance).
 *
 *   npm run build && node tests/bench/long-frames.ts [--throttle 4] [--width 412] [--scroll] [--over 50] [--dist DIR] [path]
 *
 * --throttle slows the CPU that many times (4 is Lighthouse's mobile preset),
 * --width sets the viewport's width (900 px tall), --scroll scrolls through
 * the page in 0.8-viewport steps after the load (each step waits two frames,
 * or 5 s when the browser draws none: the stall tests/bench/frame-stalls.ts
 * counts), --over lists only frames longer than that many ms, --dist measures
 * another build (a copy of an older dist/, to compare).
 */
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer } from "../e2e/support/static-server.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;
const THROTTLE = option("--throttle", 1);
const WIDTH = option("--width", 1280);
const OVER = option("--over", 50);
const SCROLL = args.includes("--scroll");
const DIST = args.includes("--dist") ? args[args.indexOf("--dist") + 1]! : "dist";
const valued = new Set(["--throttle", "--width", "--over", "--dist"]);
const PATH = args.find((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? "")) ?? "focal-loss/";

interface LongFrame {
  at: number;
  duration: number;
  blocking: number;
  /** from the frame's rendering start (style, layout, paint) to its end */
  rendering: number;
  scripts: string[];
}

const server = await startStaticServer(DIST, "/");
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (THROTTLE > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.goto(server.url + PATH.replace(/^\//, ""), { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  if (SCROLL)
    await page.evaluate(async () => {
      const frame = () =>
        Promise.race([
          new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
          new Promise((r) => setTimeout(r, 5000)),
        ]);
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight * 0.8) {
        scrollTo(0, y);
        await frame();
      }
    });
  // Frames are reported after they end: let the last ones end.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 2000)));
  const frames: LongFrame[] = await page.evaluate(
    (over) =>
      (performance.getEntriesByType("long-animation-frame") as PerformanceEntry[])
        .map((entry) => {
          const e = entry as PerformanceEntry & {
            blockingDuration: number;
            renderStart: number;
            scripts: { invoker: string; duration: number; sourceURL: string }[];
          };
          return {
            at: Math.round(e.startTime),
            duration: Math.round(e.duration),
            blocking: Math.round(e.blockingDuration),
            rendering: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
            scripts: e.scripts.map(
              (s) => `${s.invoker} ${Math.round(s.duration)} ms (${s.sourceURL.split("/").pop() || "the page"})`,
            ),
          };
        })
        .filter((f) => f.duration > over),
    OVER,
  );
  console.log(
    `${PATH}: frames over ${OVER} ms, CPU ×${THROTTLE}, ${WIDTH} px wide, ${SCROLL ? "loaded and scrolled through" : "loaded"}`,
  );
  console.log("| at ms | duration | blocking | rendering | scripts |\n| --- | --- | --- | --- | --- |");
  for (const f of frames)
    console.log(`| ${f.at} | ${f.duration} | ${f.blocking} | ${f.rendering} | ${f.scripts.join("; ") || "–"} |`);
} finally {
  await browser.close();
  await server.close();
}
