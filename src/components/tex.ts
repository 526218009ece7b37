import katex from "katex";

/**
 * KaTeX to HTML at build time. Strict and throwing, unlike the Markdown math:
 * these formulas are generated from computed numbers, so a malformed one is a
 * bug in the generator and should fail the build, not print a red error.
 */
export function renderTex(tex: string, displayMode = false): string {
  return katex.renderToString(tex, { displayMode, throwOnError: true, strict: "error", output: "htmlAndMathml" });
}
