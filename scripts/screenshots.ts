/**
 * Screenshots of built pages for a person to look at: phone and desktop,
 * light and dark. Usage (after `npm run build`):
 *   npm exec -- node scripts/screenshots.ts [outDir] [path …]
 */
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startStaticServer } from "../tests/e2e/support/static-server.ts";

const [outDir = "screenshots", ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : [""];
const viewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
];
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer("dist", process.env.BASE_PATH ?? "/");
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
for (const path of pages) {
  for (const viewport of viewports) {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(new URL(path, server.url).href, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready);
      const name = `${path.replace(/[^a-z0-9]+/gi, "_") || "index"}-${viewport.name}-${scheme}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: process.env.FULL === "1" });
      await context.close();
      console.info(`${outDir}/${name}`);
    }
  }
}
await browser.close();
await server.close();
