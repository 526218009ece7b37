/**
 * Completes the Content-Security-Policy of built pages with the hash of every
 * inline <style>. Astro hashes the stylesheets it inlines into a page, but not
 * those that reach it through components used inside an MDX chapter (the
 * propagated styles of content collections): without their hashes Chromium
 * refuses them and the lab's and loss budget's styles go missing. This step
 * reads what was actually written and adds what is missing, nothing else; it
 * never adds 'unsafe-inline'.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** The CSP source for a style's text: 'sha256-…' of exactly what the browser hashes. */
export function styleHash(css: string): string {
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

/** The page with every inline <style>'s hash in its CSP meta tag's style-src; unchanged if none is missing or there is no CSP. */
export function addMissingStyleHashes(html: string): { html: string; added: number } {
  const meta = CSP_META.exec(html);
  if (!meta) return { html, added: 0 };
  const policy = meta[2]!;
  const hashes = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => styleHash(m[1]!));
  const directive = /(^|;)\s*style-src\s([^;]*)/.exec(policy);
  const present = new Set(directive ? directive[2]!.trim().split(/\s+/) : []);
  const missing = [...new Set(hashes)].filter((h) => !present.has(h));
  if (missing.length === 0) return { html, added: 0 };
  const updated = directive
    ? policy.replace(directive[0], `${directive[0].trimEnd()} ${missing.join(" ")}`)
    : `${policy.replace(/;?\s*$/, ";")} style-src 'self' ${missing.join(" ")};`;
  return { html: html.replace(CSP_META, (_, open: string, _old: string, close: string) => `${open}${updated}${close}`), added: missing.length };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
}

export function cspStyleHashes(): AstroIntegration {
  return {
    name: "focal-loss:csp-style-hashes",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        let pages = 0;
        let added = 0;
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const result = addMissingStyleHashes(await readFile(file, "utf8"));
          if (result.added === 0) continue;
          await writeFile(file, result.html);
          pages += 1;
          added += result.added;
        }
        if (added) logger.info(`added ${added} missing inline-style hash(es) to the CSP of ${pages} page(s)`);
      },
    },
  };
}
