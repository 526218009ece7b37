/**
 * Gate: every built page, in the light and the dark theme, has no axe
 * violation, no console error or warning, no CSP violation, and makes no
 * request off the site's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser";
import { builtPages, pageLabel } from "../support/site-pages";
import { formatTable, type Cell } from "../support/figure-table";
import { openPage } from "./support/open-page";
import { axeViolations } from "./support/axe";

const pages = builtPages();
const themes = ["light", "dark"] as const;
const rows: Cell[][] = [];

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => {
  await browser?.close();
  console.info(formatTable("Accessibility and hygiene per page (axe violations / console problems / CSP violations / off-origin requests)",
    ["page", "theme", "axe", "console", "csp", "foreign"], rows));
});

describe.each(pages)("$path ($kind)", (builtPage) => {
  it.each(themes)("in the %s theme: no axe violation, console problem, CSP violation or off-origin request", async (theme) => {
    const opened = await openPage(browser, builtPage.path, { colorScheme: theme });
    // The theme the reader sees is the one we asked for (no saved choice overrides it),
    // unless the page pins one (the slide deck is always dark).
    const shown = await opened.page.evaluate(() =>
      document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
    expect(shown).toBe(builtPage.fixedTheme ?? theme);
    const violations = await axeViolations(opened.page);
    const csp = await opened.cspViolations();
    rows.push([pageLabel(builtPage), theme, violations.length, opened.problems.length, csp.length, opened.foreignRequests.length]);
    expect(violations, "axe").toEqual([]);
    expect(opened.problems, "console").toEqual([]);
    expect(csp, "CSP violations").toEqual([]);
    expect(opened.foreignRequests, "off-origin requests").toEqual([]);
    await opened.context.close();
  });
});
