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

/** One @font-face: a family in a style and weight. */
export interface Face {
  family: string;
  style: "normal" | "italic";
  weight: 400 | 700;
}

type FacePart = Partial<Face>;

/**
 * What each KaTeX class sets, from katex/dist/katex.css 0.16 (the `.katex .x`
 * rules that name a family, style or weight), in the stylesheet's order, so a
 * later rule wins over an earlier one on the same element as in the cascade.
 * The more specific rules (delimiters, big operators) come last: they win over
 * any of the others.
 */
const CLASS_RULES: readonly (readonly [string[], FacePart])[] = [
  [["textbf"], { weight: 700 }],
  [["textit"], { style: "italic" }],
  [["textrm"], { family: "KaTeX_Main" }],
  [["textsf"], { family: "KaTeX_SansSerif" }],
  [["texttt"], { family: "KaTeX_Typewriter" }],
  [["mathnormal"], { family: "KaTeX_Math", style: "italic" }],
  [["mathit"], { family: "KaTeX_Main", style: "italic" }],
  [["mathrm"], { style: "normal" }],
  [["mathbf"], { family: "KaTeX_Main", weight: 700 }],
  [["boldsymbol"], { family: "KaTeX_Math", style: "italic", weight: 700 }],
  [["amsrm"], { family: "KaTeX_AMS" }],
  [["mathbb"], { family: "KaTeX_AMS" }],
  [["textbb"], { family: "KaTeX_AMS" }],
  [["mathcal"], { family: "KaTeX_Caligraphic" }],
  [["mathfrak"], { family: "KaTeX_Fraktur" }],
  [["textfrak"], { family: "KaTeX_Fraktur" }],
  [["mathboldfrak"], { family: "KaTeX_Fraktur", weight: 700 }],
  [["textboldfrak"], { family: "KaTeX_Fraktur", weight: 700 }],
  [["mathtt"], { family: "KaTeX_Typewriter" }],
  [["mathscr"], { family: "KaTeX_Script" }],
  [["textscr"], { family: "KaTeX_Script" }],
  [["mathsf"], { family: "KaTeX_SansSerif" }],
  [["mathboldsf"], { family: "KaTeX_SansSerif", weight: 700 }],
  [["textboldsf"], { family: "KaTeX_SansSerif", weight: 700 }],
  [["mathitsf"], { family: "KaTeX_SansSerif", style: "italic" }],
  [["mathsfit"], { family: "KaTeX_SansSerif", style: "italic" }],
  [["textitsf"], { family: "KaTeX_SansSerif", style: "italic" }],
  [["mainrm"], { family: "KaTeX_Main", style: "normal" }],
  [["delimsizing", "size1"], { family: "KaTeX_Size1" }],
  [["delimsizing", "size2"], { family: "KaTeX_Size2" }],
  [["delimsizing", "size3"], { family: "KaTeX_Size3" }],
  [["delimsizing", "size4"], { family: "KaTeX_Size4" }],
  // `.delimsizing.mult .delim-size1 > span`: the pieces of a stacked delimiter.
  [["delim-size1"], { family: "KaTeX_Size1" }],
  [["delim-size4"], { family: "KaTeX_Size4" }],
  [["op-symbol", "small-op"], { family: "KaTeX_Size1" }],
  [["op-symbol", "large-op"], { family: "KaTeX_Size2" }],
];

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
