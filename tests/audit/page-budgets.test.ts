/**
 * Gate: every page stays within the performance budgets (tests/support/budgets.ts):
 * JavaScript and CSS by gzip bytes, image file size, and no layout shift on
 * load, while scrolling through, or while a reader drags a slider.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "../e2e/support/browser";
import { builtPages, pageLabel } from "../support/site-pages";
import { formatTable, kb, type Cell } from "../support/figure-table";
import { BUDGETS, imageProblems, layoutShiftProblems, weightProblems } from "../support/budgets";
import { scrollThrough } from "./support/open-page";
import { measureWeight, recordAssets } from "./support/page-weight";
import { layoutShiftsSince, recordLayoutShifts, shiftsWhileDragging, type LayoutShift } from "./support/layout-shift";

const pages = builtPages().map((p) => ({ ...p, label: pageLabel(p) }));
const rows: Cell[][] = [];

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => {
  await browser?.close();
  console.info(formatTable(
    `Page weight and layout shift (budgets: JS ${kb(BUDGETS.jsInteractive)} KB gzip with interactive elements, ${BUDGETS.jsStatic} without; ` +
      `theme script ≤ ${kb(BUDGETS.themeScript)} KB; CSS ≤ ${kb(BUDGETS.css)} KB gzip; CLS ${BUDGETS.cls})`,
    ["page", "interactive", "JS KB gz", "theme KB gz", "CSS KB gz", "shift on load", "sliders", "shift dragging"], rows));
});

describe("page weight and stability", () => {
  it.each(pages)("$label is within the JavaScript, CSS and layout-shift budgets", async (builtPage) => {
    const { page, context, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    const assets = recordAssets(page);
    await recordLayoutShifts(page);
    await page.goto(siteUrl(builtPage.path), { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    await scrollThrough(page);
    const onLoad = await layoutShiftsSince(page);
    const weight = await measureWeight(page, assets);
    const drag = await shiftsWhileDragging(page);
    const sum = (xs: LayoutShift[]) => Number(xs.reduce((a, b) => a + b.value, 0).toFixed(4));
    rows.push([builtPage.label, weight.interactive, kb(weight.jsGzip), kb(weight.themeScriptGzip), kb(weight.cssGzip),
      sum(onLoad), drag.sliders, drag.sliders ? sum(drag.shifts) : null]);
    const over = [
      ...weightProblems({ page: builtPage.label, ...weight, deck: builtPage.kind === "deck" }),
      ...layoutShiftProblems(builtPage.label, "on load and scrolling through", onLoad.map((s) => s.value)),
      ...layoutShiftProblems(builtPage.label, "while dragging sliders", drag.shifts.map((s) => s.value)),
      ...drag.sliderMoves.map((m) => `${builtPage.label}: ${m}`),
    ];
    const moved = [...onLoad, ...drag.shifts].flatMap((s) => s.sources);
    expect(over, `scripts: ${weight.scriptUrls.join(", ") || "none"}; interactive: ${weight.interactiveElements.join(", ") || "none"}; ` +
      `moved: ${moved.join("; ") || "nothing"}`).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("images", () => {
  it("no image in the build is over the image budget", () => {
    const images: { file: string; bytes: number }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(png|jpe?g|gif|webp|avif|svg|ico)$/i.test(entry.name)) images.push({ file: full, bytes: statSync(full).size });
      }
    };
    walk("dist");
    const largest = [...images].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    console.info(formatTable(`Images: ${images.length} files, budget ${kb(BUDGETS.image)} KB each; largest`, ["file", "KB"],
      largest.map((i) => [i.file, kb(i.bytes)])));
    expect(imageProblems(images)).toEqual([]);
  });
});
