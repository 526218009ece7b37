/**
 * The site's performance budgets and the checks that hold a page to them.
 * Pure functions over measured numbers, so the gates and their own unit tests
 * share one definition of "over budget".
 */

export const KB = 1024;

export const BUDGETS = {
  /** JavaScript (gzip) a page with interactive elements may load: module graph, dynamic imports, inline scripts. */
  jsInteractive: 40 * KB,
  /**
   * JavaScript (gzip) for the reveal.js slide-deck demo (/deck/): reveal.js
   * itself is most of it; the deck shows the standalone figure module too.
   */
  jsDeck: 100 * KB,
  /** JavaScript (gzip) a page with no interactive element may load, beyond the theme script. */
  jsStatic: 0,
  /**
   * The inline theme script every page carries (it applies the saved theme
   * before first paint and wires the toggle): counted apart from the page's
   * JavaScript and held to its own cap, so text pages stay at "0 beyond the theme".
   */
  themeScript: 1 * KB,
  /** CSS (gzip) per page: stylesheets and inline <style>. */
  css: 30 * KB,
  /** Any image file in the build, as served (not compressed further). */
  image: 200 * KB,
  /** Cumulative Layout Shift on load, while scrolling through, and while dragging a slider. */
  cls: 0,
} as const;

export interface PageWeight {
  page: string;
  /** whether the page has a control or custom element a reader can interact with (the theme toggle aside) */
  interactive: boolean;
  /** the reveal.js deck has its own JavaScript budget */
  deck?: boolean;
  /** gzip bytes of every script the page ran except the theme script */
  jsGzip: number;
  /** gzip bytes of the inline theme script */
  themeScriptGzip: number;
  cssGzip: number;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** One line per budget the page misses; empty when it is within all of them. */
export function weightProblems(w: PageWeight): string[] {
  const problems: string[] = [];
  const jsBudget = w.deck ? BUDGETS.jsDeck : w.interactive ? BUDGETS.jsInteractive : BUDGETS.jsStatic;
  const what = w.deck
    ? "slide deck"
    : w.interactive
      ? "page with interactive elements"
      : "page with no interactive element";
  if (w.jsGzip > jsBudget)
    problems.push(`${w.page}: ${kb(w.jsGzip)} of JavaScript (gzip) on a ${what}, budget ${kb(jsBudget)}`);
  if (w.themeScriptGzip > BUDGETS.themeScript)
    problems.push(`${w.page}: theme script is ${kb(w.themeScriptGzip)} (gzip), budget ${kb(BUDGETS.themeScript)}`);
  if (w.cssGzip > BUDGETS.css) problems.push(`${w.page}: ${kb(w.cssGzip)} of CSS (gzip), budget ${kb(BUDGETS.css)}`);
  return problems;
}

/** Files over the image budget. */
export function imageProblems(images: { file: string; bytes: number }[]): string[] {
  return images
    .filter((i) => i.bytes > BUDGETS.image)
    .map((i) => `${i.file}: ${kb(i.bytes)}, budget ${kb(BUDGETS.image)}`);
}

/** The layout shift a reader saw: the sum of every shift's score (CLS's own definition within one session window is smaller or equal). */
export function layoutShiftProblems(page: string, when: string, shifts: number[]): string[] {
  const total = shifts.reduce((a, b) => a + b, 0);
  return total > BUDGETS.cls
    ? [`${page}: layout shift ${total.toFixed(4)} ${when} (${shifts.length} shifts), budget ${BUDGETS.cls}`]
    : [];
}
