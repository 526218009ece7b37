// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { rehypeHeadingIds, unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { rehypeHeadingAnchors } from "./src/plugins/rehype-heading-anchors";

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
      rehypePlugins: [[rehypeKatex, { strict: "error", throwOnError: false }], rehypeHeadingIds, rehypeHeadingAnchors],
    }),
  },
  build: { format: "directory" },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: "attribute" }] },
    },
  },
  vite: {
    // Fonts stay files: a data: URL font would bloat the CSS and need a wider CSP.
    build: { assetsInlineLimit: 0 },
  },
});
