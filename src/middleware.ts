/**
 * Every page, as Astro renders it (at build time for this static site, and on
 * each request in `astro dev`, so both agree): the KaTeX font files its math
 * uses are preloaded, and the large-delimiter glyphs get their fixed widths, so
 * a formula renders right on a cold first visit and a late face shifts nothing
 * (src/build/katex-font-preloads.ts, src/build/katex-glyph-widths.ts). This is
 * Astro's documented way to change a response; the build never edits its output.
 */
import { defineMiddleware } from "astro:middleware";
import { addKatexFontPreloads } from "./build/katex-font-preloads";
import { fixKatexGlyphWidths } from "./build/katex-glyph-widths";

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get("content-type") ?? "").includes("text/html")) return response;
  const html = await response.text();
  const page = addKatexFontPreloads(fixKatexGlyphWidths(html).html).html;
  return new Response(page, { status: response.status, statusText: response.statusText, headers: response.headers });
});
