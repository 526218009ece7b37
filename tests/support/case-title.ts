/** Titles for tables of test cases, in the browser tests and anywhere else. */

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
