/**
 * Screenshots of built pages for a person to look at (after `npm run build`):
 *   npm run screenshots -- [--out DIR] [--viewports phone,desktop,800x600] [--themes light,dark] [--full] [path[#selector] …]
 * Pages default to the index; viewports to phone (390×844, 2× pixels) and
 * desktop (1440×900); themes to both. A path may end in #selector to shoot
 * only that element, e.g. "figures/#gallery-focal-curves". Console errors of
 * the page are printed.
 */
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { launchChromium } from "../tests/support/chromium.ts";
import { startStaticServer } from "../tests/e2e/support/static-server.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", default: "screenshots" },
    viewports: { type: "string", default: "phone,desktop" },
    themes: { type: "string", default: "light,dark" },
    full: { type: "boolean", default: process.env.FULL === "1" },
  },
});
const NAMED: Record<string, { width: number; height: number; scale: number }> = {
  phone: { width: 390, height: 844, scale: 2 },
  desktop: { width: 1440, height: 900, scale: 1 },
};
const viewports = values.viewports.split(",").map((v) => {
  const size = /^(\d+)x(\d+)$/.exec(v);
  const named = NAMED[v] ?? (size ? { width: Number(size[1]), height: Number(size[2]), scale: 1 } : null);
  if (!named) throw new Error(`unknown viewport ${v}: use phone, desktop or WIDTHxHEIGHT`);
  return { name: v, ...named };
});
const themes = values.themes.split(",").map((t) => {
  if (t !== "light" && t !== "dark") throw new Error(`unknown theme ${t}: use light or dark`);
  return t;
});
const targets = positionals.length ? positionals : [""];

mkdirSync(values.out, { recursive: true });
const server = await startStaticServer("dist", process.env.BASE_PATH ?? "/");
const browser = await launchChromium();
try {
  for (const target of targets) {
    const [path = "", selector] = target.split("#");
    for (const viewport of viewports) {
      for (const colorScheme of themes) {
        const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: viewport.scale });
        const page = await context.newPage();
        page.on("pageerror", (e) => console.error("pageerror", e.message));
        page.on("console", (m) => m.type() === "error" && console.error("console", m.text()));
        await page.goto(new URL(path, server.url).href, { waitUntil: "networkidle" });
        await page.evaluate(() => document.fonts.ready);
        const name = `${path.replace(/\W+/g, "_") || "index"}${selector ? `_${selector.replace(/\W+/g, "_")}` : ""}-${viewport.name}-${colorScheme}.png`;
        const file = `${values.out}/${name}`;
        if (selector) {
          const el = page.locator(`#${selector}, ${selector}`).first();
          await el.scrollIntoViewIfNeeded();
          // Let a figure that hydrates on sight draw its first frames.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await el.screenshot({ path: file });
        } else {
          await page.screenshot({ path: file, fullPage: values.full });
        }
        console.info(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
