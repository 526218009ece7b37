// Takes screenshots of pages at a phone and a desktop size, light and dark, for a person to look at.
// Usage: npx node tests/visual/screenshots.mjs <out-dir> <path> [<path> ...]   (needs `npm run build` first)
// A path may end in #selector to shoot only that element, e.g. "figures/#gallery-focal-curves".
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startStaticServer } from "../e2e/support/static-server.ts";

const [outDir = "/tmp/shots/figures", ...paths] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer("dist", "/");
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const viewports = [["phone", { width: 390, height: 844 }], ["desktop", { width: 1440, height: 900 }]];
try {
  for (const target of paths.length ? paths : ["figures/"]) {
    const [path, selector] = target.split("#");
    for (const [vpName, viewport] of viewports) {
      for (const scheme of ["light", "dark"]) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: vpName === "phone" ? 2 : 1 });
        const page = await context.newPage();
        page.on("pageerror", (e) => console.error("pageerror", e.message));
        page.on("console", (m) => m.type() === "error" && console.error("console", m.text()));
        await page.goto(server.url + path, { waitUntil: "networkidle" });
        const name = `${path.replace(/\W+/g, "_") || "index"}${selector ? "_" + selector.replace(/\W+/g, "_") : ""}-${vpName}-${scheme}.png`;
        if (selector) {
          const el = page.locator(`#${selector}, ${selector}`).first();
          await el.scrollIntoViewIfNeeded();
          await page.waitForTimeout(300);
          await el.screenshot({ path: `${outDir}/${name}` });
        } else {
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
        }
        console.log(`${outDir}/${name}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
