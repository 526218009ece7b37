import { joinBase } from "../lib/site/site-path";

/** A site-internal URL with the configured base path in front. */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
