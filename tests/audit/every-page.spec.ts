/**
 * The per-page quality gates, in one visit to every built page: loaded and
 * scrolled through once, then
 * - axe with every WCAG A/AA rule and best practice in the light theme, and the
 *   theme-dependent rules (colour contrast, links told apart from text) again in the dark theme;
 * - charts named and described, controls labelled;
 * - the keyboard-only reader's walk: every control reached by Tab in document
 *   order, focus always visible, sliders, toggles, checkboxes and selects operable;
 * - weight (JavaScript, theme script and CSS by gzip bytes) and layout shift on
 *   load, while scrolling through and while a reader drags a slider;
 * - no console problem, no CSP violation, no request off the site's origin; on
 *   the index and the first chapter, the policy is shown to be enforced;
 * - the contents: the index lists the chapters in order, and every page it lists
 *   has one heading, rendered math in KaTeX's own fonts, and previous and next
 *   links along the contents;
 * - what a reader reads on a phone and on a laptop, by resizing the same page
 *   (support/reader-viewports.ts): chart text at the type scale's least size,
 *   and tables' key columns inside a phone's viewport.
 * Each gate prints its table after the run (table-reporter.ts).
 */
import { statSync } from "node:fs";
import { test, expect, type Page, type TestInfo } from "@playwright/test";
import { builtPages, pageLabel, type BuiltPage } from "../support/site-pages";
import { kb, type Cell } from "../support/figure-table";
import { BUDGETS, layoutShiftProblems, weightProblems } from "../support/budgets";
import { openPage } from "./support/open-page";
import { axeViolations, THEME_DEPENDENT_RULES } from "./support/axe";
import { keyboardProblems, walkWithKeyboard } from "./support/keyboard-walk";
import { measureWeight } from "./support/page-weight";
import { layoutShiftsSince, shiftsWhileDragging, type LayoutShift } from "./support/layout-shift";
import type { GateRow } from "./support/table-reporter";
import {
  CHART_TEXT_PAGES,
  LAPTOP,
  PHONE,
  PHONE_SHOW_DATA_PAGES,
  PHONE_TABLES,
  cellEdges,
  measureChartText,
  openDisclosureOf,
  resizeTo,
  showDataCells,
  wakeEveryChart,
} from "./support/reader-viewports";
import { siteUrl } from "../e2e/support/browser";
import { builtDocument, builtFile } from "../built/support/html";

const pages = builtPages();
/** The pages on which the policy is shown to be enforced (eval and injected scripts refused). */
const cspSamples = new Set(
  pages
    .filter((p) => p.kind === "index" || p.kind === "chapter")
    .slice(0, 2)
    .map((p) => p.path),
);
/** The index's contents, as the built page lists them: each entry's site path, in order. */
const contents = builtDocument(builtFile(""))
  .all(".toc-list a")
  .map((a) => new URL(a.attribs.href ?? "", siteUrl()).href);
/** The live figures, which must have upgraded before they are audited. */
const LIVE_FIGURES = ["focal-loss-curves", "modulating-factor-curves", "logit-loss-gradient", "live-focal-formula"];

const TABLES = {
  hygiene: {
    title:
      "Accessibility and hygiene per page (axe violations / console problems / CSP violations / off-origin requests)",
    header: ["page", "theme", "axe", "console", "csp", "foreign"],
  },
  keyboard: {
    title: "Keyboard walk per page",
    header: ["page", "Tab stops", "operable controls", "unreached", "no focus ring", "problems"],
  },
  weight: {
    title:
      `Page weight and layout shift (budgets: JS ${kb(BUDGETS.jsInteractive)} KB gzip with interactive elements, ${BUDGETS.jsStatic} without; ` +
      `theme script ≤ ${kb(BUDGETS.themeScript)} KB; CSS ≤ ${kb(BUDGETS.css)} KB gzip; CLS ${BUDGETS.cls})`,
    header: [
      "page",
      "interactive",
      "JS KB gz",
      "theme KB gz",
      "CSS KB gz",
      "shift on load",
      "sliders",
      "shift dragging",
    ],
  },
} as const;

async function row(testInfo: TestInfo, table: keyof typeof TABLES, order: number, cells: Cell[]): Promise<void> {
  const body: GateRow = { ...TABLES[table], header: [...TABLES[table].header], cells, order };
  await testInfo.attach("gate-row", { body: JSON.stringify(body), contentType: "application/json" });
}

/** The theme the reader sees: a pinned one (the deck), else the one the colour scheme asks for. */
const shownTheme = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"),
  );

