/**
 * What the ported browser tests share: Playwright's `test` and `expect`, the
 * worker's browser for helpers that open pages of their own, and the titles
 * of tables of cases.
 */
import { test, expect, type Browser } from "@playwright/test";

export { test, expect };

/**
 * The worker's browser (Playwright's `browser` fixture: one per worker),
 * for module-level helpers: `const browser = workerBrowser();` then
 * `watchedPage(browser.current, …)`.
 */
export function workerBrowser(): { current: Browser } {
  const holder = {} as { current: Browser };
  test.beforeAll(({ browser }) => {
    holder.current = browser;
  });
  return holder;
}

/**
 * A case's title, as Vitest's it.each wrote it: `$key` from an object row,
 * `%s` (and %d, %i, %f, %j, %o) from a primitive or an array row, `%#` for its index.
 */
export function caseTitle(template: string, row: unknown, index: number): string {
  const args = Array.isArray(row) ? row : [row];
  let next = 0;
  const printf = template.replace(/%[sdifjo#%]/g, (m) => {
    if (m === "%%") return "%";
    if (m === "%#") return String(index);
    const value = args[next++];
    return typeof value === "string" ? value : JSON.stringify(value);
  });
  return printf.replace(/\$([A-Za-z_][\w.]*)/g, (m, key: string) => {
    if (row === null || typeof row !== "object" || Array.isArray(row)) return m;
    const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], row);
    return typeof value === "string" ? value : String(value instanceof RegExp ? value : JSON.stringify(value));
  });
}
