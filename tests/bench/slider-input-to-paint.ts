/**
 * Browser benchmark: how long from a γ-slider input event to the next paint,
 * in headless Chromium with the CPU throttled 4× (Chrome DevTools Protocol
 * Emulation.setCPUThrottlingRate), while a pointer drags the slider. Also
 * reports the JavaScript each measured page ships (gzip).
 *
 * Per input event, two numbers:
 * - input-to-paint: from the input event's timestamp to a task queued from the
 *   requestAnimationFrame callback that runs after the figure's own (coalesced)
 *   redraw, i.e. just after that frame is painted (the usual rAF + task
 *   approximation of "next paint"). It includes waiting for the next frame to
 *   begin, up to one vsync interval (16.7 ms at 60 Hz) that no page can shorten:
 *   the "slider alone" rows show it on the same page with the redraw detached.
 * - frame work: the same span without that wait: from the moment the first
 *   input listener runs to paint (input handlers, the figure's rAF redraw,
 *   style, layout, paint and commit on the main thread). "Redraws within one
 *   frame" means this fits in 16 ms, so it is the number held to the budget.
 *
 * Run with `npm run bench` after `npm run build`. Needs dist/ and Chromium.
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer } from "../e2e/support/static-server.ts";

const THROTTLE = 4;
const BUDGET_MS = 16;
// A chapter with one figure, the page with all three, and the index's hero; or the pages named on the command line.
const PAGES = process.argv.length > 2 ? process.argv.slice(2) : ["cross-entropy/", "figures/", ""];

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Bytes of JavaScript a built page loads: its module scripts and their static imports, gzip-compressed. */
function scriptBytes(path: string): { files: number; raw: number; gzip: number } | null {
  const html = join("dist", path, "index.html");
  if (!existsSync(html)) return null;
  const seen = new Set<string>();
  const queue = [...readFileSync(html, "utf8").matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  while (queue.length) {
    const file = queue.shift()!.replace(/^\.?\//, "");
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join("dist", file));
    raw += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
    for (const m of code.toString("utf8").matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(join(file, "..", m[1]!));
  }
  return { files: seen.size, raw, gzip };
}

/** One input event of a drag, timed in the page. */
interface Sample {
  /** from the input's timestamp to just after the frame that shows its redraw was painted */
  inputToPaint: number;
  /** the main-thread work of that event: from its first listener to paint, waiting for the frame excluded */
  frameWork: number;
}

/**
 * Drags the first figure's γ slider and returns one sample per input event.
 * With `detached`, the slider is first replaced by a copy without the figure's listeners:
 * the same drag on the same page with no redraw, to show what the machine itself costs.
 */
async function measure(page: Page, url: string, detached = false): Promise<Sample[] | null> {
  await page.goto(url, { waitUntil: "load" });
  const figure = page.locator("focal-loss-curves").first();
  if ((await figure.count()) === 0) return null;
  await figure.scrollIntoViewIfNeeded();
  await page.waitForSelector("focal-loss-curves[data-ready]");
  if (detached) {
    await figure.locator('input[data-control="gamma"]').evaluate((input) => input.replaceWith(input.cloneNode(true)));
  }
  const slider = figure.locator('input[data-control="gamma"]');
  await slider.evaluate((input) => {
    const samples: Sample[] = [];
    (window as unknown as { __samples: Sample[] }).__samples = samples;
    let processingStart = 0;
    // Capture on window runs before the slider's own listeners (the figure's), so it sees when handling began.
    window.addEventListener("input", () => (processingStart = performance.now()), { capture: true });
    input.addEventListener("input", (event) => {
      const start = event.timeStamp;
      const began = processingStart;
      const processingEnd = performance.now();
      // Registered after the figure's own rAF (queued by the store listener that ran first), so it runs after the redraw.
      requestAnimationFrame((frameStart) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          // Chromium dispatches a drag's input inside the frame (rAF-aligned input): the work is then everything from
          // the first input listener to paint. Input handled before its frame began adds its handlers' own time to the
          // frame's. Either way the wait for the frame to begin is left out.
          const work = began >= frameStart ? painted - began : processingEnd - began + (painted - frameStart);
          samples.push({ inputToPaint: painted - start, frameWork: work });
        };
        channel.port2.postMessage(null);
      });
    });
  });
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  const xAt = (f: number) => box.x + 8 + (box.width - 16) * f;
  await page.mouse.move(xAt(0.4), y);
  await page.mouse.down();
  // Back and forth across the track, one pointer move per ~frame, as a hand drags.
  for (let sweep = 0; sweep < 6; sweep++) {
    for (let i = 0; i <= 50; i++) {
      const f = sweep % 2 === 0 ? i / 50 : 1 - i / 50;
      await page.mouse.move(xAt(f), y);
      await page.waitForTimeout(8);
    }
  }
  await page.mouse.up();
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
}

if (!existsSync("dist/index.html")) {
  console.error("No built site in dist/: run `npm run build` first.");
  process.exit(1);
}
const server = await startStaticServer("dist", "/");
const browser = await launchChromium();
let failed = false;
try {
  console.log(`\nJavaScript shipped per page (gzip -9, module scripts and their imports)`);
  for (const path of PAGES) {
    const bytes = scriptBytes(path);
    if (bytes) console.log(`  /${path.padEnd(16)} ${(bytes.gzip / 1024).toFixed(1).padStart(6)} KB gzip  (${(bytes.raw / 1024).toFixed(1)} KB raw, ${bytes.files} files)`);
  }
  console.log(`\nγ slider drag: input-to-next-paint, Chromium headless, CPU throttled ${THROTTLE}×`);
  for (const [path, detached] of PAGES.flatMap((p) => [[p, false], [p, true]] as const)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    const samples = await measure(page, server.url + path, detached);
    await context.close();
    if (!samples) continue;
    const label = detached ? `/${path} (slider alone, no redraw: the machine's baseline)` : `/${path}`;
    if (samples.length < 50) throw new Error(`only ${samples.length} input events on /${path}: the drag did not move the slider`);
    const stats = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
    };
    const work = stats(samples.map((s) => s.frameWork));
    const total = stats(samples.map((s) => s.inputToPaint));
    if (work.p95 >= BUDGET_MS && !detached) failed = true;
    const ms = (v: number) => `${v.toFixed(1).padStart(5)} ms`;
    console.log(`  ${label}  n=${samples.length}`);
    console.log(
      `    frame work      p50 ${ms(work.p50)}  p95 ${ms(work.p95)}  max ${ms(work.max)}  ` +
        (detached ? "" : work.p95 < BUDGET_MS ? `(within the ${BUDGET_MS} ms budget)` : `(OVER the ${BUDGET_MS} ms budget)`),
    );
    console.log(`    input-to-paint  p50 ${ms(total.p50)}  p95 ${ms(total.p95)}  max ${ms(total.max)}  (includes the wait for the next frame)`);
    if (detached && work.p95 >= BUDGET_MS) {
      console.log(`    note: on this host the slider alone, with no redraw, already takes ${work.p95.toFixed(1)} ms at p95 at ${THROTTLE}× throttling,`);
      console.log(`    so no redraw can meet the ${BUDGET_MS} ms budget here; the redraw's own share is the difference between the two rows.`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
// A benchmark reports; it fails only when the budget is missed, so CI can notice.
process.exitCode = failed ? 1 : 0;