/** Every chart's <title> and <desc>, and every figure control without a label. */
const textAlternatives = (page: Page) =>
  page.evaluate(() => ({
    charts: [...document.querySelectorAll("svg.chart")].map((svg) => ({
      title: svg.querySelector(":scope > title")?.textContent ?? "",
      desc: svg.querySelector(":scope > desc")?.textContent ?? "",
    })),
    unlabelled: [...document.querySelectorAll<HTMLInputElement>(".figure-controls input")]
      .filter((i) => !i.labels?.length && !i.getAttribute("aria-label"))
      .map((i) => i.id),
  }));

/** Shows the page's policy is enforced: eval and an injected inline script are refused and reported, the hashed theme script ran. */
async function checkCspEnforced(page: Page, cspViolations: () => Promise<string[]>): Promise<void> {
  // The theme script unhides the toggle: it ran, so its hash is in the policy.
  await expect(page.locator("[data-theme-toggle]")).toBeVisible();
  // DevTools-protocol evaluation is exempt from the policy, so eval is tried
  // from a timer callback, which runs as the page's own code.
  const evalOutcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            resolve(String(new Function("return 6 * 7")()));
          } catch (e) {
            resolve((e as Error).name);
          }
        }, 0),
      ),
  );
  expect(evalOutcome, "eval is refused").toBe("EvalError");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
  });
  await expect
    .poll(cspViolations, "the refused inline script is reported")
    .toContainEqual(expect.stringMatching(/^script-src/));
  expect(
    await page.evaluate(() => (window as unknown as { injected?: boolean }).injected === true),
    "the injected script did not run",
  ).toBe(false);
}

/** The index lists the chapters numbered 1, 2, … in order: the entries of the built contents, each a built page. */
async function checkContents(page: Page): Promise<void> {
  const links = await page
    .locator(".toc-list a")
    .evaluateAll((as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, number: a.querySelector(".toc-number")?.textContent })),
    );
  expect.soft(await page.title()).toContain("Focal Loss");
  expect.soft(links.length).toBeGreaterThanOrEqual(1);
  expect.soft(links.map((l) => Number(l.number))).toEqual(links.map((_l, i) => i + 1));
  expect.soft(links.map((l) => l.href)).toEqual(contents);
  // Every entry opens a page this audit visits (its visit fails on any status but 200).
  const audited = new Set(pages.map((p) => siteUrl(p.path)));
  expect
    .soft(
      contents.filter((href) => !audited.has(href)),
      "contents entries that are not built pages",
    )
    .toEqual([]);
}

/**
 * A page the contents lists (the n-th): one heading, math rendered by KaTeX with no error and in KaTeX's own
 * fonts (served by this site: the visit refuses foreign requests), a link to the next entry (none on the last)
 * and to the previous one (none on the first).
 */
async function checkContentsPage(page: Page, n: number): Promise<void> {
  const soft = expect.soft;
  soft(await page.locator("h1").count(), "one heading").toBe(1);
  soft(await page.locator(".katex").count(), "KaTeX").toBeGreaterThan(0);
  soft(await page.locator(".katex-error").count(), "KaTeX errors").toBe(0);
  const katexFontLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((f) => f.family.includes("KaTeX") && f.status === "loaded");
  });
  soft(katexFontLoaded, "a KaTeX font loaded").toBe(true);
  const hrefs = (rel: string) =>
    page.locator(`a[rel="${rel}"]`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  soft(await hrefs("next"), "the next chapter's link").toEqual(n + 1 < contents.length ? [contents[n + 1]] : []);
  soft(await hrefs("prev"), "the previous chapter's link").toEqual(n > 0 ? [contents[n - 1]] : []);
}

/**
 * The same page at a laptop's and a phone's width: chart text at least the reader's size once every chart
 * has woken and redrawn at that size, and on the phone every listed table's key column inside the viewport.
 * Ends back at the audit's viewport with every disclosure it opened closed.
 */
