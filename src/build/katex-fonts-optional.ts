/**
 * KaTeX declares its faces `font-display: block`: formulas are laid out with
 * fallback metrics while invisible and reflow when the face arrives, a layout
 * shift the reader sees as text jumping. `optional` never swaps a face in after
 * first paint; BaseLayout preloads the two faces nearly every formula uses, and
 * Chromium holds first paint briefly for preloaded optional fonts, so on an
 * ordinary connection formulas render in KaTeX's faces from the first frame.
 */
import type { Plugin } from "vite";

export function katexFontsOptional(): Plugin {
  return {
    name: "katex-fonts-optional",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id)) return null;
      return { code: code.replaceAll("font-display:block", "font-display:optional"), map: null };
    },
  };
}
