/**
 * Gives each glyph KaTeX draws from a large-delimiter or big-operator face
 * (KaTeX_Size1..4) a box as wide as KaTeX's own metrics say the glyph is.
 *
 * Why: those faces stay `font-display: block` (astro.config.mjs), because
 * their fallback, a text-size "{" beside rows it should span, reads as a broken
 * formula. A blocked glyph is laid out invisibly in a fallback face, and when
 * its face arrives late (a slow link) the advance width changes and the rest
 * of the formula moves: a layout shift. With the width fixed from KaTeX's
 * metrics, the arriving face changes what the box shows, not where anything is.
 */
import metrics from "katex/src/fontMetricsData.js";

type Metrics = Record<string, Record<string, readonly number[]>>;
const table = metrics as unknown as Metrics;

/** The advance width in em of a character in a KaTeX face, or undefined if KaTeX has no metrics for it. */
export function glyphWidth(face: `Size${1 | 2 | 3 | 4}-Regular`, char: string): number | undefined {
  const code = char.codePointAt(0);
  if (code === undefined || [...char].length !== 1) return undefined;
  return table[face]?.[String(code)]?.[4];
}

/** The face a span's classes draw its text in, if it is one of the blocking ones. */
function blockingFace(classes: string[]): `Size${1 | 2 | 3 | 4}-Regular` | undefined {
  const has = (c: string) => classes.includes(c);
  if (has("delimsizing")) {
    const size = classes.map((c) => /^size([1-4])$/.exec(c)?.[1]).find(Boolean);
    return size ? (`Size${size}-Regular` as `Size${1 | 2 | 3 | 4}-Regular`) : undefined;
  }
  if (has("op-symbol") && has("small-op")) return "Size1-Regular";
  if (has("op-symbol") && has("large-op")) return "Size2-Regular";
  return undefined;
}

const em = (n: number) => `${Number(n.toFixed(5))}em`;
const withWidth = (style: string, width: number) =>
  `${style.replace(/;?\s*$/, style.trim() ? ";" : "")}display:inline-block;width:${em(width)}`;

/**
 * The page with a fixed width on every single-glyph span in a KaTeX_Size face:
 * sized delimiters (`delimsizing sizeN`), big operators (`op-symbol`) and the
 * pieces of stacked delimiters (`delimsizinginner delim-size1|4`).
 */
export function fixKatexGlyphWidths(html: string): { html: string; fixed: number } {
  let fixed = 0;
  const single = /<span class="([^"]*)"(?: style="([^"]*)")?>([^<]+)<\/span>/g;
  let out = html.replace(single, (whole, cls: string, style: string | undefined, text: string) => {
    const face = blockingFace(cls.split(/\s+/));
    const width = face && glyphWidth(face, text);
    if (width === undefined || /(^|;)\s*width:/.test(style ?? "")) return whole;
    fixed += 1;
    return `<span class="${cls}" style="${withWidth(style ?? "", width)}">${text}</span>`;
  });
  const piece = /(<span class="delimsizinginner delim-size([14])">)<span>([^<]+)<\/span>/g;
  out = out.replace(piece, (whole, open: string, size: string, text: string) => {
    const width = glyphWidth(`Size${size as "1" | "4"}-Regular`, text);
    if (width === undefined) return whole;
    fixed += 1;
    return `${open}<span style="${withWidth("", width)}">${text}</span>`;
  });
  return { html: out, fixed };
}
