/**
 * Preloads, on each page as it is rendered (src/middleware.ts), exactly the
 * KaTeX font files that page's math is drawn with, found from the classes
 * KaTeX wrote into the HTML.
 *
 * Why: KaTeX's faces are `font-display: optional` (katex-fonts-optional.ts), so a face
 * that is not ready by first paint is skipped for the whole page view. A face
 * the browser only discovers while laying out a formula (the large-delimiter
 * faces KaTeX_Size1..4 behind the brace of a `cases`) is never ready in time:
 * on a cold first visit the brace fell back to a text-size "{" beside two
 * floating rows. Chromium holds first paint briefly for preloaded optional
 * faces, so a preload makes them arrive with the first frame, with no swap and
 * no layout shift. Preloading every KaTeX face instead would cost each page
 * some 300 KB it never draws. The large-delimiter faces also stay `block`, with
 * their glyphs' widths fixed (katex-glyph-widths.ts), so that a preload that
 * misses first paint still ends in the right brace, without a shift.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** One @font-face: a family in a style and weight. */
export interface Face {
  family: string;
  style: "normal" | "italic";
  weight: 400 | 700;
}

type FacePart = Partial<Face>;

/**
 * What each KaTeX class sets: the `.katex .x` rules of the stylesheet the site
 * inlines (katex/dist/katex.css) that name a family, style or weight, read in
 * its order, so a later rule wins over an earlier one on the same element as
 * in the cascade. The more specific rules (delimiters, big operators) come last
 * there: they win over any of the others. A rule's classes are its last
 * compound's (`.delimsizing.mult .delim-size1 > span`: the span's parent, delim-size1).
 */
export function katexClassRules(css: string): [string[], FacePart][] {
  const rules: [string[], FacePart][] = [];
  for (const [, selectors = "", body = ""] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const family = /font-family:\s*(KaTeX_\w+)/.exec(body)?.[1];
    const style = /font-style:\s*(normal|italic)/.exec(body)?.[1] as Face["style"] | undefined;
    const weight = /font-weight:\s*bold/.test(body) ? (700 as const) : undefined;
    if (!family && !style && !weight) continue;
    const part: FacePart = { ...(family && { family }), ...(style && { style }), ...(weight && { weight }) };
    for (const selector of selectors.split(",")) {
      const inside = /^\s*\.katex\s+(.+)$/.exec(selector)?.[1];
      const compound = inside?.split(/\s+/).findLast((s) => s.startsWith("."));
      if (compound) rules.push([compound.slice(1).split("."), part]);
    }
  }
  return rules;
}

const CLASS_RULES = katexClassRules(readFileSync(resolve("node_modules/katex/dist/katex.css"), "utf8"));

/** `.katex { font: normal 1.21em KaTeX_Main }`: the face every formula starts from. */
const KATEX_ROOT: Face = { family: "KaTeX_Main", style: "normal", weight: 400 };

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const RAW_TEXT = /^(script|style|textarea|title)$/;
// Zero-width spaces (KaTeX's vlist-s spacers) draw nothing, so they ask for no face.
const VISIBLE = /[^\s\u200b]/;

interface Open {
  tag: string;
  /** the face text here is drawn in, or null outside KaTeX's visible HTML */
  face: Face | null;
}

function faceFor(classes: Set<string>, inherited: Face | null): Face | null {
  if (classes.has("katex-mathml")) return null; // MathML for screen readers, visually hidden
  let face = classes.has("katex") ? KATEX_ROOT : inherited;
  if (!face) return null;
  for (const [needs, part] of CLASS_RULES) if (needs.every((c) => classes.has(c))) face = { ...face, ...part };
  return face;
}

const faceKey = (f: Face) => `${f.family}|${f.style}|${f.weight}`;

/**
 * The KaTeX faces a page draws text in: for every run of visible text inside
 * a formula's HTML, the family, style and weight its classes cascade to.
 */
export function katexFacesIn(html: string): Face[] {
  const found = new Map<string, Face>();
  const stack: Open[] = [{ tag: "#document", face: null }];
  const token = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  let rawUntil: string | null = null;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [, closing, rawTag, attrs = "", text] = m;
    if (rawUntil) {
      if (closing && rawTag?.toLowerCase() === rawUntil) rawUntil = null;
      continue;
    }
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (top.face && VISIBLE.test(text)) found.set(faceKey(top.face), top.face);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (closing) {
      const at = stack.findLastIndex((o) => o.tag === tag);
      if (at > 0) stack.length = at;
      continue;
    }
    if (RAW_TEXT.test(tag)) {
      rawUntil = tag;
      continue;
    }
    if (VOID.has(tag) || attrs.trimEnd().endsWith("/")) continue;
    const classAttr = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    const classes = new Set((classAttr?.[1] ?? classAttr?.[2] ?? "").split(/\s+/).filter(Boolean));
    stack.push({ tag, face: faceFor(classes, top.face) });
  }
  return [...found.values()];
}

/** The woff2 file of each KaTeX @font-face in the page's (inlined) stylesheets, by face. */
export function katexFontFiles(html: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [rule] of html.matchAll(/@font-face\s*{[^}]*}/g)) {
    const family = /font-family:\s*["']?(KaTeX_[\w]+)/.exec(rule)?.[1];
    const woff2 = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(rule)?.[1];
    if (!family || !woff2) continue;
    const style = /font-style:\s*italic/.test(rule) ? "italic" : "normal";
    const weight = /font-weight:\s*(700|bold)/.test(rule) ? 700 : 400;
    files.set(faceKey({ family, style, weight }), woff2);
  }
  return files;
}

/**
 * The file the browser draws a face from: the exact face if the stylesheet has
 * it, else (as CSS font matching does) the family's face in the same style,
 * else any face of the family.
 */
function fileFor(face: Face, files: Map<string, string>): string | undefined {
  const exact = files.get(faceKey(face));
  if (exact) return exact;
  const sameFamily = [...files].filter(([key]) => key.startsWith(`${face.family}|`));
  return (sameFamily.find(([key]) => key.startsWith(`${face.family}|${face.style}|`)) ?? sameFamily[0])?.[1];
}

const preloadLink = (file: string) => `<link rel="preload" href="${file}" as="font" type="font/woff2" crossorigin>`;

/**
 * The page with a preload for each KaTeX font file its math uses, placed
 * before the site's own font preloads: a broken brace costs the reader more
 * than a fallback text face, and these files are small, so they go first.
 * Unchanged if the page has no math or already preloads them.
 */
export function addKatexFontPreloads(html: string): { html: string; files: string[] } {
  const available = katexFontFiles(html);
  const files = [...new Set(katexFacesIn(html).map((face) => fileFor(face, available)))]
    .filter((file): file is string => file !== undefined && !html.includes(`rel="preload" href="${file}"`))
    .sort();
  if (files.length === 0) return { html, files };
  const links = files.map(preloadLink).join("");
  const firstPreload = html.search(/<link rel="preload"[^>]*as="font"/);
  const at = firstPreload >= 0 ? firstPreload : html.search(/<\/head>/i);
  if (at < 0) return { html, files: [] };
  return { html: html.slice(0, at) + links + html.slice(at), files };
}
