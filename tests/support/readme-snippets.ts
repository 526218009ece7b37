/**
 * The README's slide snippets, as the tests and the scripted deck checks run
 * them: each fenced block after a `<!-- snippet: name -->` line, with the
 * README's example host replaced by the site under test. So what a reader
 * copies from the README is what was tried.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** The host the README's snippets name. */
export const README_HOST = "https://focal-loss.example.org/";

const README = resolve(import.meta.dirname, "../../README.md");

/** Every snippet name in the README, in order. */
export function readmeSnippetNames(text = readFileSync(README, "utf8")): string[] {
  return [...text.matchAll(/^<!-- snippet: ([\w-]+) -->$/gm)].map((m) => m[1]!);
}

/** The code of one snippet, its example host replaced by `siteRoot` (a URL ending in "/") when given. */
export function readmeSnippet(name: string, siteRoot?: string): string {
  const text = readFileSync(README, "utf8");
  const match = new RegExp(`^<!-- snippet: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\`$`, "m").exec(text);
  if (!match)
    throw new Error(`README.md has no snippet "${name}" (a <!-- snippet: ${name} --> line before a fenced block)`);
  const code = match[1]!;
  if (!siteRoot) return code;
  return code.replaceAll(README_HOST, siteRoot).replaceAll(README_HOST.slice(0, -1), siteRoot.replace(/\/$/, ""));
}
