/**
 * The README's slide section is true: every code block in it is a named
 * snippet, and every snippet is run by a browser test or a scripted deck
 * check (through tests/support/readme-snippets.ts, so the copied text is what
 * was tried).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readmeSnippet, readmeSnippetNames } from "../../support/readme-snippets";

const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf("## Using the figures in slides");
const end = readme.indexOf("\n## ", start + 1);
const section = readme.slice(start, end === -1 ? undefined : end);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

describe("the README's slide snippets", () => {
  it("are every code block of the slide section, each named", () => {
    const blocks = [...section.matchAll(/(^.*\n)```\w*\n/gm)].filter((_, i) => i % 2 === 0);
    const fences = section.split("\n").filter((l) => l.startsWith("```")).length;
    expect(fences % 2).toBe(0);
    expect(readmeSnippetNames(section)).toHaveLength(fences / 2);
    for (const block of blocks) expect(block[1]).toMatch(/^<!-- snippet: [\w-]+ -->\n$/);
    expect(new Set(readmeSnippetNames()).size).toBe(readmeSnippetNames().length);
  });

  it("are each run by a test or a scripted check", () => {
    const runners = [...sources("tests/e2e"), ...sources("scripts")].map((f) => readFileSync(f, "utf8"));
    const unrun = readmeSnippetNames().filter(
      (name) => !runners.some((code) => code.includes(`readmeSnippet("${name}"`)),
    );
    expect(unrun).toEqual([]);
  });

  it("name the README's example host, which the runners replace by the site under test", () => {
    expect(readmeSnippet("iframe")).toContain("https://focal-loss.example.org/embed/");
    expect(readmeSnippet("iframe", "http://127.0.0.1:4000/")).toContain("http://127.0.0.1:4000/embed/");
    expect(readmeSnippet("deck-keys", "http://127.0.0.1:4000/")).toContain(`"http://127.0.0.1:4000"`);
  });
});
