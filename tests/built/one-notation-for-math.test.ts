/**
 * All math typeset, one notation: wherever a reader reads prose (text,
 * tables, captions, sidenotes, errata), p_t, α_t and x_t are KaTeX, never a
 * Unicode stand-in (pₜ) or the raw source (p_t, (1 − p_t)^γ), and the
 * logarithm is ln. Text inside <svg> is exempt: a chart's tick labels and
 * legends cannot hold KaTeX, so they write pₜ. Code (<code>, <pre>) is code.
 * (A stacked table's data-label, shown by CSS on a phone, is an attribute,
 * not text: CSS cannot typeset either.)
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnyNode, Element } from "domhandler";
import { builtDocument } from "./support/html";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

/**
 * Where math may be written other than as KaTeX: charts (SVG), KaTeX's own
 * output, code, the document head (a title is plain text), the visually hidden
 * text that names a typeset header for screen readers (renderTexHeader), and the
 * article's printed words quoted as printed (q.printed-text).
 */
const EXEMPT_TAGS = new Set(["head", "svg", "code", "pre", "script", "style", "template"]);
const EXEMPT_CLASSES = ["katex", "visually-hidden", "printed-text"];
function exempt(el: Element): boolean {
  if (EXEMPT_TAGS.has(el.name)) return true;
  const classes = (el.attribs.class ?? "").split(/\s+/);
  return EXEMPT_CLASSES.some((c) => classes.includes(c));
}

/** The prose text runs of a page: every text node outside the exempt elements. */
function proseRuns(node: AnyNode, out: string[] = []): string[] {
  if (node.type === "text") {
    const data = (node as unknown as { data: string }).data.trim();
    if (data) out.push(data);
    return out;
  }
  if ("name" in node && exempt(node as Element)) return out;
  for (const child of "children" in node ? (node.children as AnyNode[]) : []) proseRuns(child, out);
  return out;
}

const MARKERS: [string, RegExp][] = [
  ["Unicode subscript pₜ (typeset $p_t$ instead)", /pₜ|αₜ|xₜ/],
  ["raw p_t, α_t or x_t", /(^|[^\w\\])(p|α|x|alpha)_t\b/],
  ["raw exponent ^γ", /\)\^γ|\^\{?\\gamma/],
  ["log( where the site writes ln", /\blog\s*\(/],
  ["untypeset $…$ math", /\$[^$\s][^$]*\\[a-z]+[^$]*\$/],
];

const pages = htmlFiles("dist").sort();

describe("one notation for math in the built pages' prose", () => {
  it("finds the built pages", () => expect(pages.length).toBeGreaterThan(10));
  it.each(pages.map((p) => [relative("dist", p), p]))("%s", (_name, file) => {
    const html = builtDocument(file).one("html");
    const runs = html ? proseRuns(html) : [];
    const found = runs.flatMap((run) =>
      MARKERS.filter(([, pattern]) => pattern.test(run)).map(([what]) => `${what}: "${run.slice(0, 120)}"`),
    );
    expect(found).toEqual([]);
  });
});
