/**
 * The response headers a static host adds from a `_headers` file (the
 * Netlify / Cloudflare Pages format the site ships in public/_headers): a
 * path line, then indented `Name: value` lines; `*` in a path matches
 * anything. Enough of the format for the test server to serve what such a
 * host serves.
 */
import { readFileSync } from "node:fs";

export interface HeaderRule {
  pattern: RegExp;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
      continue;
    }
    const match = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (match && rule) rule.headers[match[1]!.toLowerCase()] = match[2]!.trim();
  }
  return rules;
}

/** The headers for a request path (the path under the site's base), from every rule that matches. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
}

export function readHeadersFile(path: string): HeaderRule[] {
  try {
    return parseHeadersFile(readFileSync(path, "utf8"));
  } catch {
    return [];
  }
}
