// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { rehypeHeadingIds, unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { rehypeHeadingAnchors } from "./src/plugins/rehype-heading-anchors";
import { rehypeMathPunctuation } from "./src/plugins/rehype-math-punctuation";
import { webComponentModule } from "./src/build/web-component-module";
import { katexFontsOptional } from "./src/build/katex-fonts-optional";

/**
 * BASE_PATH serves the site under a sub-path (for example /focal-loss/ on a
 * project page); SITE_URL is the public origin the sitemap and social cards use.
 */
const base = process.env.BASE_PATH ?? "/";
const site = process.env.SITE_URL ?? "https://focal-loss.example.org";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  integrations: [mdx(), sitemap()],
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
      rehypePlugins: [
        [rehypeKatex, { strict: "error", throwOnError: false }],
        rehypeMathPunctuation,
        rehypeHeadingIds,
        rehypeHeadingAnchors,
      ],
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
  // Checked on every built page by tests/built/links-and-html.test.ts.
  security: {
    csp: {
      // img-src blob: lets the share panel rasterise its own standalone SVG (an object URL it just made) for the PNG download.
      directives: [
        "default-src 'self'",
        "img-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: "attribute" }] },
    },
  },
  vite: {
    plugins: [katexFontsOptional(), webComponentModule()],
    resolve: {
      // d3-scale's general interpolator drags in d3-color and more for scales
      // that only map numbers to numbers; src/charts/number-interpolate.ts has why.
      alias: [
        {
          find: /^d3-interpolate$/,
          replacement: fileURLToPath(new URL("./src/charts/number-interpolate.ts", import.meta.url)),
        },
      ],
    },
    // Fonts stay files: a data: URL font would bloat the CSS and need a wider CSP.
    // modulePreload off: the islands' few dynamic imports (the share panel, the exporters) then need no preload
    // helper in every page's bundle; each lazily loaded module is small and fetched when the reader asks for it.
    build: { assetsInlineLimit: 0, modulePreload: false },
  },
});
