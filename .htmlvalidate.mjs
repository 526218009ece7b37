// html-validate configuration for the built pages (dist/**/*.html), checked by
// tests/built/links-and-html.test.ts. A .mjs file rather than .htmlvalidate.json
// so each relaxed rule can carry the reason it is relaxed.
/** @type {import("html-validate").ConfigData} */
export default {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // H32 asks every <form> for a submit button. The calculators' forms are
    // live: every valid input recomputes at once and nothing is ever submitted
    // (with several text fields and no submit button, Enter submits nothing),
    // so a submit button would be a control that does nothing.
    "wcag/h32": "off",
    // KaTeX positions glyphs with inline style attributes (struts, vertical
    // lists, spacing); the CSP allows them with style-src-attr 'unsafe-inline'
    // and nothing broader. Only the properties KaTeX 0.16 sets are allowed, so
    // a hand-written style="color: …" elsewhere still fails.
    "no-inline-style": [
      "error",
      {
        allowedProperties: [
          "height",
          "width",
          "min-width",
          "vertical-align",
          "top",
          "bottom",
          "left",
          "position",
          "margin",
          "margin-top",
          "margin-left",
          "margin-right",
          "padding-left",
          "border-width",
          "border-style",
          "border-color",
          "border-right-style",
          "border-right-width",
          "border-top-width",
          "border-bottom-width",
          "color",
          "background-color",
          "text-shadow",
          // src/build/katex-glyph-widths.ts (through src/middleware.ts) gives each large-delimiter glyph a
          // fixed box (display:inline-block;width:…em) from KaTeX's metrics, so a late face shifts nothing.
          "display",
        ],
      },
    ],
  },
};
