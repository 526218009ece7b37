/**
 * KaTeX declares its faces `font-display: block`: formulas are laid out with
 * fallback metrics while invisible and reflow when the face arrives, a layout
 * shift the reader sees as text jumping. `optional` never swaps a face in after
 * first paint, so a face must be preloaded to be drawn at all: each page
 * preloads exactly the faces its formulas use (src/middleware.ts, with
 * src/build/katex-font-preloads.ts), and Chromium holds first paint briefly for
 * preloaded optional fonts, so formulas render in KaTeX's faces from the first frame.
 */
import type { Plugin } from "vite";

export function katexFontsOptional(): Plugin {
  return {
    name: "katex-fonts-optional",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id)) return null;
      // The large-delimiter faces (KaTeX_Size1..4) keep `block`: their fallback is a text-size "{" beside
      // rows it should span, a formula that reads as broken; a late one shifts nothing, because the page's
      // middleware fixes the width of each of their glyphs from KaTeX's metrics (src/build/katex-glyph-widths.ts).
      const faces = code.match(/@font-face\s*{[^}]*}/g) ?? [];
      let out = code;
      for (const face of faces) {
        if (/font-family:\s*"?KaTeX_Size[1-4]\b/.test(face)) continue;
        out = out.replace(face, face.replace(/font-display:\s*block/, "font-display:optional"));
      }
      return { code: out, map: null };
    },
  };
}
