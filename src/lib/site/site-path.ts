/**
 * Internal links that honour the configured base path, so the built site works
 * at the root of a host and under a sub-path alike.
 */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  const tail = path.replace(/^\/+/, "");
  return head + tail;
}
