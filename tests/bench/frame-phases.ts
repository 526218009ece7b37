/**
 * Diagnostic, not a gate: where a frame of a γ-slider drag spends its time,
 * per rendering phase, from a Chromium trace at 4× CPU throttling. Used to
 * find what the slider benchmark's frame work is made of.
 *
 *   node tests/bench/frame-phases.ts [page] [live|detached] [extra CSS to try]
 *
 * "detached" drags a copy of the slider without the figure's listeners (the
 * page's own cost); extra CSS is injected to try a rendering change quickly.
 */
import { launchChromium } from "../support/chromium.ts";
import { readFileSync } from "node:fs";
import { startStaticServer } from "../e2e/support/static-server.ts";
import { BEGIN_MAIN_FRAME, RASTER, RENDER_PHASES } from "./render-phases.ts";
const [path = "cross-entropy/", mode = "live", css = ""] = process.argv.slice(2);
const server = await startStaticServer("dist", "/");
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await page.goto(server.url + path, { waitUntil: "load" });
const fig = page.locator("focal-loss-curves").first();
await fig.evaluate((f) => f.scrollIntoView({ block: "center" }));
await page.waitForSelector("focal-loss-curves[data-ready]");
if (css) await page.addStyleTag({ content: css });
await page.waitForTimeout(300);
if (mode === "detached")
  await fig.locator('input[data-control="gamma"]').evaluate((i) => i.replaceWith(i.cloneNode(true)));
const slider = fig.locator('input[data-control="gamma"]');
// Centred: scrolled only "into view" the slider can sit under the sticky site header, which then takes the drag.
await slider.evaluate((input) => input.scrollIntoView({ block: "center" }));
await page.waitForTimeout(300);
const box = (await slider.boundingBox())!;
const y = box.y + box.height / 2;
await page.mouse.move(box.x + 8 + (box.width - 16) * 0.4, y);
await page.mouse.down();
await browser.startTracing(page, {
  path: "/tmp/frame-phases-trace.json",
  categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc"],
});
for (let i = 0; i <= 60; i++) {
  await page.mouse.move(box.x + 8 + (box.width - 16) * (i / 60), y);
  await page.waitForTimeout(8);
}
await browser.stopTracing();
const events = JSON.parse(readFileSync("/tmp/frame-phases-trace.json", "utf8")).traceEvents as {
  ph: string;
  dur?: number;
  name: string;
}[];
const sums: Record<string, number> = {};
for (const e of events) if (e.ph === "X" && e.dur) sums[e.name] = (sums[e.name] ?? 0) + e.dur / 1000;
console.log(`ms per frame (throttled), ${path || "/"} ${mode}`);
console.log(
  Object.entries(sums)
    .filter(([k]) => [BEGIN_MAIN_FRAME, ...RENDER_PHASES, RASTER].includes(k))
    .map(([k, v]) => `  ${(v / 61).toFixed(2).padStart(6)}  ${k}`)
    .join("\n"),
);
await page.mouse.up();
await browser.close();
await server.close();