async function readAtReadersViewports(page: Page, label: string): Promise<void> {
  const auditViewport = page.viewportSize()!;
  for (const reader of [LAPTOP, PHONE]) {
    await resizeTo(page, reader.viewport);
    if (CHART_TEXT_PAGES.has(label)) {
      await wakeEveryChart(page);
      // Live figures redraw at their own size (and text scale) once awake: wait for that state, not for time.
      await expect.soft
        .poll(
          async () => (await measureChartText(page, reader.least)).under,
          `chart text under ${reader.least} px on a ${reader.name}`,
        )
        .toEqual([]);
      // Something was measured: the page's charts have text at all.
      expect.soft((await measureChartText(page, reader.least)).measured, "chart text measured").toBeGreaterThan(0);
    }
  }
  // On the phone (the last size above).
  for (const { table, key } of PHONE_TABLES[label] ?? []) {
    const close = await openDisclosureOf(page, table);
    await expect(page.locator(table).first()).toBeVisible();
    for (const selector of key) {
      const cells = await cellEdges(page, table, selector);
      expect.soft(cells.length, `${table} ${selector} has cells`).toBeGreaterThan(0);
      for (const cell of cells) {
        expect.soft(cell.width, `${table} ${selector} is shown`).toBeGreaterThan(0);
        expect.soft(cell.left, `${table} ${selector} starts on screen`).toBeGreaterThanOrEqual(0);
        expect.soft(cell.right, `${table} ${selector} ends on screen`).toBeLessThanOrEqual(PHONE.viewport.width);
      }
    }
    await close();
  }
  if (PHONE_SHOW_DATA_PAGES.has(label)) {
    const tables = await showDataCells(page);
    expect.soft(tables.length, "Show data tables").toBeGreaterThan(0);
    for (const { table, cells } of tables) {
      expect.soft(cells.length, `Show data table ${table + 1} has cells`).toBeGreaterThan(0);
      for (const cell of cells) {
        expect.soft(cell.left, `Show data table ${table + 1} starts on screen`).toBeGreaterThanOrEqual(0);
        expect
          .soft(cell.right, `Show data table ${table + 1} ends on screen`)
          .toBeLessThanOrEqual(PHONE.viewport.width);
      }
    }
  }
  await resizeTo(page, auditViewport);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function auditPage(
  builtPage: BuiltPage,
  order: number,
  page: Page,
  testInfo: TestInfo,
  visit: Awaited<ReturnType<typeof openPage>>,
) {
  const label = pageLabel(builtPage);
  const soft = expect.soft;

  // Live figures have upgraded (scrolling through hydrated them) before anything is judged.
  await test.step("live figures upgraded", () =>
    expect
      .poll(
        () =>
          page.evaluate(
            (tags) =>
              [...document.querySelectorAll(tags.join(","))]
                .filter((e) => !e.hasAttribute("data-ready"))
                .map((e) => e.localName),
            LIVE_FIGURES,
          ),
        "live figures upgraded",
      )
      .toEqual([]));

  // Weight and layout shift on load and scrolling through, measured before anything else touches the page.
  const { onLoad, weight } = await test.step("weight and layout shift on load", async () => ({
    onLoad: await layoutShiftsSince(page),
    weight: await measureWeight(page, visit.assets),
  }));

  // axe: every rule in the light theme, the theme-dependent ones again in the dark theme.
  const light = await test.step("axe, every rule (light)", async () => ({
    shown: await shownTheme(page),
    axe: await axeViolations(page),
  }));
  const dark = await test.step("axe, theme-dependent rules (dark)", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    const result = { shown: await shownTheme(page), axe: await axeViolations(page, THEME_DEPENDENT_RULES) };
    await page.emulateMedia({ colorScheme: "light" });
    return result;
  });
  const alternatives = await textAlternatives(page);

  // The keyboard walk restores every control it operates, so the drag below meets the page as loaded.
  const walk = await test.step("keyboard walk", () => walkWithKeyboard(page));
  const keyboard = keyboardProblems(walk);
  // After the walk (the page as loaded), before the drag moves the sliders to their ends; back at the
  // audit's viewport, every disclosure opened closed again, so the drag meets the page as loaded.
  if (CHART_TEXT_PAGES.has(label) || PHONE_TABLES[label] || PHONE_SHOW_DATA_PAGES.has(label))
    await test.step("on a laptop and on a phone", () => readAtReadersViewports(page, label));
  const drag = await test.step("layout shift while dragging sliders", () => shiftsWhileDragging(page));
  const csp = await visit.cspViolations();

  const sum = (xs: LayoutShift[]) => Number(xs.reduce((a, b) => a + b.value, 0).toFixed(4));
  await row(testInfo, "hygiene", order * 2, [
    label,
    "light",
    light.axe.length,
    visit.problems.length,
    csp.length,
    visit.foreignRequests.length,
  ]);
  await row(testInfo, "hygiene", order * 2 + 1, [
    label,
    "dark",
    dark.axe.length,
    visit.problems.length,
    csp.length,
    visit.foreignRequests.length,
  ]);
  await row(testInfo, "keyboard", order, [
    label,
    walk.stops.length,
    walk.stops.filter((s) => s.kind).length,
    walk.unreached.length,
    walk.stops.filter((s) => !s.indicator || !s.focusVisible).length,
    keyboard.length,
  ]);
  await row(testInfo, "weight", order, [
    label,
    weight.interactive,
    kb(weight.jsGzip),
    kb(weight.themeScriptGzip),
    kb(weight.cssGzip),
    sum(onLoad),
    drag.sliders,
    drag.sliders ? sum(drag.shifts) : null,
  ]);

  // Accessibility and hygiene. The theme shown is the one asked for, unless the page pins one (the deck is always dark).
  soft(light.shown, "light theme shown").toBe(builtPage.fixedTheme ?? "light");
  soft(dark.shown, "dark theme shown").toBe(builtPage.fixedTheme ?? "dark");
  soft(light.axe, "axe (light)").toEqual([]);
  soft(dark.axe, "axe (dark)").toEqual([]);
  for (const chart of alternatives.charts) {
    soft(chart.title.length, `chart title "${chart.title}"`).toBeGreaterThan(10);
    soft(chart.desc.length, `chart description "${chart.desc}"`).toBeGreaterThan(30);
  }
  soft(alternatives.unlabelled, "figure controls without a label").toEqual([]);
  soft(visit.problems, "console").toEqual([]);
  soft(csp, "CSP violations").toEqual([]);
  soft(visit.foreignRequests, "off-origin requests").toEqual([]);

  // Keyboard.
  soft(walk.stops.length, "Tab reaches at least the skip link").toBeGreaterThan(0);
  if (builtPage.hasSkipLink) soft(walk.stops[0]?.label, "the skip link comes first").toContain("skip-link");
  soft(keyboard, "keyboard").toEqual([]);

  // Weight and stability.
  const over = [
    ...weightProblems({ page: label, ...weight, deck: builtPage.kind === "deck" }),
    ...layoutShiftProblems(
      label,
      "on load and scrolling through",
      onLoad.map((s) => s.value),
    ),
    ...layoutShiftProblems(
      label,
      "while dragging sliders",
      drag.shifts.map((s) => s.value),
    ),
    ...drag.sliderMoves.map((m) => `${label}: ${m}`),
  ];
  const moved = [...onLoad, ...drag.shifts].flatMap((s) => s.sources);
  soft(
    over,
    `scripts: ${weight.scriptUrls.join(", ") || "none"}; interactive: ${weight.interactiveElements.join(", ") || "none"}; ` +
      `moved: ${moved.join("; ") || "nothing"}`,
  ).toEqual([]);
  // A page with nothing to operate runs the theme script alone: no script file, one inline script.
  if (!weight.interactive) {
    soft(weight.scriptUrls, "script files on a page without interactive elements").toEqual([]);
    soft(
      { inline: weight.inlineScripts, theme: weight.themeScripts },
      "inline scripts on a page without interactive elements",
    ).toEqual({ inline: 1, theme: 1 });
  }
  if (builtPage.kind === "index")
    soft(weight.scriptUrls.length, "the index loads its live figure's modules").toBeGreaterThan(0);

  // The contents, and what every page it lists shows.
  if (builtPage.kind === "index") await test.step("the contents", () => checkContents(page));
  const inContents = contents.indexOf(siteUrl(builtPage.path));
  if (inContents >= 0) await test.step("a page of the contents", () => checkContentsPage(page, inContents));

  // Last, as it provokes violations on purpose: the policy is enforced.
  if (cspSamples.has(builtPage.path))
    await test.step("the policy is enforced", () => checkCspEnforced(page, visit.cspViolations));
}

// Heaviest pages first, so neither worker is left with a long visit at the end of the run; the tables keep page order.
const byWeight = [...pages.entries()].sort(([, a], [, b]) => statSync(b.file).size - statSync(a.file).size);

test.describe("every built page in one visit", () => {
  for (const [order, builtPage] of byWeight) {
    test(`${pageLabel(builtPage)} (${builtPage.kind}): axe in both themes, keyboard, weight, layout shift, console, CSP`, async ({
      browser,
    }, testInfo) => {
      // The anchor map's page has some 300,000 loss terms and many focusable boxes to walk: on a loaded
      // two-core machine its one visit can outlast the default, with nothing wrong.
      if (builtPage.path.includes("from-loss-to-detector")) test.slow();
      const visit = await test.step("load and scroll through", () => openPage(browser, builtPage.path));
      try {
        await auditPage(builtPage, order, visit.page, testInfo, visit);
      } finally {
        await visit.context.close();
      }
    });
  }
});
