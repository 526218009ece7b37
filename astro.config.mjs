// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { rehypeHeadingIds, unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { rehypeHeadingAnchors } from "./src/plugins/rehype-heading-anchors";
import { webComponentModule } from "./src/build/web-component-module";
import { cspStyleHashes } from "./src/build/csp-style-hashes";
import { katexFontPreloads } from "./src/build/katex-font-preloads";

/**
 * BASE_PATH serves the site under a sub-path (for example /focal-loss/ on a
 * project page); SITE_URL is the public origin the sitemap and social cards use.
 */
const base = process.env.BASE_PATH ?? "/";
const site = process.env.SITE_URL ?? "https://focal-loss.example.org";

/**
 * KaTeX declares its faces `font-display: block`: formulas are laid out with
 * fallback metrics while invisible and reflow when the face arrives, a layout
 * shift the reader sees as text jumping. `optional` never swaps a face in after
 * first paint, so a face must be preloaded to be drawn at all: after the build,
 * katexFontPreloads (src/build/katex-font-preloads.ts) preloads on each page
 * exactly the faces its formulas use, and Chromium holds first paint briefly
 * for preloaded optional fonts, so formulas render in KaTeX's faces from the
 * first frame. The large-delimiter and big-operator faces (KaTeX_Size1..4)
 * keep `block`: their fallback is a text-size "{" beside rows it should span,
 * a formula that reads as broken. So that a late one (a slow link) shifts
 * nothing when it arrives, the same build step fixes the width of each of
 * their glyphs from KaTeX's metrics (src/build/katex-glyph-widths.ts).
 */
function katexFontsOptional() {
  return {
    name: "katex-fonts-optional",
    enforce: /** @type {const} */ ("pre"),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id)) return null;
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

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  integrations: [mdx(), sitemap(), webComponentModule(), cspStyleHashes(), katexFontPreloads()],
  markdown: {
    // Shiki colours code with inline style attributes, which the CSP below
    // forbids; Prism marks tokens with classes instead.
    syntaxHighlight: "prism",
    // Astro 7's default engine runs no remark/rehype plugins; math only renders
    // through the unified processor (MDX inherits it). KaTeX runs at build time,
    // so no KaTeX JavaScript reaches the browser.
    processor: unified({
      remarkPlugins: [remarkMath],
      // Heading ids first (Astro would add them only after every plugin), then anchors that link to them.
      rehypePlugins: [[rehypeKatex, { strict: "error", throwOnError: false }], rehypeHeadingIds, rehypeHeadingAnchors],
    }),
  },
  // Stylesheets inline into each page: a few KB compressed, and no render-blocking
  // requests before first paint (Lighthouse measured about 440 ms of them on a
  // chapter on its mobile preset). Astro hashes them into the CSP below.
  build: { format: "directory", inlineStylesheets: "always" },
  // A strict Content-Security-Policy as a <meta> tag on every page: scripts
  // only from this origin or by hash (Astro hashes its own; ThemeScript adds
  // the theme script's), no eval, nothing loaded from elsewhere. KaTeX writes
  // inline style attributes, so style-src-attr allows 'unsafe-inline' and
  // nothing broader (no inline <style> without a hash). frame-ancestors cannot
  // be set in a meta tag; a host that wants it must send it as a header.
  // img-src also allows blob: and data:, the image URLs the share panel draws
  // the chart's SVG through to export a PNG (export-png.ts).
  // Checked on every built page by tests/audit/links-and-html.test.ts.
  security: {
    csp: {
      // img-src blob: lets the share panel rasterise its own standalone SVG (an object URL it just made) for the PNG download.
      directives: ["default-src 'self'", "img-src 'self' blob: data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: "attribute" }] },
    },
  },
  vite: {
    plugins: [katexFontsOptional()],
    resolve: {
      // d3-scale's general interpolator drags in d3-color and more for scales
      // that only map numbers to numbers; src/charts/number-interpolate.ts has why.
      alias: [{ find: /^d3-interpolate$/, replacement: fileURLToPath(new URL("./src/charts/number-interpolate.ts", import.meta.url)) }],
    },
    // Fonts stay files: a data: URL font would bloat the CSS and need a wider CSP.
    build: { assetsInlineLimit: 0 },
  },
});
