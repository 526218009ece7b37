/**
 * Diagnostic, not a gate: an A/B of two builds, or of CSS injected into one, by the main thread's
 * CPU time per rendering phase over a 60-move γ drag at 4× throttling (trace events' thread
 * duration, which a busy shared host distorts far less than wall time). The cases are interleaved
 * (A, B, A, B, ...) three times and each cell is their median.
 *
 *   node tests/bench/frame-phases-ab.ts cross-entropy/ /tmp/dist-before,dist ["" "css to try" ...]
 *
 * The page "bare" is a lone range input (what the slider benchmark divides by). With DETACHED=1 the drag moves a listener-free copy of the slider (the page's own cost, no figure redraw).
 */
import { launchChromium } from "../support/chromium.ts";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStaticServer } from "../e2e/support/static-server.ts";
import { BEGIN_MAIN_FRAME, RASTER, RENDER_PHASES } from "./render-phases.ts";
const [path, distsArg, ...variants] = process.argv.slice(2);
const detached = process.env.DETACHED === "1";
const TRACE = join(tmpdir(), `frame-phases-ab-${process.pid}.json`);
const dists = distsArg!.split(",");
const server = await Promise.all(dists.map((d) => startStaticServer(d, "/")));
const browser = await launchChromium();
const MAIN = "main thread, all tasks";
const PH = [MAIN, BEGIN_MAIN_FRAME, ...RENDER_PHASES, RASTER];
async function one(di: number, css: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // "bare": a lone range input dressed as a figure's slider (the yardstick of slider-input-to-paint.ts).
  if (path === "bare")
    await page.setContent(
      `<focal-loss-curves data-ready style="display:block;margin:40px"><input type="range" data-control="gamma" min="0" max="5" step="0.1" value="2" style="width:420px"></focal-loss-curves>`,
    );
  else await page.goto(server[di]!.url + path, { waitUntil: "load" });
  const fig = page.locator("focal-loss-curves,modulating-factor-curves,logit-loss-gradient").first();
  await fig.evaluate((f) => f.scrollIntoView({ block: "center" }));
  await fig.and(page.locator("[data-ready]")).waitFor({ timeout: 120000 });
  if (css) await page.addStyleTag({ content: css });
  const slider = fig.locator('input[data-control="gamma"]');
  if (detached) await slider.evaluate((i) => i.replaceWith(i.cloneNode(true)));
  await slider.evaluate((input) => input.scrollIntoView({ block: "center" }));
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.waitForTimeout(300);
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 8 + (box.width - 16) * 0.1, y);
  await page.mouse.down();
  await browser.startTracing(page, {
    path: TRACE,
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc"],
  });
  for (let i = 0; i < 60; i++) {
    const f = i < 30 ? 0.1 + (0.8 * i) / 29 : 0.9 - (0.8 * (i - 30)) / 29;
    await page.mouse.move(box.x + 8 + (box.width - 16) * f, y);
    await page.waitForTimeout(16);
  }
  await browser.stopTracing();
  await page.mouse.up();
  await context.close();
  const ev = JSON.parse(readFileSync(TRACE, "utf8")).traceEvents as {
    ph: string;
    name: string;
    dur?: number;
    tdur?: number;
    tid?: number;
  }[];
  const out: Record<string, number> = {};
  // The renderer's main thread is the one that runs the frames: all its top-level tasks, rendering or not.
  const frames = new Map<number, number>();
  for (const e of ev) if (e.name === "ProxyMain::BeginMainFrame") frames.set(e.tid!, (frames.get(e.tid!) ?? 0) + 1);
  const mainTid = [...frames].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const e of ev)
    if (e.ph === "X" && e.tid === mainTid && e.name === "RunTask")
      out[MAIN] = (out[MAIN] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  for (const e of ev)
    if (e.ph === "X" && PH.includes(e.name)) out[e.name] = (out[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  return out;
}
const cases = dists.flatMap((_, di) => (variants.length ? variants : [""]).map((css) => ({ di, css })));
const res: Record<string, number>[][] = cases.map(() => []);
for (let r = 0; r < 3; r++) for (const [i, c] of cases.entries()) res[i]!.push(await one(c.di, c.css));
const med = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
console.log(`thread ms per drag (median of 3), ${path}${detached ? " detached" : ""}`);
console.log("phase".padEnd(28) + cases.map((c, i) => `#${i}`.padStart(9)).join(""));
for (const p of PH)
  console.log(
    p.padEnd(28) +
      res
        .map((rs) =>
          med(rs.map((r) => r[p] ?? 0))
            .toFixed(0)
            .padStart(9),
        )
        .join(""),
  );
cases.forEach((c, i) => console.log(`#${i}: ${dists[c.di]} ${c.css}`));
await browser.close();
for (const s of server) await s.close();
