/**
 * Gate: on every page a keyboard-only reader reaches every control with Tab,
 * in document order, always sees where focus is, and can operate sliders,
 * toggles, checkboxes and selects with their keys.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser";
import { builtPages, pageLabel } from "../support/site-pages";
import { formatTable, type Cell } from "../support/figure-table";
import { openPage } from "./support/open-page";
import { keyboardProblems, walkWithKeyboard } from "./support/keyboard-walk";

const pages = builtPages().map((p) => ({ ...p, label: pageLabel(p) }));
const rows: Cell[][] = [];

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => {
  await browser?.close();
  console.info(formatTable("Keyboard walk per page", ["page", "Tab stops", "operable controls", "unreached", "no focus ring", "problems"], rows));
});

describe("a keyboard-only reader", () => {
  it.each(pages)("reaches, sees and operates every control on $label", async (builtPage) => {
    const opened = await openPage(browser, builtPage.path);
    const walk = await walkWithKeyboard(opened.page);
    const problems = keyboardProblems(walk);
    rows.push([builtPage.label, walk.stops.length, walk.stops.filter((s) => s.kind).length, walk.unreached.length,
      walk.stops.filter((s) => !s.indicator || !s.focusVisible).length, problems.length]);
    expect(walk.stops.length, "Tab reaches at least the skip link").toBeGreaterThan(0);
    if (builtPage.hasSkipLink) expect(walk.stops[0]!.label, "the skip link comes first").toContain("skip-link");
    expect(problems).toEqual([]);
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });
});
