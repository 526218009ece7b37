/**
 * What the ported browser tests share: Playwright's `test` and `expect`, the
 * worker's browser for helpers that open pages of their own, and `each` for
 * tables of cases (Vitest's it.each, titles included).
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

function title(template: string, row: unknown, index: number): string {
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

/** One test per row, titled like Vitest's it.each: `$key` for object rows, `%s` for primitives and arrays (spread into the body). */
export function each<T>(rows: readonly T[]) {
  return (template: string, body: (...args: T extends readonly unknown[] ? T : [T]) => Promise<void> | void) => {
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      let name = title(template, row, index);
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      if (n > 0) name = `${name} (${n + 1})`;
      test(name, async () => {
        await (body as (...args: unknown[]) => Promise<void> | void)(...(Array.isArray(row) ? row : [row]));
      });
    });
  };
}
