import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { addKatexFontPreloads, katexFacesIn, katexFontFiles, type Face } from "../../../src/build/katex-font-preloads";
import { fixKatexGlyphWidths, glyphWidth } from "../../../src/build/katex-glyph-widths";

const require = createRequire(import.meta.url);
// The stylesheet the site inlines into every page with math (BaseLayout imports it).
const katexCss = readFileSync(require.resolve("katex/dist/katex.min.css"), "utf8");
const tex = (source: string, displayMode = false) =>
  katex.renderToString(source, { displayMode, output: "htmlAndMathml" });
const page = (body: string, head = "") =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${head}<style>${katexCss}</style></head><body>${body}</body></html>`;
const names = (faces: Face[]) => faces.map((f) => `${f.family} ${f.style} ${f.weight}`).sort();

// The definition of CE on /cross-entropy/: a brace over two rows, which KaTeX draws from KaTeX_Size4.
const ceCases = String.raw`\mathrm{CE}(p, y) = \begin{cases} -\ln p & \text{if } y = 1,\\ -\ln(1 - p) & \text{if } y = 0. \end{cases}`;

describe("katexFacesIn", () => {
  it("finds upright, math italic and the large-delimiter face of a cases brace", () => {
    expect(names(katexFacesIn(page(tex(ceCases, true))))).toEqual([
      "KaTeX_Main normal 400",
      "KaTeX_Math italic 400",
      "KaTeX_Size4 normal 400",
    ]);
  });

  it("finds only math italic for a lone variable (struts and spacers draw no text)", () => {
    expect(names(katexFacesIn(page(tex("x"))))).toEqual(["KaTeX_Math italic 400"]);
  });

  it("follows the cascade: bold upright, bold italic symbols, blackboard bold", () => {
    expect(names(katexFacesIn(page(tex(String.raw`\mathbf{v}`))))).toEqual(["KaTeX_Main normal 700"]);
    expect(names(katexFacesIn(page(tex(String.raw`\boldsymbol{\gamma}`))))).toEqual(["KaTeX_Math italic 700"]);
    expect(names(katexFacesIn(page(tex(String.raw`\mathbb{R}`))))).toEqual(["KaTeX_AMS normal 400"]);
  });

  it("draws a sum from Size1 inline and from Size2 on display", () => {
    expect(names(katexFacesIn(page(tex(String.raw`\sum`))))).toEqual(["KaTeX_Size1 normal 400"]);
    expect(names(katexFacesIn(page(tex(String.raw`\sum`, true))))).toEqual(["KaTeX_Size2 normal 400"]);
  });

  it("ignores the hidden MathML, text outside formulas, and text in scripts and styles", () => {
    const mathmlOnly = tex("x").replace(/<span class="katex-html"[\s\S]*$/, "</span>");
    expect(
      katexFacesIn(page(`<p>plain prose</p>${mathmlOnly}<script>"<span class='katex'>x</span>"</script>`)),
    ).toEqual([]);
  });

  it("counts formulas kept in a <template> (live formulas clone them in later)", () => {
    expect(names(katexFacesIn(page(`<template>${tex("x")}</template>`)))).toEqual(["KaTeX_Math italic 400"]);
  });

  it("knows every class katex.css gives a family of its own", () => {
    for (const [, selectors, family] of katexCss.matchAll(/((?:\.katex \.[\w-]+,?)+)\{font-family:"?(KaTeX_\w+)/g)) {
      for (const [, cls] of selectors!.matchAll(/\.katex \.([\w-]+)/g)) {
        const faces = katexFacesIn(`<span class="katex"><span class="${cls}">x</span></span>`);
        expect(
          faces.map((f) => f.family),
          cls,
        ).toEqual([family]);
      }
    }
  });
});

describe("katexFontFiles", () => {
  it("maps each face of the stylesheet to its woff2 file", () => {
    const files = katexFontFiles(page(""));
    expect(files.size).toBe(20);
    expect(files.get("KaTeX_Size4|normal|400")).toBe("fonts/KaTeX_Size4-Regular.woff2");
    expect(files.get("KaTeX_Math|italic|700")).toBe("fonts/KaTeX_Math-BoldItalic.woff2");
  });
});

describe("addKatexFontPreloads", () => {
  const sitePreload = '<link rel="preload" href="/_astro/serif.woff2" as="font" type="font/woff2" crossorigin>';

  it("preloads exactly the page's faces, before the site's own font preloads", () => {
    const { html, files } = addKatexFontPreloads(page(tex(ceCases, true), sitePreload));
    expect(files).toEqual([
      "fonts/KaTeX_Main-Regular.woff2",
      "fonts/KaTeX_Math-Italic.woff2",
      "fonts/KaTeX_Size4-Regular.woff2",
    ]);
    const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloads).toEqual([...files, "/_astro/serif.woff2"]);
    expect(html.indexOf('KaTeX_Size4-Regular.woff2" as="font" type="font/woff2" crossorigin>')).toBeLessThan(
      html.indexOf("</head>"),
    );
  });

  it("changes nothing on a page without math, and nothing the second time", () => {
    const plain = page("<p>No formulas here.</p>", sitePreload);
    expect(addKatexFontPreloads(plain)).toEqual({ html: plain, files: [] });
    const once = addKatexFontPreloads(page(tex("x"), sitePreload)).html;
    expect(addKatexFontPreloads(once)).toEqual({ html: once, files: [] });
  });
});

describe("fixKatexGlyphWidths", () => {
  const widthOf = (html: string, cls: string) => new RegExp(`class="${cls}" style="([^"]*)"`).exec(html)?.[1];

  it("fixes the width of a cases brace from KaTeX's metrics for that glyph, and of nothing else", () => {
    const { html, fixed } = fixKatexGlyphWidths(tex(ceCases, true));
    expect(fixed).toBe(1);
    // KaTeX's own metrics (katex/src/fontMetricsData.js): "{" in KaTeX_Size4 advances 0.80556 em.
    expect(widthOf(html, "delimsizing size4")).toBe("display:inline-block;width:0.80556em");
    expect(html.match(/display:inline-block;width:/g)).toHaveLength(1);
  });

  it("keeps a big operator's own style and adds the width after it", () => {
    const { html } = fixKatexGlyphWidths(tex(String.raw`\int`, true));
    expect(widthOf(html, "mop op-symbol large-op")).toMatch(
      /^margin-right:[\d.]+em;position:relative;top:[-\d.]+em;display:inline-block;width:0\.\d+em$/,
    );
  });

  it("fixes each piece of a stacked brace, and is idempotent", () => {
    const tall = tex(String.raw`\left\{\begin{matrix}a\\b\\c\\d\\e\\f\end{matrix}\right.`);
    const once = fixKatexGlyphWidths(tall);
    expect(once.fixed).toBe(3);
    expect(fixKatexGlyphWidths(once.html)).toEqual({ html: once.html, fixed: 0 });
  });

  it("has no width for characters KaTeX has no metrics for", () => {
    expect(glyphWidth("Size4-Regular", "{")).toBeGreaterThan(0);
    expect(glyphWidth("Size4-Regular", "a")).toBeUndefined();
    expect(glyphWidth("Size4-Regular", "{{")).toBeUndefined();
  });
});
