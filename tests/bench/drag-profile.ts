/**
 * Diagnostic, not a gate: where the main thread's JavaScript time goes during a γ-slider drag,
 * from a V8 CPU profile (CDP Profiler) at 4× CPU throttling, by function (self time), with the
 * total main-thread time per rendering phase from frame-phases.ts's trace categories beside it.
 *
 *   node tests/bench/drag-profile.ts [page] [--dist dir]
 */
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer } from "../e2e/support/static-server.ts";

const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const dist = distAt >= 0 ? args[distAt + 1]! : "dist";
const path = args.find((a, i) => !a.startsWith("--") && i !== distAt + 1) ?? "focal-loss/";
const server = await startStaticServer(dist, "/");
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(server.url + path, { waitUntil: "load" });
const fig = page.locator("focal-loss-curves, modulating-factor-curves, logit-loss-gradient").first();
await fig.evaluate((f) => f.scrollIntoView({ block: "center" }));
await page.waitForSelector("[data-ready]");
const slider = fig.locator('input[data-control="gamma"]');
await slider.evaluate((input) => input.scrollIntoView({ block: "center" }));
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await page.waitForTimeout(500);
const box = (await slider.boundingBox())!;
const y = box.y + box.height / 2;
const xAt = (f: number) => box.x + 8 + (box.width - 16) * f;
await page.mouse.move(xAt(0.1), y);
await page.mouse.down();
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
const t0 = Date.now();
for (let i = 0; i < 80; i++) {
  const f = i < 40 ? 0.1 + (0.8 * i) / 39 : 0.9 - (0.8 * (i - 40)) / 39;
  await page.mouse.move(xAt(f), y);
  await page.waitForTimeout(16);
}
const { profile } = await cdp.send("Profiler.stop");
const wall = Date.now() - t0;
await page.mouse.up();
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas ?? [];
profile.samples?.forEach((id, i) => {
  const n = byId.get(id)!;
  const f = n.callFrame;
  const url = f.url.split("/").pop() ?? "";
  const key = `${f.functionName || "(anon)"} ${url}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`/${path}: ${wall} ms wall, profile ${total.toFixed(0)} ms (throttled ms per drag)`);
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${v.toFixed(0).padStart(7)}  ${k}`);
await browser.close();
await server.close();
